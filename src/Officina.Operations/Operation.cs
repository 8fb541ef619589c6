using System.Text.Json.Serialization;

namespace Officina.Operations;

/// <summary>
/// One step of a plan. Concrete operations derive from <see cref="ReadOperation{TSession}"/>
/// or <see cref="WriteOperation{TSession}"/>, carry an <see cref="OperationAttribute"/>, and
/// are records whose constructor parameters are the operation's JSON properties.
/// </summary>
public abstract record Operation
{
    /// <summary>The <c>op</c> name from the type's <see cref="OperationAttribute"/>.</summary>
    [JsonIgnore]
    public string Op => OperationCatalog.NameOf(GetType());

    /// <summary>True for operations that only observe the document.</summary>
    [JsonIgnore]
    public abstract bool IsRead { get; }

    /// <summary>The host whose sessions can run this operation.</summary>
    [JsonIgnore]
    public abstract DocumentHost Host { get; }

    /// <summary>
    /// Checks the operation against the current document without changing it. Paths in the
    /// errors are relative to the operation (<c>range</c>, <c>values[2][0]</c>). Never throws.
    /// </summary>
    public abstract IReadOnlyList<OperationError> ValidateOn(IDocumentSession session);

    /// <summary>Validates, then applies or reads. Errors come back in the outcome, not as exceptions.</summary>
    public abstract OperationOutcome ExecuteOn(IDocumentSession session);

    /// <summary>
    /// Tells <paramref name="trace"/> what this operation creates that later operations can
    /// address (a sheet, a name, a slide, a paragraph) and what it addresses itself, so that
    /// <see cref="PlanDependencies"/> knows which operations depend on which. Pure: it reads only
    /// the operation's own arguments and the trace. The default declares nothing.
    /// </summary>
    public virtual void Declare(PlanTrace trace)
    {
    }

    private protected static IReadOnlyList<OperationError> WrongSession(Type expected, IDocumentSession session) =>
        [new OperationError("$", "host", $"The operation needs a {expected.Name} but the open document is a {session.Host.ToName()} document.")];
}

/// <summary>Base of operations that observe a <typeparamref name="TSession"/> and return an <see cref="Observation"/>.</summary>
public abstract record ReadOperation<TSession> : Operation
    where TSession : class, IHostSession
{
    public sealed override bool IsRead => true;

    public sealed override DocumentHost Host => TSession.HostKind;

    /// <summary>Pure checks against the document; never throws.</summary>
    public virtual IEnumerable<OperationError> Validate(TSession session) => [];

    /// <summary>Reads; assumes <see cref="Validate"/> passed.</summary>
    public abstract Observation Read(TSession session);

    public sealed override IReadOnlyList<OperationError> ValidateOn(IDocumentSession session) =>
        session is TSession typed ? [.. Validate(typed)] : WrongSession(typeof(TSession), session);

    public sealed override OperationOutcome ExecuteOn(IDocumentSession session)
    {
        var errors = ValidateOn(session);
        return errors.Count > 0 ? OperationOutcome.Failed(errors) : OperationOutcome.Observed(Read((TSession)session));
    }
}

/// <summary>Base of operations that change a <typeparamref name="TSession"/> and return a <see cref="Change"/>.</summary>
public abstract record WriteOperation<TSession> : Operation
    where TSession : class, IHostSession
{
    public sealed override bool IsRead => false;

    public sealed override DocumentHost Host => TSession.HostKind;

    /// <summary>Pure checks against the document; never throws.</summary>
    public abstract IEnumerable<OperationError> Validate(TSession session);

    /// <summary>Changes the working copy; assumes <see cref="Validate"/> passed.</summary>
    public abstract Change Apply(TSession session);

    public sealed override IReadOnlyList<OperationError> ValidateOn(IDocumentSession session) =>
        session is TSession typed ? [.. Validate(typed)] : WrongSession(typeof(TSession), session);

    public sealed override OperationOutcome ExecuteOn(IDocumentSession session)
    {
        var errors = ValidateOn(session);
        return errors.Count > 0 ? OperationOutcome.Failed(errors) : OperationOutcome.Changed(Apply((TSession)session));
    }
}
