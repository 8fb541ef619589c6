using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Officina.Planning.Model;

/// <summary>
/// Sends JSON request bodies through the official OpenAI client's protocol methods
/// (<see cref="ResponsesClient.CreateResponseAsync(BinaryContent, RequestOptions)"/> and
/// <see cref="ChatClient.CompleteChatAsync(BinaryContent, RequestOptions)"/>): the SDK has no
/// types for tool search or namespaces, but its pipeline gives us the endpoint, key,
/// network timeout and retries.
/// </summary>
public sealed class ModelClient
{
    private readonly ResponsesClient _responses;
    private readonly ChatClient _chat;

    public ModelClient(ModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            NetworkTimeout = settings.NetworkTimeout,
            RetryPolicy = new ModelRetryPolicy(settings),
            UserAgentApplicationId = "officina",
        };
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey), options);
        _responses = client.GetResponsesClient();
        _chat = client.GetChatClient(settings.Model);
    }

    public ModelSettings Settings { get; }

    /// <summary>POSTs <paramref name="body"/> to <c>/responses</c> or <c>/chat/completions</c> and returns the parsed answer.</summary>
    public async Task<JsonObject> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
        var options = new RequestOptions { CancellationToken = cancellationToken };
        ClientResult result;
        try
        {
            result = Settings.Style == ApiStyle.Responses
                ? await _responses.CreateResponseAsync(content, options).ConfigureAwait(false)
                : await _chat.CompleteChatAsync(content, options).ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            throw new ModelRequestException(Describe(ex), ex.Status, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelRequestException($"The model endpoint {Settings.Endpoint} did not answer within {Settings.NetworkTimeout.TotalSeconds:0} s ({Settings.MaxRetries} retries). See inner exception for details.", 0, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelRequestException($"The model endpoint {Settings.Endpoint} cannot be reached: {ex.Message}", 0, ex);
        }

        var text = result.GetRawResponse().Content.ToString();
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ModelRequestException($"The model endpoint answered with JSON that is not an object: {Clip(text)}", result.GetRawResponse().Status);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ModelRequestException($"The model endpoint answered with something that is not JSON: {Clip(text)}", result.GetRawResponse().Status, ex);
        }
    }

    private string Describe(ClientResultException ex)
    {
        var detail = ex.GetRawResponse()?.Content?.ToString();
        var message = ErrorMessage(detail) ?? ex.Message;
        return ex.Status switch
        {
            401 or 403 => $"The model endpoint {Settings.Endpoint} refused the API key (HTTP {ex.Status}): {message} Check OPENAI_API_KEY.",
            404 => $"The model endpoint {Settings.Endpoint} has no such model or route (HTTP 404): {message} Check OFFICINA_MODEL, OPENAI_BASE_URL and OFFICINA_API_STYLE (responses|chat).",
            429 => $"The model endpoint is rate limiting or out of quota (HTTP 429) after {Settings.MaxRetries} retries: {message}",
            >= 500 => $"The model endpoint failed (HTTP {ex.Status}) after {Settings.MaxRetries} retries: {message}",
            _ => $"The model endpoint rejected the request (HTTP {ex.Status}): {message}",
        };
    }

    private static string? ErrorMessage(string? body)
    {
        try
        {
            return body is null ? null : (string?)JsonNode.Parse(body)?["error"]?["message"];
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Clip(body!);
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>A model request that failed after the bounded retries; <see cref="Status"/> is the HTTP status or 0 for network failures.</summary>
public sealed class ModelRequestException : Exception
{
    public ModelRequestException()
    {
    }

    public ModelRequestException(string message)
        : base(message)
    {
    }

    public ModelRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelRequestException(string message, int status, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    public int Status { get; }
}
