using Hangfire;
using Microsoft.Extensions.Options;
using Officina.Service.Api;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Scalar.AspNetCore;

namespace Officina.Service.Configuration;

/// <summary>The request pipeline and the endpoints.</summary>
public static class OfficinaApp
{
    public static WebApplication UseOfficina(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = app.Services.GetRequiredService<ApiKeys>();
        var options = app.Services.GetRequiredService<IOptions<OfficinaOptions>>().Value;
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new DashboardAuthorization(keys)], DashboardTitle = "Officina jobs" });

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGroup(JobsApi.Prefix)
            .RequireAuthorization()
            .RequireRateLimiting(OfficinaServices.RateLimitPolicy)
            .MapJobsApi()
            .MapPlansApi()
            .MapCatalogApi();
        app.MapHealthApi();

        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());

        app.Logger.LogInformation("Officina service: storage {Storage}, worker {Worker}, upload limit {Limit:N0} bytes, retention {Hours} h",
            options.Storage, options.Worker ? $"{options.WorkerCount} thread(s)" : "off", options.MaxUploadBytes, options.RetentionHours);
        if (keys.Open)
        {
            app.Logger.LogWarning("No API keys are configured: the API is OPEN to every local caller (tenant 'local'); this is allowed on loopback addresses only. Add Officina:ApiKeys to require keys.");
        }

        return app;
    }
}
