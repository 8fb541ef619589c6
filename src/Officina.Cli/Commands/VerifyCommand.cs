using Officina.Planning;
using System.CommandLine;

namespace Officina.Cli.Commands;

/// <summary><c>officina verify FILE [--json]</c>: recalculation and validation report; the file is not changed.</summary>
public static class VerifyCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "The document to check (not modified)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("verify", "Recalculate and validate a document and report what is wrong") { file, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            return CommandErrors.GuardAsync(o, async () =>
            {
                var budgets = EngineBudgets.From(parse);
                using var session = DocumentSessions.Open(parse.GetValue(file)!, budgets.Limits, budgets.LibreOffice);
                var report = await o.WithStatusAsync("Verifying", _ => session.VerifyAsync(cancellationToken)).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    o.WriteJson(CliOutput.Report(report));
                }
                else
                {
                    o.WriteReport(report);
                }

                return report.HasErrors ? ExitCodes.VerificationErrors : ExitCodes.Ok;
            });
        });
        return command;
    }
}
