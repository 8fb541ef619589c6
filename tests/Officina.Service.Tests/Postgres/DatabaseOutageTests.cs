using System.Diagnostics;
using System.Net;

namespace Officina.Service.Tests.Postgres;

/// <summary>
/// The test cluster's PostgreSQL stopped under a running service: every API request is a 503 problem with
/// <c>Retry-After</c> (not a 500 and a stack trace), <c>/readyz</c> says 503, and all is served again once it is back.
/// </summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly ServiceApp _app;

    public DatabaseOutageTests()
    {
        _app = new(new() { ["Officina:Storage"] = "postgres", ["Officina:ConnectionString"] = _database.ConnectionString + ";Timeout=3" });
    }

    [Fact]
    public async Task Api_Returns503WithRetryAfter_WhileTheDatabaseIsDown()
    {
        using var client = _app.CreateClient();
        using (var up = await client.GetAsync("/api/v1/jobs"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        Cluster("pause");
        try
        {
            using var list = await client.GetAsync("/api/v1/jobs");
            using var upload = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
            using var ready = await client.GetAsync("/readyz");

            foreach (var response in new[] { list, upload })
            {
                var problem = await ServiceApp.JsonAsync(response);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("storage_unavailable", (string?)problem["code"]);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            Cluster("resume");
        }

        using var back = await client.GetAsync("/api/v1/jobs");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    /// <summary>Stops or starts the server of the cluster <c>scripts/test-postgres.sh</c> started (its folder in <c>OFFICINA_TEST_POSTGRES_DIR</c>).</summary>
    private static void Cluster(string action)
    {
        var dir = Environment.GetEnvironmentVariable("OFFICINA_TEST_POSTGRES_DIR") is { Length: > 0 } d
            ? d
            : throw new InvalidOperationException("OFFICINA_TEST_POSTGRES_DIR is not set: this test stops and restarts the test cluster, so start one with eval \"$(bash scripts/test-postgres.sh start)\".");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Office.sln")))
        {
            root = root.Parent;
        }

        var script = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Office.sln not found above the test folder."), "scripts", "test-postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", $"\"{script}\" {action} \"{dir}\"") { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"test-postgres.sh {action} failed: {error}");
    }
}
