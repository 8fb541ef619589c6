using Officina.Planning;
using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary><c>officina inspect FILE [--json] [--budget N]</c>: the digest a model plans from.</summary>
public static class InspectCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "An .xlsx/.xlsm workbook (detected by content)" };
        var json = new Option<bool>("--json") { Description = "Print JSON: host, budget and digest" };
        var budget = new Option<int>("--budget") { Description = "Token budget of the digest (o200k tokens)", DefaultValueFactory = _ => Digest.DefaultTokenBudget };
        var command = new Command("inspect", "Print a compact digest of a document for planning") { file, json, budget };
        command.SetAction(parse =>
        {
            var o = output();
            var tokens = parse.GetValue(budget);
            if (tokens < 100)
            {
                o.Error.WriteLine($"error: --budget must be at least 100 tokens. Given: {tokens}.");
                return ExitCodes.Invalid;
            }

            return CommandErrors.Guard(o, () =>
            {
                var budgets = EngineBudgets.From(parse);
                using var session = DocumentSessions.Open(parse.GetValue(file)!, budgets.Limits, budgets.LibreOffice);
                var digest = session.Inspect(tokens);
                if (parse.GetValue(json))
                {
                    o.WriteJson(new { host = session.Host.ToName(), budget = tokens, digest });
                }
                else
                {
                    o.Out.Write(digest);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
