using System.Collections;

namespace Officina.Planning.Model;

/// <summary>Which OpenAI wire protocol the endpoint speaks.</summary>
public enum ApiStyle
{
    /// <summary>The Responses API (<c>/v1/responses</c>): OpenAI itself.</summary>
    Responses,

    /// <summary>Chat Completions (<c>/v1/chat/completions</c>): Ollama, vLLM, llama.cpp, LM Studio.</summary>
    Chat,
}

/// <summary>How the model gets the full definitions of the operations it needs.</summary>
public enum ToolLoading
{
    /// <summary>Native <c>tool_search</c> on Responses for gpt-5.4 and later, our manifest elsewhere.</summary>
    Auto,

    /// <summary>OpenAI's hosted <c>tool_search</c> over namespaces of deferred functions.</summary>
    Native,

    /// <summary>A manifest of names and summaries in the instructions plus a <c>load_tools</c> function.</summary>
    Manifest,

    /// <summary>Every operation's full definition on every request (for measurement and weak servers).</summary>
    All,
}

/// <summary>
/// Where and how to reach the model. Read with <see cref="FromEnvironment"/>:
/// <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OFFICINA_MODEL</c> (default gpt-5.4),
/// <c>OFFICINA_API_STYLE</c> (responses|chat; default responses for api.openai.com, chat for
/// other base URLs), <c>OFFICINA_EFFORT</c> (none|low|medium|high|xhigh; default chosen from
/// the instruction), <c>OFFICINA_TOOL_LOADING</c> (auto|native|manifest|all),
/// <c>OFFICINA_PRICES</c> (model=in/out;...), <c>OFFICINA_TIMEOUT_SECONDS</c>,
/// <c>OFFICINA_MAX_RETRIES</c>.
/// </summary>
public sealed record ModelSettings
{
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");

    public const string DefaultModel = "gpt-5.4";

    public required string ApiKey { get; init; }

    public Uri Endpoint { get; init; } = OpenAIEndpoint;

    public string Model { get; init; } = DefaultModel;

    public ApiStyle Style { get; init; } = ApiStyle.Responses;

    /// <summary>Null: chosen per instruction by <see cref="ReasoningEfforts.For"/>.</summary>
    public ReasoningEffort? Effort { get; init; }

    public ToolLoading ToolLoading { get; init; } = ToolLoading.Auto;

    public ModelPrices Prices { get; init; } = ModelPrices.Default;

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of one request after 408, 429, 5xx or a network failure.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off delay when the server gives no Retry-After; doubles per retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After the client will wait; a longer one fails the request.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public bool IsOpenAI => Endpoint.Host.Equals(OpenAIEndpoint.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the hosted <c>tool_search</c> tool is used: Responses API and gpt-5.4 or later, unless overridden.</summary>
    public bool UsesNativeToolSearch => ToolLoading switch
    {
        ToolLoading.Native => Style == ApiStyle.Responses,
        ToolLoading.Auto => Style == ApiStyle.Responses && SupportsToolSearch(Model),
        _ => false,
    };

    /// <summary>gpt-5.4 and later (gpt-5.4-mini, gpt-5.5, gpt-6…) support the hosted tool search.</summary>
    public static bool SupportsToolSearch(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var match = System.Text.RegularExpressions.Regex.Match(model, @"^gpt-(\d+)(?:\.(\d+))?", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            return false;
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return major > 5 || (major == 5 && minor >= 4);
    }

    /// <summary>Reads the process environment. Throws <see cref="ModelNotConfiguredException"/> saying what to set.</summary>
    public static ModelSettings FromEnvironment() => FromEnvironment(ReadProcessEnvironment());

    /// <summary>Reads settings from <paramref name="variables"/> (environment or configuration keys as above).</summary>
    public static ModelSettings FromEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var key = Get("OPENAI_API_KEY");
        var baseUrl = Get("OPENAI_BASE_URL");
        Uri endpoint = OpenAIEndpoint;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out endpoint!) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new ModelNotConfiguredException($"OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1. Given: '{baseUrl}'.");
        }

