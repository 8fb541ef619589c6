using System.Text.Json.Nodes;

namespace Officina.Planning.Tests;

/// <summary>Builds model answers in the two wire formats, as OpenAI sends them.</summary>
internal static class Turns
{
    private static int _next;

    public static (string Name, object Arguments) Call(string name, object arguments) => (name, arguments);

    /// <summary>A Responses API answer with function calls (arguments: an object serialized to a string, or a raw string).</summary>
    public static JsonObject Responses(params (string Name, object Arguments)[] calls) =>
        ResponsesWith([.. calls.Select(c => FunctionCall(c.Name, c.Arguments))]);

    public static JsonObject ResponsesText(string text) =>
        ResponsesWith(new JsonObject
        {
            ["type"] = "message", ["id"] = Id("msg"), ["role"] = "assistant", ["status"] = "completed",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
        });

    public static JsonObject ResponsesRefusal(string refusal) =>
        ResponsesWith(new JsonObject
        {
            ["type"] = "message", ["id"] = Id("msg"), ["role"] = "assistant", ["status"] = "completed",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "refusal", ["refusal"] = refusal }),
        });

    public static JsonObject ResponsesIncomplete() =>
        new()
        {
            ["id"] = Id("resp"), ["object"] = "response", ["status"] = "incomplete",
            ["incomplete_details"] = new JsonObject { ["reason"] = "max_output_tokens" },
            ["output"] = new JsonArray(new JsonObject { ["type"] = "function_call", ["id"] = Id("fc"), ["call_id"] = Id("call"), ["name"] = "set_values", ["arguments"] = "{\"range\":\"Sheet1!A1\",\"val", ["status"] = "incomplete" }),
            ["usage"] = Usage(100, 32000),
        };

    public static JsonObject FunctionCall(string name, object arguments, string? ns = null)
    {
        var call = new JsonObject
        {
            ["type"] = "function_call", ["id"] = Id("fc"), ["call_id"] = Id("call"), ["name"] = name,
            ["arguments"] = arguments as string ?? System.Text.Json.JsonSerializer.Serialize(arguments), ["status"] = "completed",
        };
        if (ns is not null)
        {
            call["namespace"] = ns;
        }

        return call;
    }

    public static JsonObject ResponsesWith(params JsonObject[] output) =>
        new()
        {
            ["id"] = Id("resp"), ["object"] = "response", ["status"] = "completed", ["model"] = "gpt-5.4",
            ["output"] = new JsonArray([.. output]),
            ["usage"] = Usage(1000, 200),
        };

    public static JsonObject Usage(int input, int output) => new()
    {
        ["input_tokens"] = input, ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = input / 2 },
        ["output_tokens"] = output, ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = output / 4 },
        ["total_tokens"] = input + output,
    };

    /// <summary>A Chat Completions answer with tool calls.</summary>
    public static JsonObject Chat(params (string Name, object Arguments)[] calls) =>
        ChatWith(new JsonObject
        {
            ["role"] = "assistant", ["content"] = null,
            ["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = Id("call"), ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments as string ?? System.Text.Json.JsonSerializer.Serialize(c.Arguments) },
            })]),
        }, "tool_calls");

    public static JsonObject ChatText(string text) => ChatWith(new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop");

    public static JsonObject ChatWith(JsonObject message, string finish) => new()
    {
        ["id"] = Id("chatcmpl"), ["object"] = "chat.completion", ["model"] = "qwen3",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = 800, ["completion_tokens"] = 100, ["total_tokens"] = 900,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
            ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
        },
    };

    private static string Id(string prefix) => $"{prefix}_{Interlocked.Increment(ref _next)}";
}
