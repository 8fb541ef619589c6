using Microsoft.Extensions.Options;
using Officina.Mcp;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Api;

/// <summary>
/// <c>/mcp</c>: the MCP server over Streamable HTTP, behind the same API keys, rate limit and
/// tenant isolation as the REST API. The tools act on the caller's tenant's job files
/// (<see cref="TenantDocumentStore"/>); a session is reachable only by its tenant. The tools run
/// the engines in the service process with the service's limits and LibreOffice.
/// </summary>
public static class McpApi
{
    public const string Path = "/mcp";

    public static IServiceCollection AddOfficinaMcp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IDocumentStore, TenantDocumentStore>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<OfficinaOptions>>().Value;
            return new WorkingCopies(
                new McpEngine(sp.GetRequiredService<PackageLimits>(), sp.GetRequiredService<LibreOfficeRunner>()),
                new SessionLimits(settings.McpSessionsPerTenant, settings.McpSessions, TimeSpan.FromMinutes(settings.McpIdleMinutes)),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddMcpServer(OfficinaMcpServer.Configure).WithHttpTransport().WithOfficina();
        return services;
    }

    public static WebApplication MapMcpApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMcp(Path)
            .RequireAuthorization()
            .RequireRateLimiting(OfficinaServices.RateLimitPolicy)
            .WithTags("MCP")
            .ExcludeFromDescription();
        return app;
    }
}
