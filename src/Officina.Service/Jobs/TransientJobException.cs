namespace Officina.Service.Jobs;

/// <summary>A fault that can succeed on retry (model 429/5xx/timeouts, a database that went away); the only exception Hangfire retries.</summary>
public sealed class TransientJobException : Exception
{
    public TransientJobException()
    {
    }

    public TransientJobException(string message)
        : base(message)
    {
    }

    public TransientJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
