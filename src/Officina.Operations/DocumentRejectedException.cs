namespace Officina.Operations;

/// <summary>
/// The input cannot be opened safely or losslessly: not an Office package, encrypted, a zip
/// bomb, a legacy format under a new extension. <see cref="Reason"/> is a stable code
/// (<c>not_a_package</c>, <c>encrypted</c>, …); the message says what was found and what to do.
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
        Reason = "rejected";
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
        Reason = "rejected";
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = "rejected";
    }

    public DocumentRejectedException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
