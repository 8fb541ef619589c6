using System.Text.Json.Nodes;

namespace Officina.Planning.Model;

/// <summary>
/// The Responses API (<c>POST /responses</c>): instructions, an input list that grows with the
/// model's output items (echoed back as they came, including reasoning, <c>tool_search_call</c>
/// and <c>tool_search_output</c> items) and our <c>function_call_output</c> items.
/// </summary>
public sealed class ResponsesConversation : ModelConversation
{
    private readonly string _instructions;
    private readonly JsonArray _input = [];

    public ResponsesConversation(ModelClient client, string instructions, string userText)
        : base(client)
    {
        _instructions = instructions;
        AddUserText(userText);
    }

    public override async Task<ModelTurn> NextAsync(JsonArray tools, ReasoningEffort effort, int maxOutputTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var body = new JsonObject
        {
            ["model"] = Settings.Model,
            ["instructions"] = _instructions,
            ["input"] = _input.DeepClone(),
            ["tools"] = tools.DeepClone(),
            ["parallel_tool_calls"] = true,
            ["reasoning"] = new JsonObject { ["effort"] = effort.ToName() },
            ["max_output_tokens"] = maxOutputTokens,
        };
        var response = await Client.SendAsync(body, cancellationToken).ConfigureAwait(false);
        return Read(response);
    }

    public override void AddToolOutput(ToolCall call, string output)
    {
        ArgumentNullException.ThrowIfNull(call);
        _input.Add(new JsonObject { ["type"] = "function_call_output", ["call_id"] = call.CallId, ["output"] = output });
    }

    public override void AddUserText(string text) =>
        _input.Add(new JsonObject { ["role"] = "user", ["content"] = text });

    private ModelTurn Read(JsonObject response)
    {
        var usageNode = response["usage"];
        var usage = new ModelUsage(
            Count(usageNode?["input_tokens"]),
            Count(usageNode?["input_tokens_details"]?["cached_tokens"]),
            Count(usageNode?["output_tokens"]),
            Count(usageNode?["output_tokens_details"]?["reasoning_tokens"]),
            1);

        var status = Str(response["status"]);
        if (status == "failed")
        {
            throw new ModelRequestException($"The model failed to answer: {Str(response["error"]?["message"]) ?? "no reason given"}.", 200);
        }

        if (status == "incomplete")
        {
            // Partial output is dropped, not echoed: a cut-off function call carries partial arguments.
            var reason = Str(response["incomplete_details"]?["reason"]) ?? "incomplete";
            return new ModelTurn([], null, null, reason, usage, []);
        }

        var calls = new List<ToolCall>();
        var loaded = new List<string>();
        string? text = null;
        string? refusal = null;
        foreach (var item in response["output"] as JsonArray ?? [])
        {
            if (item is not JsonObject obj)
            {
                continue;
            }

            _input.Add(obj.DeepClone());
            switch (Str(obj["type"]))
            {
                case "function_call":
                    calls.Add(new ToolCall(Str(obj["call_id"]) ?? Str(obj["id"]) ?? $"call_{calls.Count}", Str(obj["name"]) ?? "", ArgumentsText(obj["arguments"]), Str(obj["namespace"])));
                    break;
                case "tool_search_output":
                    loaded.AddRange(LoadedNames(obj["tools"] as JsonArray));
                    break;
                case "message":
                    foreach (var part in obj["content"] as JsonArray ?? [])
                    {
                        switch (Str(part?["type"]))
                        {
                            case "output_text": text = (text is null ? "" : text + "\n") + Str(part?["text"]); break;
                            case "refusal": refusal = Str(part?["refusal"]); break;
                        }
                    }

                    break;
            }
        }

        return new ModelTurn(calls, text, refusal, null, usage, loaded);
    }

    private static IEnumerable<string> LoadedNames(JsonArray? tools)
    {
        foreach (var tool in tools ?? [])
        {
            if (Str(tool?["type"]) == "namespace")
            {
                foreach (var inner in tool?["tools"] as JsonArray ?? [])
                {
                    if (Str(inner?["name"]) is { } innerName)
                    {
                        yield return innerName;
                    }
                }
            }
            else if (Str(tool?["name"]) is { } name)
            {
                yield return name;
            }
        }
    }
}
