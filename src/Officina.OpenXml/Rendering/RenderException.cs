namespace Officina.OpenXml.Rendering;

/// <summary>A render that cannot succeed as asked (pages past the end, a LibreOffice failure or timeout): a stable code and a message for the job's error; never retried.</summary>
public sealed class RenderException : Exception
{
    public RenderException()
    {
        Code = "render_failed";
    }

    public RenderException(string message)
        : base(message)
    {
        Code = "render_failed";
    }

    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "render_failed";
    }

    public RenderException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }
}
