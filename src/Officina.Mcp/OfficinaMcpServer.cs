using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.Mcp.Tools;

namespace Officina.Mcp;

/// <summary>
/// The Officina MCP server: its tools, prompts and instructions, registered once here for both
/// front ends; <see cref="RunStdioAsync"/> is <c>officina mcp</c>. A front end registers an
/// <see cref="IDocumentStore"/> (where documents come from, on whose behalf) and
/// <see cref="WorkingCopies"/> (the bounded sessions).
/// </summary>
public static class OfficinaMcpServer
{
    public const string Name = "officina";

    public const string Instructions = """
        Officina edits Excel workbooks, Word documents and PowerPoint decks through typed, validated operations.
        Work like this: open_document (returns a session id and a digest) -> search_operations by keyword -> describe_operations for the schemas of the few you need
        -> apply_operations (all or nothing; a tool error names the argument path, rule and bad value: fix and call again) -> verify_document and render_page to check
        -> save_document. undo reverts the last apply. The prompts excel_craft, word_craft and powerpoint_craft say how to edit each kind of document well.
        """;

    /// <summary>The tool classes, in the order their tools are listed.</summary>
    public static IReadOnlyList<Type> ToolTypes { get; } = [typeof(DocumentTools), typeof(CatalogTools), typeof(EditTools), typeof(CheckTools)];

    /// <summary>The server's name, version and instructions on <paramref name="options"/>.</summary>
    public static void Configure(McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ServerInfo = new Implementation
        {
            Name = Name,
            Title = "Officina",
            Version = typeof(OfficinaMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        };
        options.ServerInstructions = Instructions;
    }

    /// <summary>Adds the tools and the craft prompts.</summary>
    public static IMcpServerBuilder WithOfficina(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // As IEnumerable<Type>: the list itself would bind to WithTools<T>(T target), a tool object.
        return builder.WithTools((IEnumerable<Type>)ToolTypes).WithPrompts((IEnumerable<Type>)[typeof(CraftPrompts)]);
    }

    /// <summary>
    /// Serves MCP over stdin/stdout until the client hangs up or <paramref name="cancellationToken"/> fires;
    /// documents only under <paramref name="roots"/>. Nothing but protocol goes to stdout (logs go to stderr).
    /// </summary>
    public static async Task RunStdioAsync(DocumentRoots roots, McpEngine engine, SessionLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(engine);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IDocumentStore>(new RootedFileStore(roots));
        builder.Services.AddSingleton(_ => new WorkingCopies(engine, limits ?? new SessionLimits(), TimeProvider.System));
        builder.Services.AddMcpServer(Configure).WithStdioServerTransport().WithOfficina();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
