using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Officina.Excel;

namespace Officina.Service.Tests.Postgres;

/// <summary>
/// A service killed with SIGKILL mid-job on PostgreSQL: after a restart the job is picked up
/// and finishes once, with one result and nothing lost.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly string _data = Directory.CreateTempSubdirectory("officina-durability-").FullName;

    [Fact]
    public async Task Job_FinishesOnce_WhenTheServiceIsKilledMidJobAndRestarted()
    {
        var settings = new Dictionary<string, string>
        {
            ["Officina__Storage"] = "postgres",
            ["Officina__ConnectionString"] = _database.ConnectionString,
            ["Officina__StepDelayMilliseconds"] = "250",
            ["Officina__InvisibilityTimeoutSeconds"] = "5",
            ["Officina__WorkerCount"] = "1",
            ["Officina__DataPath"] = _data,
        };
        var port = ServiceProcess.FreePort();
        var operations = string.Join(",", Enumerable.Range(1, 24).Select(i => $$"""{"op":"set_values","range":"Sheet1!H{{i}}","values":[[{{i}}]]}"""));
        string id;
        using (var first = new ServiceProcess(port, settings))
        {
            await first.WaitReadyAsync();
            using var client = first.Client();
            using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm($$"""{"host":"excel","operations":[{{operations}}]}"""));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
            var running = await ServiceApp.WaitAsync(client, id, j => (int?)j["progress"]?["done"] >= 4 || (string?)j["status"] is "succeeded" or "failed");
            Assert.Equal("applying", (string?)running["status"]);

            first.Kill();
        }

        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM officina_files WHERE job_id = $1 AND slot = 'result'", id));
        using var second = new ServiceProcess(port, settings);
        await second.WaitReadyAsync();
        using var after = second.Client();
        var job = await ServiceApp.WaitAsync(after, id);

        Assert.True((string?)job["status"] == "succeeded", $"{job.ToJsonString()}\n{second.Output}");
        Assert.Equal(24, job["changes"]!.AsArray().Count);
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM officina_files WHERE job_id = $1 AND slot = 'result'", id));
        Assert.Equal(2, _database.Scalar("SELECT (data->>'runs')::int FROM officina_jobs WHERE id = $1", id));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM officina_jobs"));
        var list = await after.GetFromJsonAsync<JsonObject>("/api/v1/jobs");
        Assert.Equal(1, (int)list!["total"]!);
        using var book = WorkbookSession.Open(new MemoryStream(await after.GetByteArrayAsync($"/api/v1/jobs/{id}/result")));
        Assert.Equal("24", PlansApiTests.Cell(book, "Sheet1!H24"));
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
