using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Officina.Service.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c> against the hashed
/// keys; the principal carries the key's tenant. With no keys configured everyone is tenant <c>local</c>.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys, AuthFailureThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "tenant";
    public const string KeyClaim = "key_id";

    public static string? KeyFrom(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.Open)
        {
            return Task.FromResult(Success(ApiKeys.LocalTenant, "local", admin: true));
        }

        var key = KeyFrom(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(key) is { } entry)
        {
            return Task.FromResult(Success(entry.Tenant, ApiKeys.Hash(key)[..16], entry.Admin));
        }

        throttle.RecordFailure(Context);
        return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure is not null || KeyFrom(Request) is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: failed
                ? "The API key is not valid: no configured key has its SHA-256."
                : "Send an API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.").ExecuteAsync(Context).ConfigureAwait(false);
    }

    private AuthenticateResult Success(string tenant, string keyId, bool admin)
    {
        var claims = new List<Claim> { new(TenantClaim, tenant), new(KeyClaim, keyId) };
        if (admin)
        {
            claims.Add(new(ClaimTypes.Role, "admin"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}

/// <summary>Reads the tenant of the authenticated caller.</summary>
public static class TenantClaims
{
    public static string Tenant(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ApiKeyAuthentication.TenantClaim)?.Value ?? throw new InvalidOperationException("The request has no tenant; is the endpoint missing RequireAuthorization?");
    }
}
