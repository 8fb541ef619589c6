
using Officina.Operations;
using Officina.Planning;

namespace Officina.Mcp.Sessions;

/// <summary>
/// One open document of an MCP client: the input as read (kept in the session's own temporary
/// folder), the plans applied to it in order, and the working copy they made. A plan that fails
/// leaves nothing changed and undo drops the last plan: both rebuild the working copy from the
/// input by applying the remaining plans again, so verification still compares with the input
/// (what the input already had is reported as pre-existing, never as the agent's doing).
/// Calls on one session are serialised by <see cref="Gate"/>.
/// </summary>
public sealed class WorkingCopy : IDisposable
{
    private readonly List<AppliedPlan> _history = [];
    private readonly McpEngine _engine;
    private readonly string _input;
    private IDocumentSession _session;

    internal WorkingCopy(string id, string owner, string location, string name, byte[] content, McpEngine engine)
    {
        Id = id;
        Owner = owner;
        Location = location;
        Name = name;
        _engine = engine;
        Folder = Directory.CreateTempSubdirectory("officina-mcp-");
        try
        {
            using (var stream = new MemoryStream(content, writable: false))
            {
                Extension = DocumentSessions.Inspect(stream, engine.Limits).Extension;
            }

            _input = Path.Combine(Folder.FullName, "input" + Extension);
            File.WriteAllBytes(_input, content);
            _session = Open();
            Host = _session.Host;
        }
        catch
        {
            Folder.Delete(recursive: true);
            throw;
        }
    }

    public string Id { get; }

    public string Owner { get; }

    /// <summary>Where the input came from, as its store names it (a resolved path, or <c>jobs/ID/result</c>).</summary>
    public string Location { get; }

    public string Name { get; }

    public DocumentHost Host { get; }

    /// <summary>The package's usual extension (<c>.xlsm</c> for a workbook with macros).</summary>
    public string Extension { get; }

    /// <summary>This session's temporary folder: the input, removed with the session.</summary>
    public DirectoryInfo Folder { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; internal set; } = DateTimeOffset.UtcNow;

    /// <summary>Where the last save went, which a later save may replace without <c>overwrite</c>.</summary>
    public string? SavedTo { get; internal set; }

    /// <summary>The plans applied so far, oldest first.</summary>
    public IReadOnlyList<AppliedPlan> History => _history;

    /// <summary>The last verification, or null when the working copy changed since.</summary>
    public VerificationReport? Verified { get; private set; }

    public IReadOnlyList<Change> Changes => [.. _history.SelectMany(h => h.Result.Changes)];

    public string Inspect(int tokenBudget) => _session.Inspect(tokenBudget);

    /// <summary>Applies <paramref name="plan"/>; when any operation fails the working copy is rebuilt as it was, and the errors come back.</summary>
    public PlanApplyResult Apply(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        PlanApplyResult result;
        try
        {
            result = PlanRunner.Apply(_session, plan, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Rebuild();
            throw;
        }

        if (!result.Succeeded)
        {
            if (result.Changes.Count > 0)
            {
                Rebuild();
            }

            return result;
        }

        _history.Add(new AppliedPlan(plan, result));
        if (result.Changes.Count > 0)
        {
            Verified = null;
        }

        return result;
    }

    /// <summary>Drops the last applied plan and rebuilds the working copy without it; null when nothing was applied.</summary>
    public AppliedPlan? Undo()
    {
        if (_history.Count == 0)
        {
            return null;
        }

        var last = _history[^1];
        _history.RemoveAt(_history.Count - 1);
        Rebuild();
        return last;
    }

    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        Verified = await _session.VerifyAsync(cancellationToken).ConfigureAwait(false);
        return Verified;
    }

    /// <summary>The input as it was read.</summary>
    public byte[] Input() => File.ReadAllBytes(_input);

    /// <summary>The working copy as a complete package.</summary>
    public byte[] Save()
    {
        using var output = new MemoryStream();
        _session.Save(output);
        return output.ToArray();
    }

    /// <summary>Every plan applied so far as one plan (what a saved job records).</summary>
    public Plan CombinedPlan() =>
        new(Host, "Edited through MCP", _history.Any(h => h.Plan.TrackChanges), [.. _history.SelectMany(h => h.Plan.Operations)]);

    public void Dispose()
    {
        _session.Dispose();
        Gate.Dispose();
        try
        {
            Folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Something still holds a file; the OS temp cleaner gets it.
        }
    }

    private IDocumentSession Open()
    {
        using var stream = File.OpenRead(_input);
        return DocumentSessions.Open(stream, _engine.Limits, _engine.LibreOffice);
    }

    private void Rebuild()
    {
        var session = Open();
        foreach (var applied in _history)
        {
            var again = PlanRunner.Apply(session, applied.Plan);
            if (!again.Succeeded)
            {
                session.Dispose();
                throw new InvalidOperationException($"Applying the session's plans again failed, which they did not the first time: {again.Errors[0]}");
            }
        }

        _session.Dispose();
        _session = session;
        Verified = null;
    }
}

/// <summary>A plan applied to a working copy and what it did.</summary>
public sealed record AppliedPlan(Plan Plan, PlanApplyResult Result);
