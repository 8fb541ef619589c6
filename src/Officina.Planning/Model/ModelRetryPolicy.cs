using System.ClientModel.Primitives;
using System.Globalization;

namespace Officina.Planning.Model;

/// <summary>
/// The SDK's retry policy (408, 429, 500, 502, 503, 504 and network failures, bounded by
/// <see cref="ModelSettings.MaxRetries"/>) with explicit Retry-After handling: a server's
/// <c>retry-after-ms</c> or <c>Retry-After</c> (seconds or HTTP date) sets the delay; a wait
/// longer than <see cref="ModelSettings.MaxRetryAfter"/> is not retried, so the caller fails
/// fast with the server's message instead of hanging.
/// </summary>
public sealed class ModelRetryPolicy(ModelSettings settings) : ClientRetryPolicy(settings.MaxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && WithinLimit(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && WithinLimit(message);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RetryAfter(message.Response) ?? settings.RetryDelay * Math.Pow(2, Math.Max(0, tryCount - 1));
    }

    private bool WithinLimit(PipelineMessage message) => RetryAfter(message.Response) is not { } wait || wait <= settings.MaxRetryAfter;

    /// <summary>The wait a response asks for, from <c>retry-after-ms</c> or <c>Retry-After</c>.</summary>
    public static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? TimeSpan.FromTicks(Math.Max(0, (date - DateTimeOffset.UtcNow).Ticks))
            : null;
    }
}
