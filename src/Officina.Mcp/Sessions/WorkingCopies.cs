using System.Security.Cryptography;
using Officina.Mcp.Documents;

namespace Officina.Mcp.Sessions;

/// <summary>How many sessions may be open, per owner and in all, and how long an unused one lives.</summary>
public sealed record SessionLimits(int MaxPerOwner = 8, int MaxTotal = 32, TimeSpan? IdleTimeout = null)
{
    public TimeSpan Idle => IdleTimeout ?? TimeSpan.FromMinutes(30);
}

/// <summary>
/// The open working copies of every client, bounded: at most <see cref="SessionLimits.MaxPerOwner"/>
/// per owner and <see cref="SessionLimits.MaxTotal"/> in all; a session unused for
/// <see cref="SessionLimits.Idle"/> is closed when the next one opens. A session is found only by
/// its owner: another tenant's id is answered like an unknown one. Disposing closes them all and
/// removes their temporary folders.
/// </summary>
public sealed class WorkingCopies(McpEngine engine, SessionLimits limits, TimeProvider time) : IDisposable
{
    private readonly Dictionary<string, WorkingCopy> _copies = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WorkingCopies(McpEngine engine)
        : this(engine, new SessionLimits(), TimeProvider.System)
    {
    }

    public McpEngine Engine { get; } = engine;

    public SessionLimits Limits { get; } = limits;

    /// <summary>Opens <paramref name="document"/> for <paramref name="owner"/> in a new session.</summary>
    public WorkingCopy Open(string owner, StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CloseIdle();
        lock (_lock)
        {
            var mine = _copies.Values.Where(c => c.Owner == owner).ToList();
            if (mine.Count >= Limits.MaxPerOwner)
            {
                throw new ToolRefusalException("$", "too_many_sessions",
                    $"At most {Limits.MaxPerOwner} documents may be open at once; close one with close_document first. Open: {string.Join(", ", mine.Select(c => $"{c.Id} ({c.Name})"))}.");
            }

            if (_copies.Count >= Limits.MaxTotal)
            {
                throw new ToolRefusalException("$", "server_busy", $"The server has {Limits.MaxTotal} documents open, its limit; close one of yours or try again later.");
            }
        }

        var copy = new WorkingCopy("s_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), owner, document.Location, document.Name, document.Content, Engine)
        {
            LastUsed = time.GetUtcNow(),
        };
        lock (_lock)
        {
            _copies[copy.Id] = copy;
        }

        return copy;
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="owner"/>'s session <paramref name="id"/>, one call at a time per session.</summary>
    public async Task<T> UseAsync<T>(string owner, string id, Func<WorkingCopy, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var copy = Find(owner, id);
        try
        {
            await copy.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw Unknown(id);
        }

        try
        {
            copy.LastUsed = time.GetUtcNow();
            return await work(copy).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                copy.Gate.Release();
            }
            catch (ObjectDisposedException)
            {
                // Closed while this call ran (close_document waits for the gate, so only on shutdown).
            }
        }
    }

    /// <summary>Closes <paramref name="owner"/>'s session <paramref name="id"/> once no call is running on it.</summary>
    public async Task CloseAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var copy = Find(owner, id);
        await copy.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _copies.Remove(id);
        }

        copy.Dispose();
    }

    /// <summary>The sessions of <paramref name="owner"/>.</summary>
    public IReadOnlyList<WorkingCopy> Of(string owner)
    {
        lock (_lock)
        {
            return [.. _copies.Values.Where(c => c.Owner == owner)];
        }
    }

    public void Dispose()
    {
        List<WorkingCopy> all;
        lock (_lock)
        {
            all = [.. _copies.Values];
            _copies.Clear();
        }

        foreach (var copy in all)
        {
            copy.Dispose();
        }
    }

    private WorkingCopy Find(string owner, string id)
    {
        lock (_lock)
        {
            return _copies.TryGetValue(id ?? "", out var copy) && copy.Owner == owner ? copy : throw Unknown(id);
        }
    }

    private static ToolRefusalException Unknown(string? id) =>
        new("$.session", "unknown_session", $"There is no open session '{id}'; open the document with open_document and use the session id it returns.");

    private void CloseIdle()
    {
        var cutoff = time.GetUtcNow() - Limits.Idle;
        List<WorkingCopy> idle;
        lock (_lock)
        {
            // Taking the gate (never waiting) makes sure no call is running on a session closed here;
            // a call that found it just before waits on a disposed gate and is told it is unknown.
            idle = [.. _copies.Values.Where(c => c.LastUsed < cutoff && c.Gate.Wait(0))];
            foreach (var copy in idle)
            {
                _copies.Remove(copy.Id);
            }
        }

        foreach (var copy in idle)
        {
            copy.Dispose();
        }
    }
}
