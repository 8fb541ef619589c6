using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Officina.Planning.Tests;

/// <summary>One scripted HTTP answer: status, JSON body, headers, and an optional delay before answering.</summary>
internal sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>A request the server received: path, parsed JSON body, and when it arrived.</summary>
internal sealed record RecordedRequest(string Path, JsonObject Body, DateTimeOffset At);

/// <summary>
/// An OpenAI-compatible HTTP server on 127.0.0.1 that plays back queued answers to
/// <c>/v1/responses</c> and <c>/v1/chat/completions</c> and records every request, so tests run
/// the real OpenAI client without calling the real API.
/// </summary>
internal sealed class ScriptedModelServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<ScriptedReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _loop;
    private readonly Lock _gate = new();

    public ScriptedModelServer()
    {
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public ScriptedModelServer Enqueue(ScriptedReply reply)
    {
        lock (_gate)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    public ScriptedModelServer Enqueue(JsonNode body) => Enqueue(new ScriptedReply(200, body.ToJsonString()));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        ScriptedReply reply;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(context.Request.Url!.AbsolutePath, JsonNode.Parse(text) as JsonObject ?? [], DateTimeOffset.UtcNow));
            reply = _replies.Count > 0
                ? _replies.Dequeue()
                : new ScriptedReply(500, """{"error":{"message":"The scripted server has no more replies queued."}}""");
        }

        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout test); nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
