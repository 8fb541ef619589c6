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

    /// <summary>
    /// Maps <c>/addin/</c> to the built add-in. When it is not built yet (the service's build
    /// builds it when npm is there), <c>/addin/</c> answers a 404 saying how to build it, and
    /// serves the add-in as soon as the folder appears, without a restart.
    /// </summary>
    public static WebApplication UseAddin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<OfficinaOptions>>().Value;
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch =>
        {
            branch.Use(async (context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                await next(context).ConfigureAwait(false);
            });
        });

        var folder = Locate(options.AddinPath);
        if (folder is null)
        {
            app.Logger.LogWarning("No add-in here (no addin/ folder found and Officina:AddinPath not set): /addin/ answers 404.");
            app.Map(Path, branch => branch.Run(context => NotBuiltAsync(context, "The Officina add-in is not part of this installation (set Officina:AddinPath to its built folder).")));
            return app;
        }

        var files = new AppearingFolderProvider(folder);
        app.Lifetime.ApplicationStopped.Register(files.Dispose);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path });
        app.Map(Path, branch => branch.Run(context => files.IsReady
            ? NotBuiltAsync(context, null)
            : NotBuiltAsync(context, $"The Officina add-in is not built yet ({files.Folder} has no index.html). Build it with: cd addin && npm ci && npm run build (the service's own build does this when npm is installed); it is served as soon as it is there.")));
        if (files.IsReady)
        {
            app.Logger.LogInformation("Serving the add-in from {Folder} at {Path}/", files.Folder, Path);
        }
        else
        {
            app.Logger.LogWarning("The add-in is not built ({Folder} has no index.html): /addin/ answers 404 until it is. Build it with: cd addin && npm ci && npm run build", files.Folder);
        }

        return app;
    }

    private static Task NotBuiltAsync(HttpContext context, string? message)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return message is null ? Task.CompletedTask : context.Response.WriteAsync(message);
    }

    /// <summary>The configured folder, else <c>dist</c> of the first <c>addin/</c> (with its package.json) above the working directory or the assembly.</summary>
    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var addin = System.IO.Path.Combine(directory.FullName, "addin");
                if (File.Exists(System.IO.Path.Combine(addin, "package.json")))
                {
                    return System.IO.Path.Combine(addin, "dist");
                }
            }
        }

        return null;
    }
}
