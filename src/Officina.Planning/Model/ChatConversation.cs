using System.Text.Json.Nodes;

namespace Officina.Planning.Model;

/// <summary>
/// Chat Completions (<c>POST /chat/completions</c>), for OpenAI-compatible servers without the
/// Responses API: a message list with the assistant's tool calls echoed and one <c>tool</c>
/// message per call.
/// </summary>
public sealed class ChatConversation : ModelConversation
{
    private readonly JsonArray _messages = [];

    public ChatConversation(ModelClient client, string instructions, string userText)
        : base(client)
    {
        _messages.Add(new JsonObject { ["role"] = Settings.IsOpenAI ? "developer" : "system", ["content"] = instructions });
        AddUserText(userText);
    }

    public override async Task<ModelTurn> NextAsync(JsonArray tools, ReasoningEffort effort, int maxOutputTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var body = new JsonObject
        {
            ["model"] = Settings.Model,
            ["messages"] = _messages.DeepClone(),
        };
        if (tools.Count > 0)
        {
            body["tools"] = tools.DeepClone();
            body["parallel_tool_calls"] = true;
        }

        // Local servers ignore or reject reasoning_effort; send it where it means something.
        if (Settings.IsOpenAI || Settings.Effort is not null || IsReasoningModel(Settings.Model))
        {
            body["reasoning_effort"] = effort.ToName();
        }

        body[Settings.IsOpenAI ? "max_completion_tokens" : "max_tokens"] = maxOutputTokens;
        var response = await Client.SendAsync(body, cancellationToken).ConfigureAwait(false);
        return Read(response);
    }

    public override void AddToolOutput(ToolCall call, string output)
    {
        ArgumentNullException.ThrowIfNull(call);
        _messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = call.CallId, ["content"] = output });
    }

    public override void AddUserText(string text) =>
        _messages.Add(new JsonObject { ["role"] = "user", ["content"] = text });

    private ModelTurn Read(JsonObject response)
    {
        var usageNode = response["usage"];
        var usage = new ModelUsage(
            Count(usageNode?["prompt_tokens"]),
            Count(usageNode?["prompt_tokens_details"]?["cached_tokens"]),
            Count(usageNode?["completion_tokens"]),
            Count(usageNode?["completion_tokens_details"]?["reasoning_tokens"]),
            1);

        var choice = (response["choices"] as JsonArray)?.FirstOrDefault() as JsonObject
            ?? throw new ModelRequestException("The model endpoint answered without choices.", 200);
        var finish = Str(choice["finish_reason"]);
        var message = choice["message"] as JsonObject ?? [];
        if (finish == "length")
        {
            return new ModelTurn([], null, null, "max_output_tokens", usage, []);
        }

        var refusal = Str(message["refusal"]) ?? (finish == "content_filter" ? "The answer was withheld by the content filter." : null);
        var calls = new List<ToolCall>();
        var echoedCalls = new JsonArray();
        foreach (var call in message["tool_calls"] as JsonArray ?? [])
        {
            if (call is not JsonObject obj)
            {
                continue;
            }

            var id = Str(obj["id"]) ?? $"call_{calls.Count}";
            var arguments = ArgumentsText(obj["function"]?["arguments"]);
            var name = Str(obj["function"]?["name"]) ?? "";
            calls.Add(new ToolCall(id, name, arguments));
            echoedCalls.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
            });
        }

        var text = Str(message["content"]);
        var echo = new JsonObject { ["role"] = "assistant", ["content"] = text };
        if (echoedCalls.Count > 0)
        {
            echo["tool_calls"] = echoedCalls;
        }

        _messages.Add(echo);
        return new ModelTurn(calls, text, refusal, null, usage, []);
    }

    private static bool IsReasoningModel(string model) =>
        model.StartsWith("gpt-5", StringComparison.OrdinalIgnoreCase) || System.Text.RegularExpressions.Regex.IsMatch(model, @"^o\d", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
