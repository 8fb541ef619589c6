using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Rendering;
using Officina.Operations;

namespace Officina.Mcp.Tools;

/// <summary>
/// How every tool answers: a JSON text block on success; on a refusal a tool error
/// (<c>isError</c>) whose JSON lists the errors with path, rule and message, as the CLI and the
/// REST API list them. Failures of the engines the agent can act on (a rejected file, a render
/// or LibreOffice failure) are tool errors too; anything else is the SDK's generic error.
/// </summary>
public static class ToolResults
{
    public static CallToolResult Json(JsonObject value) => new() { Content = [new TextContentBlock { Text = value.ToJsonString() }] };

    public static CallToolResult Errors(IReadOnlyList<OperationError> errors, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var body = new JsonObject
        {
            ["ok"] = false,
            ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)new JsonObject { ["path"] = e.Path, ["rule"] = e.Rule, ["message"] = e.Message })]),
        };
        if (note is not null)
        {
            body["note"] = note;
        }

        return new() { IsError = true, Content = [new TextContentBlock { Text = body.ToJsonString() }] };
    }

    /// <summary>Runs <paramref name="work"/>, turning the refusals and engine failures an agent can act on into tool errors.</summary>
    public static async Task<CallToolResult> GuardAsync(Func<Task<CallToolResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (ToolRefusalException ex)
        {
            return Errors(ex.Errors);
        }
        catch (DocumentRejectedException ex)
        {
            return Errors([new("$.path", ex.Reason, ex.Message)]);
        }
        catch (RenderException ex)
        {
            return Errors([new("$", ex.Code, ex.Message)]);
        }
        catch (Exception ex) when (ex is LibreOfficeException or LibreOfficeTimeoutException or LibreOfficeNotInstalledException)
        {
            return Errors([new("$", "libreoffice", ex.Message)]);
        }
    }

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> select) => new([.. items.Select(select)]);

    public static JsonObject Change(Change change) => new() { ["op"] = change.Op, ["target"] = change.Target, ["summary"] = change.Summary };
}