        // Local servers (Ollama, llama.cpp) accept any key; OpenAI itself needs a real one.
        var isOpenAI = endpoint.Host.Equals(OpenAIEndpoint.Host, StringComparison.OrdinalIgnoreCase);
        if (key is null && isOpenAI)
        {
            throw new ModelNotConfiguredException(ModelNotConfiguredException.WhatToSet);
        }

        var model = Get("OFFICINA_MODEL");
        if (model is null && !isOpenAI)
        {
            throw new ModelNotConfiguredException(
                $"OPENAI_BASE_URL is set to '{baseUrl}' but OFFICINA_MODEL is not: set OFFICINA_MODEL to a model that server serves (e.g. qwen3:8b).");
        }

        var style = isOpenAI ? ApiStyle.Responses : ApiStyle.Chat;
        if (Get("OFFICINA_API_STYLE") is { } styleText)
        {
            style = styleText.ToLowerInvariant() switch
            {
                "responses" => ApiStyle.Responses,
                "chat" or "chat_completions" or "chat-completions" => ApiStyle.Chat,
                _ => throw new ModelNotConfiguredException($"OFFICINA_API_STYLE must be 'responses' or 'chat'. Given: '{styleText}'."),
            };
        }

        ReasoningEffort? effort = null;
        if (Get("OFFICINA_EFFORT") is { } effortText)
        {
            effort = ReasoningEfforts.TryParse(effortText, out var parsed)
                ? parsed
                : throw new ModelNotConfiguredException($"OFFICINA_EFFORT must be one of none, low, medium, high, xhigh. Given: '{effortText}'.");
        }

        var loading = ToolLoading.Auto;
        if (Get("OFFICINA_TOOL_LOADING") is { } loadingText && !Enum.TryParse(loadingText, ignoreCase: true, out loading))
        {
            throw new ModelNotConfiguredException($"OFFICINA_TOOL_LOADING must be one of auto, native, manifest, all. Given: '{loadingText}'.");
        }

        ModelPrices prices;
        try
        {
            prices = ModelPrices.Parse(Get("OFFICINA_PRICES"));
        }
        catch (FormatException ex)
        {
            throw new ModelNotConfiguredException($"OFFICINA_PRICES: {ex.Message}");
        }

        return new ModelSettings
        {
            ApiKey = key ?? "not-needed",
            Endpoint = endpoint,
            Model = model ?? DefaultModel,
            Style = style,
            Effort = effort,
            ToolLoading = loading,
            Prices = prices,
            NetworkTimeout = Seconds(Get("OFFICINA_TIMEOUT_SECONDS"), "OFFICINA_TIMEOUT_SECONDS") ?? TimeSpan.FromMinutes(5),
            MaxRetries = Count(Get("OFFICINA_MAX_RETRIES"), "OFFICINA_MAX_RETRIES") ?? 3,
        };
    }

    private static TimeSpan? Seconds(string? text, string name) =>
        text is null ? null
        : double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s)
        : throw new ModelNotConfiguredException($"{name} must be a positive number of seconds. Given: '{text}'.");

    private static int? Count(string? text, string name) =>
        text is null ? null
        : int.TryParse(text, out var n) && n is >= 0 and <= 10 ? n
        : throw new ModelNotConfiguredException($"{name} must be a whole number from 0 to 10. Given: '{text}'.");

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}

/// <summary>No model is configured, or its configuration is unusable; the message says exactly what to set.</summary>
public sealed class ModelNotConfiguredException : Exception
{
    public const string WhatToSet =
        "No model is configured. Set OPENAI_API_KEY to use OpenAI (model gpt-5.4 unless OFFICINA_MODEL says otherwise), "
        + "or set OPENAI_BASE_URL to an OpenAI-compatible server (e.g. http://localhost:11434/v1 for Ollama) together with OFFICINA_MODEL (e.g. qwen3:8b). "
        + "Optional: OFFICINA_API_STYLE=responses|chat, OFFICINA_EFFORT=none|low|medium|high|xhigh.";

    public ModelNotConfiguredException()
        : base(WhatToSet)
    {
    }

    public ModelNotConfiguredException(string message)
        : base(message)
    {
    }

    public ModelNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
