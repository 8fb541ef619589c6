namespace Officina.Operations;

/// <summary>
/// An open working copy of one Office document: the seam that planning, reports, the
/// service and the CLI use. The input the session was opened from is never written to;
/// <see cref="Save"/> writes the working copy to a new stream.
/// </summary>
public interface IDocumentSession : IDisposable
{
    DocumentHost Host { get; }

    /// <summary>Every change applied so far, in order.</summary>
    IReadOnlyList<Change> Changes { get; }

    /// <summary>A compact text digest of the document for a model to plan from, at most <paramref name="tokenBudget"/> o200k tokens.</summary>
    string Inspect(int tokenBudget = Digest.DefaultTokenBudget);

    /// <summary>
    /// Validates and runs one operation. Failures come back as errors; the document is unchanged
    /// by a failed operation. <paramref name="cancellationToken"/> is checked inside the
    /// operation's long loops (cells of a range, paragraphs, rows, slides): a cancelled operation
    /// throws <see cref="OperationCanceledException"/> and may leave the working copy half
    /// changed, so the caller discards the session (nothing is saved).
    /// </summary>
    OperationOutcome Execute(Operation operation, CancellationToken cancellationToken = default) => operation.ExecuteOn(this);

    /// <summary>Recalculates, validates and checks layout; writes recalculated values into the working copy.</summary>
    Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the working copy as a complete package to <paramref name="output"/>.</summary>
    void Save(Stream output);
}

/// <summary>A session type bound to one host, so operations can name the host statically.</summary>
public interface IHostSession : IDocumentSession
{
    static abstract DocumentHost HostKind { get; }
}

/// <summary>Defaults shared by digests of every host.</summary>
public static class Digest
{
    public const int DefaultTokenBudget = 4000;
}

/// <summary>A session that operations may read named data sources from (import_csv, add_image): the caller decides which files a plan can reach; a plan names a source, never a path.</summary>
public interface IDataSources
{
    /// <summary>Registers <paramref name="open"/> under <paramref name="name"/>; it must return a fresh readable stream on every call.</summary>
    void AddSource(string name, Func<Stream> open);
}

/// <summary>A session whose writes can be recorded as tracked revisions (Word), set from the plan's <c>track_changes</c>.</summary>
public interface IRevisionTracking
{
    bool TrackChanges { get; set; }
}
