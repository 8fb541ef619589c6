using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Officina.Service.Api;
using Officina.Service.Configuration;

namespace Officina.Service.Security;

/// <summary>
/// Counts failed authentications (an API key no configured key matches, a wrong dashboard password) per
/// client IP in a fixed window. Once a client reaches <see cref="OfficinaOptions.AuthFailureLimit"/> failures,
/// every request it sends with credentials gets 429 with <c>Retry-After</c> until its window ends, the right
/// key included: guessing keys costs a window per few guesses. Requests without credentials are not affected.
/// </summary>
public sealed class AuthFailureThrottle(IOptions<OfficinaOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, FailureWindow> _clients = new(StringComparer.Ordinal);

    /// <summary>Records one failed authentication of the request's client.</summary>
    public void RecordFailure(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (limit, window) = Settings();
        if (limit <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_clients.Count > PruneAbove)
        {
            foreach (var (client, old) in _clients.Where(c => c.Value.EndsAt(window) <= now).ToList())
            {
                _clients.TryRemove(KeyValuePair.Create(client, old));
            }
        }

        var entry = _clients.GetOrAdd(ClientOf(http), _ => new FailureWindow(now));
        lock (entry)
        {
            if (entry.EndsAt(window) <= now)
            {
                entry.Start = now;
                entry.Failures = 0;
            }

            entry.Failures++;
        }
    }

    /// <summary>How long the request's client must wait, or null when it may try to authenticate.</summary>
    public TimeSpan? RetryAfter(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (limit, window) = Settings();
        if (limit <= 0 || !_clients.TryGetValue(ClientOf(http), out var entry))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (entry)
        {
            return entry.Failures >= limit && entry.EndsAt(window) > now ? entry.EndsAt(window) - now : null;
        }
    }

    /// <summary>Answers 429 before anything else runs when the request carries credentials and its client is throttled.</summary>
    public async Task RefuseThrottledAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (!PresentsCredentials(http.Request) || RetryAfter(http) is not { } wait)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var (limit, window) = Settings();
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many failed authentications",
            $"This client sent {limit} wrong API keys or dashboard passwords within {window.TotalSeconds:0} s "
            + $"(Officina:AuthFailureLimit, Officina:AuthFailureWindowSeconds); requests with credentials are refused for {seconds} s more.",
            code: "auth_throttled").ExecuteAsync(http).ConfigureAwait(false);
    }

    private static bool PresentsCredentials(HttpRequest request) =>
        request.Headers.ContainsKey("X-Api-Key") || request.Headers.ContainsKey("Authorization");

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private (int Limit, TimeSpan Window) Settings() =>
        (options.Value.AuthFailureLimit, TimeSpan.FromSeconds(Math.Max(1, options.Value.AuthFailureWindowSeconds)));

    private sealed class FailureWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Failures { get; set; }

        public DateTimeOffset EndsAt(TimeSpan window) => Start + window;
    }
}
