using System.Text.Json.Nodes;

namespace Officina.Planning.Model;

/// <summary>One function call the model asked for. <see cref="Arguments"/> is raw JSON text, possibly malformed.</summary>
public sealed record ToolCall(string CallId, string Name, string Arguments, string? Namespace = null);

/// <summary>
/// One model answer: the tool calls to run in order, any text or refusal, whether the output
/// was cut off (then its calls are dropped: they may be partial), tokens used, and the
/// functions hosted tool search loaded in this turn.
/// </summary>
public sealed record ModelTurn(
    IReadOnlyList<ToolCall> Calls,
    string? Text,
    string? Refusal,
    string? TruncatedBecause,
    ModelUsage Usage,
    IReadOnlyList<string> SearchLoaded)
{
    public bool Truncated => TruncatedBecause is not null;
}

/// <summary>
/// A conversation with the model in one API style. It keeps the transcript the next request
/// needs (stateless: nothing is stored server-side between turns beyond what the API does).
/// </summary>
public abstract class ModelConversation(ModelClient client)
{
    protected ModelClient Client { get; } = client;

    protected ModelSettings Settings => Client.Settings;

    /// <summary>Requests the next turn with <paramref name="tools"/> (already in this style's JSON).</summary>
    public abstract Task<ModelTurn> NextAsync(JsonArray tools, ReasoningEffort effort, int maxOutputTokens, CancellationToken cancellationToken);

    /// <summary>Answers one tool call of the last turn.</summary>
    public abstract void AddToolOutput(ToolCall call, string output);

    /// <summary>Adds a user message (verification findings, a nudge after truncation).</summary>
    public abstract void AddUserText(string text);

    public static ModelConversation Start(ModelClient client, string instructions, string userText)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Settings.Style == ApiStyle.Responses
            ? new ResponsesConversation(client, instructions, userText)
            : new ChatConversation(client, instructions, userText);
    }

    protected static long Count(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    protected static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Arguments come as a JSON string, but some servers send an object; keep either as text.</summary>
    protected static string ArgumentsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
