using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.Operations;

namespace Officina.Mcp.Tools;

/// <summary>Opening a document into a session, reading its digest, closing it.</summary>
[McpServerToolType]
public static class DocumentTools
{
    [McpServerTool(Name = "open_document", Title = "Open a document", Destructive = false, OpenWorld = false)]
    [Description("Open an Excel workbook, Word document or PowerPoint deck into a new session: a working copy the other tools change (the file itself is never modified). Returns the session id, the host and a digest of the document (sheets, ranges, styles; paragraphs; slides and shapes).")]
    public static Task<CallToolResult> OpenDocument(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("stdio: a file path under the server's roots; HTTP: jobs/ID/original or jobs/ID/result of one of your jobs")] string path,
        [Description("Token budget of the digest (default 4000)")] int? budget = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(async () =>
        {
            var tokens = Budget(budget);
            var document = await store.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var copy = copies.Open(store.Owner, document);
            return ToolResults.Json(new JsonObject
            {
                ["session"] = copy.Id,
                ["host"] = copy.Host.ToName(),
                ["document"] = copy.Location,
                ["digest"] = copy.Inspect(tokens),
            });
        });

    [McpServerTool(Name = "inspect_document", Title = "Inspect the working copy", ReadOnly = true, OpenWorld = false)]
    [Description("The digest of the session's working copy as it is now (after the operations applied so far), and the changes applied.")]
    public static Task<CallToolResult> InspectDocument(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        [Description("Token budget of the digest (default 4000)")] int? budget = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, copy => Task.FromResult(ToolResults.Json(new JsonObject
        {
            ["session"] = copy.Id,
            ["host"] = copy.Host.ToName(),
            ["applied_plans"] = copy.History.Count,
            ["changes"] = ToolResults.Array(copy.Changes, c => ToolResults.Change(c)),
            ["digest"] = copy.Inspect(Budget(budget)),
        })), cancellationToken));

    [McpServerTool(Name = "close_document", Title = "Close a session", Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Close a session and discard its working copy (save_document first to keep it). Frees one of the few session slots.")]
    public static Task<CallToolResult> CloseDocument(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(async () =>
        {
            await copies.CloseAsync(store.Owner, session, cancellationToken).ConfigureAwait(false);
            return ToolResults.Json(new JsonObject { ["closed"] = session });
        });

    private static int Budget(int? budget) => budget switch
    {
        null => Digest.DefaultTokenBudget,
        < 100 => throw new ToolRefusalException("$.budget", "budget", $"The digest budget must be at least 100 tokens. Given: {budget}."),
        _ => budget.Value,
    };
}
