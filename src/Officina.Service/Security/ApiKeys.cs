using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Officina.Service.Configuration;
using Officina.Service.Storage;

namespace Officina.Service.Security;

/// <summary>
/// The configured API keys by SHA-256 hash. With none configured the service is open (tenant
/// <c>local</c>), which <see cref="RequireKeysOffLoopback"/> allows on loopback addresses only.
/// </summary>
public sealed partial class ApiKeys
{
    public const string LocalTenant = "local";

    private readonly Dictionary<string, ApiKeyEntry> _byHash = new(StringComparer.Ordinal);

    public ApiKeys(IEnumerable<ApiKeyEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var hash = entry.Sha256.Trim().ToLowerInvariant();
            if (!Sha256Pattern().IsMatch(hash))
            {
                throw new InvalidOperationException(
                    $"Officina:ApiKeys: Sha256 must be the 64 hex digits of the key's SHA-256 (printf %s KEY | sha256sum). Given: '{entry.Sha256}' for tenant '{entry.Tenant}'.");
            }

            if (!StoreIds.IsValid(entry.Tenant))
            {
                throw new InvalidOperationException(
                    $"Officina:ApiKeys: a tenant must consist of 1 to 64 lowercase letters, digits and underscores. Given: '{entry.Tenant}'.");
            }

            _byHash[hash] = entry;
        }
    }

    /// <summary>True when no key is configured: every request is tenant <c>local</c>.</summary>
    public bool Open => _byHash.Count == 0;

    public bool HasAdmin => _byHash.Values.Any(e => e.Admin);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ApiKeyEntry? Find(string? key) =>
        string.IsNullOrEmpty(key) ? null : _byHash.GetValueOrDefault(Hash(key));

    /// <summary>Throws when the service would listen beyond loopback without keys.</summary>
    public void RequireKeysOffLoopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (!Open)
        {
            return;
        }

        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start: the service would listen on {string.Join(", ", exposed)} (not loopback) with no API keys configured. "
                + "Add keys under Officina:ApiKeys (Tenant, Sha256 = printf %s KEY | sha256sum), or listen on http://127.0.0.1 only.");
        }
    }

    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = UrlHost().Match(url.Trim()) is { Success: true } m ? m.Groups["host"].Value.Trim('[', ']') : url;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^[a-z]+://(?<host>\[[^\]]*\]|[^:/]*)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlHost();
}
