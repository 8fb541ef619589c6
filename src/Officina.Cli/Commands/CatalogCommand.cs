using Officina.Planning;
using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary><c>officina catalog [--host H] [--json]</c>: the operations each host offers.</summary>
public static class CatalogCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var host = new Option<string?>("--host") { Description = "Only this host's operations: excel, word or powerpoint" };
        var json = new Option<bool>("--json") { Description = "Print JSON: name, summary, kind and strict JSON schema of each operation" };
        var command = new Command("catalog", "List the operations a plan can use") { host, json };
        command.SetAction(parse =>
        {
            var o = output();
            var hostName = parse.GetValue(host);
            DocumentHost? filter = null;
            if (hostName is not null)
            {
                if (!DocumentHosts.TryParse(hostName, out var parsed))
                {
                    o.Error.WriteLine($"error: --host must be excel, word or powerpoint. Given: '{hostName}'.");
                    return ExitCodes.Invalid;
                }

                filter = parsed;
            }

            var operations = DocumentSessions.Catalog.Operations.Where(d => filter is null || d.Host == filter).ToList();
            if (parse.GetValue(json))
            {
                o.WriteJson(operations.Select(d => new { name = d.Name, host = d.Host.ToName(), summary = d.Summary, kind = d.Kind, schema = d.Schema }));
                return ExitCodes.Ok;
            }

            foreach (var group in operations.GroupBy(d => d.Host))
            {
                o.Out.WriteLine($"{group.Key.ToName()}:");
                foreach (var d in group)
                {
                    o.Out.WriteLine($"  {d.Name,-24} {d.Kind,-5}  {d.Summary}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
