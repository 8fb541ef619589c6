using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Officina.Service.Workers;

/// <summary>
/// The worker process's side of its line protocol with the supervisor: requests go out on
/// standard output as JSON lines with an <c>id</c>, replies come back on standard input with the
/// same <c>id</c>; notices (finished spans) have no id and get no reply. Several requests may be
/// in flight (the job's watcher polls while the job writes). When standard input ends, the
/// supervisor is gone and the worker exits at once, so no work outlives the service.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    private readonly Stream _output;
    private readonly TextReader _input;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private long _nextId;
    private Task? _reader;

    public WorkerChannel(Stream output, TextReader input)
    {
        _output = output;
        _input = input;
    }

    /// <summary>The first line the supervisor sends: what to run and with which settings.</summary>
    public async Task<JsonObject> ReadSetupAsync()
    {
        var line = await _input.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("The supervisor closed the worker's input before sending its setup.");
        return JsonNode.Parse(line)?.AsObject() ?? throw new InvalidOperationException("The worker's setup is not a JSON object.");
    }

    /// <summary>Starts reading replies; <paramref name="supervisorGone"/> runs when input ends.</summary>
    public void Start(Action supervisorGone) => _reader = Task.Run(async () =>
    {
        while (await _input.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (JsonNode.Parse(line) is JsonObject reply && reply["id"]?.GetValue<long>() is { } id && _pending.TryRemove(id, out var waiting))
            {
                waiting.TrySetResult(reply);
            }
        }

        supervisorGone();
    });

    /// <summary>Sends a request and waits for its reply; a reply with an <c>error</c> throws what the job runner expects of a store.</summary>
    public async Task<JsonObject> CallAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        request["id"] = id;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await SendAsync(request).ConfigureAwait(false);
        var answer = await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return answer["error"]?.GetValue<string>() is { } error ? throw WorkerProtocol.Fault(error, answer["message"]?.GetValue<string>() ?? "") : answer;
    }

    /// <summary>A message that needs no reply.</summary>
    public Task NotifyAsync(JsonObject notice) => SendAsync(notice);

    public void Dispose() => _writeLock.Dispose();

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(bytes).ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
