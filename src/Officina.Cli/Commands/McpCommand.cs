using System.CommandLine;
using Officina.Mcp;
using Officina.Mcp.Documents;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina mcp --root DIR [--root DIR…]</c>: an MCP server over stdin/stdout for agents
/// (Claude Desktop, Claude Code, VS Code, Codex). It reads and writes documents only under the
/// roots, after following links and <c>..</c>; everything else is refused with a tool error.
/// </summary>
public static class McpCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var roots = new Option<string[]>("--root") { Description = "A folder the server may read and write documents in (repeatable; at least one)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var command = new Command("mcp", "Serve the Model Context Protocol over stdio: open, inspect, apply, verify, render and save documents under the given roots") { roots };
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            return CommandErrors.GuardAsync(o, async () =>
            {
                DocumentRoots folders;
                try
                {
                    folders = new DocumentRoots(parse.GetValue(roots) ?? []);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0], ex);
                }

                var budgets = EngineBudgets.From(parse);
                await OfficinaMcpServer.RunStdioAsync(folders, new McpEngine(budgets.Limits, budgets.LibreOffice), cancellationToken: cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
