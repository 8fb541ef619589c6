using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Console;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Workers;

/// <summary>
/// The service's entry point in worker mode: reads its setup from the supervisor, builds the
/// job's services around stores that talk to the supervisor, runs the one job and exits with a
/// <see cref="WorkerProtocol"/> code. Standard output carries only the protocol; everything else
/// (logs, library chatter) goes to standard error, which the supervisor logs.
/// </summary>
internal static class WorkerHost
{
    public static bool IsWorker(string[] args) => args.Length > 0 && args[0] == WorkerProtocol.Switch;

    public static async Task<int> RunAsync()
    {
        var protocol = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        using var channel = new WorkerChannel(protocol, new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)));
        string jobId;
        int retry;
        ServiceProvider provider;
        try
        {
            var setup = await channel.ReadSetupAsync().ConfigureAwait(false);
            jobId = setup["job"]?.GetValue<string>() ?? throw new InvalidOperationException("The setup names no job.");
            retry = setup["retry"]?.GetValue<int>() ?? 0;
            var folder = setup["folder"]?.GetValue<string>() ?? throw new InvalidOperationException("The setup names no folder.");
            var settings = (setup["settings"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>());
            provider = Services(settings, new WorkerJobStore(channel, jobId), new WorkerFileStore(channel, jobId, folder));
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"The worker could not start: {ex.Message}").ConfigureAwait(false);
            return WorkerProtocol.Broken;
        }

        channel.Start(() => Environment.Exit(WorkerProtocol.SupervisorGone));
        await using (provider.ConfigureAwait(false))
        {
            using var spans = WorkerSpans.Forward(channel);
            try
            {
                await FaultForTestsAsync(provider.GetRequiredService<IJobStore>(), jobId).ConfigureAwait(false);
                await provider.GetRequiredService<JobRunner>().RunHereAsync(jobId, retry, CancellationToken.None).ConfigureAwait(false);
                return WorkerProtocol.Done;
            }
            catch (TransientJobException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return WorkerProtocol.Transient;
            }
            finally
            {
                await spans.FlushAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The isolation tests' real fatal fault: with <c>OFFICINA_TEST_WORKER_FAULT=stack_overflow:NAME</c> in
    /// the service's environment, the worker of a job whose file is named NAME overflows its stack,
    /// as hostile inputs did before every input was scanned (none reaches such a fault now, so the
    /// tests cannot use one). Unset, this reads nothing.
    /// </summary>
    private static async Task FaultForTestsAsync(IJobStore jobs, string jobId)
    {
        const string Overflow = "stack_overflow:";
        if (Environment.GetEnvironmentVariable("OFFICINA_TEST_WORKER_FAULT") is { } fault && fault.StartsWith(Overflow, StringComparison.Ordinal)
            && (await jobs.GetAsync(jobId, CancellationToken.None).ConfigureAwait(false))?.FileName == fault[Overflow.Length..])
        {
            // Counted as a run, as the job runner counts one first; the tests check that it is the only one.
            await jobs.UpdateAsync(jobId, j => j with { Runs = j.Runs + 1 }, CancellationToken.None).ConfigureAwait(false);
            Recurse(0);
        }

        static int Recurse(int depth) => Recurse(depth + 1) + depth;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, IJobStore jobs, IFileStore files)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddOptions<OfficinaOptions>().Bind(configuration.GetSection(OfficinaOptions.Section));
        services.AddSingleton(jobs);
        services.AddSingleton(files);
        services.AddSingleton(TimeProvider.System);
        services.AddOfficinaJobWork();
        return services.BuildServiceProvider();
    }
}
