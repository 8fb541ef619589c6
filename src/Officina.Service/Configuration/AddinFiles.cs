using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Officina.Service.Configuration;

/// <summary>
/// Serves the Office add-in's built task pane (<c>addin/dist</c>) at <c>/addin/</c>, with the
/// headers the Office iframe needs: no <c>X-Frame-Options: DENY</c>, and a Content Security
/// Policy that lets the page load Office.js from Microsoft's CDN, be framed by Office on the
/// web, and call the Officina server the user configures.
/// </summary>
public static class AddinFiles
{
    public const string Path = "/addin";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; " +
        "frame-ancestors 'self' https://*.office.com https://*.office365.com https://*.officeapps.live.com https://*.sharepoint.com https://*.microsoft.com";

    /// <summary>Maps <c>/addin/</c> to the built add-in, or to a clear 404 telling how to build it.</summary>
    public static WebApplication UseAddin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<OfficinaOptions>>().Value;
        var folder = Locate(options.AddinPath);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch =>
        {
            branch.Use(async (context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                await next(context).ConfigureAwait(false);
            });
        });

        if (folder is null)
        {
            app.Logger.LogWarning("The add-in is not built (no addin/dist found): /addin/ answers 404. Build it with: cd addin && npm ci && npm run build");
            app.Map(Path, branch => branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return context.Response.WriteAsync("The Officina add-in is not built here. Build it with: cd addin && npm ci && npm run build (or set Officina:AddinPath).");
            }));
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path });
        app.Logger.LogInformation("Serving the add-in from {Folder} at {Path}/", folder, Path);
        return app;
    }

    /// <summary>The configured folder, else the first <c>addin/dist</c> above the working directory or the assembly.</summary>
    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = System.IO.Path.GetFullPath(configured);
            return File.Exists(System.IO.Path.Combine(full, "index.html")) ? full : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = System.IO.Path.Combine(directory.FullName, "addin", "dist");
                if (File.Exists(System.IO.Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
