using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>Turns the failures a command can meet into a message and an exit code, never a stack trace.</summary>
public static class CommandErrors
{
    public static int Guard(CliOutput output, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (UsageException ex)
        {
            output.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (DocumentRejectedException ex)
        {
            output.Error.WriteLine($"error: {ex.Message} [{ex.Reason}]");
            return ExitCodes.Invalid;
        }
        catch (IOException ex)
        {
            output.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            output.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    public static async Task<int> GuardAsync(CliOutput output, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            output.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (DocumentRejectedException ex)
        {
            output.Error.WriteLine($"error: {ex.Message} [{ex.Reason}]");
            return ExitCodes.Invalid;
        }
        catch (OperationCanceledException)
        {
            output.Error.WriteLine("error: cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            output.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
