using System.Text;
using Hangfire.Dashboard;

namespace Officina.Service.Security;

/// <summary>
/// The Hangfire dashboard opens for an admin key: sent as a header like the API, or as the
/// password of HTTP Basic authentication so a browser can prompt for it. With no keys
/// configured (loopback only) it opens for local requests. Wrong passwords count towards <see cref="AuthFailureThrottle"/>.
/// </summary>
public sealed class DashboardAuthorization(ApiKeys keys, AuthFailureThrottle throttle) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (keys.Open)
        {
            return http.Connection.RemoteIpAddress is null || System.Net.IPAddress.IsLoopback(http.Connection.RemoteIpAddress);
        }

        var key = ApiKeyAuthentication.KeyFrom(http.Request) ?? BasicPassword(http.Request);
        var entry = keys.Find(key);
        if (entry is { Admin: true })
        {
            return true;
        }

        if (key is not null && entry is null)
        {
            // A password no key matches counts towards the client's throttle; a valid key without admin rights does not.
            throttle.RecordFailure(http);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Officina dashboard (password: an admin API key)\"";
        return false;
    }

    private static string? BasicPassword(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? decoded[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
