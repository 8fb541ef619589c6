using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.OpenXml.Rendering;
using Officina.Operations;

namespace Officina.Mcp.Tools;

/// <summary>Checking and keeping the working copy: verify, render a page, save.</summary>
[McpServerToolType]
public static class CheckTools
{
    [McpServerTool(Name = "verify_document", Title = "Verify the working copy", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Recalculate (workbooks, with LibreOffice), validate the package and check layout. Findings are what the edits introduced (an error fails the edit: repair it with more operations); pre_existing are what the input already had.")]
    public static Task<CallToolResult> VerifyDocument(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, async copy =>
            ToolResults.Json(VerificationReportJson.From(await copy.VerifyAsync(cancellationToken).ConfigureAwait(false))), cancellationToken));

    [McpServerTool(Name = "render_page", Title = "Render a page", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Render one page of the working copy as LibreOffice prints it (a slide, a printed page of a document or workbook) and return it as a PNG image, to look at the result.")]
    public static Task<CallToolResult> RenderPage(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        [Description("1-based page (slide) number; default 1")] int? page = null,
        [Description("Resolution, 36-300; default 96")] int? dpi = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, async copy =>
        {
            var (request, error) = RenderRequest.Create(RenderRequest.Png, (page ?? 1).ToString(CultureInfo.InvariantCulture), dpi?.ToString(CultureInfo.InvariantCulture));
            if (request is null)
            {
                return ToolResults.Errors([error! with { Path = error.Path == "$.pages" ? "$.page" : error.Path }]);
            }

            var rendered = await new DocumentRenderer(copies.Engine.LibreOffice).RenderAsync(
                copy.Save(), copy.Extension, Path.GetFileNameWithoutExtension(copy.Name), request, new Progress<PlanProgress>(), cancellationToken).ConfigureAwait(false);
            return new CallToolResult
            {
                Content =
                [
                    ImageContentBlock.FromBytes(rendered.Content, "image/png"),
                    new TextContentBlock { Text = string.Create(CultureInfo.InvariantCulture, $"Page {page ?? 1} of {rendered.PageCount}.") },
                ],
            };
        }, cancellationToken));

    [McpServerTool(Name = "save_document", Title = "Save the working copy", Destructive = true, OpenWorld = false)]
    [Description("Verify the working copy if it changed since the last verify_document, then save it atomically. stdio: to path (default: beside the input, NAME-officina.xlsx); the input or another existing file is replaced only with overwrite: true. HTTP: as a new job of yours whose result is the document.")]
    public static Task<CallToolResult> SaveDocument(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        [Description("stdio: where to save, under the server's roots; ignored over HTTP")] string? path = null,
        [Description("Replace an existing file, even the input; default false")] bool? overwrite = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, async copy =>
        {
            var report = copy.Verified ?? await copy.VerifyAsync(cancellationToken).ConfigureAwait(false);
            var saved = await store.SaveAsync(copy, copy.Save(), report, new SaveRequest(path, overwrite ?? false), cancellationToken).ConfigureAwait(false);
            copy.SavedTo = saved;
            return ToolResults.Json(new JsonObject
            {
                ["saved"] = saved,
                ["changes"] = copy.Changes.Count,
                ["verification"] = VerificationReportJson.From(report),
            });
        }, cancellationToken));
}
