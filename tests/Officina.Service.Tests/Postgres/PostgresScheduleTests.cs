using System.Net;

namespace Officina.Service.Tests.Postgres;

/// <summary>Schedules on PostgreSQL storage: the record and inputs in the database, the recurring job in Hangfire.PostgreSql.</summary>
public sealed class PostgresScheduleTests : IDisposable
{
    private readonly PostgresDatabase _database = new();

    [Fact]
    public async Task Schedule_RunsAndDeletes_OnPostgresStorage()
    {
        using var app = new ServiceApp(new() { ["Officina:Storage"] = "postgres", ["Officina:ConnectionString"] = _database.ConnectionString });
        using var client = app.CreateClient();
        var id = await ScheduleTests.CreateAsync(client);
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM officina_schedules WHERE id = $1", id));

        var jobId = (string)(await ServiceApp.JsonAsync(await client.PostAsync($"/api/v1/schedules/{id}/run", null)))["id"]!;

        await ScheduleTests.AssertInvoicesAsync(client, jobId);
        var schedule = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/schedules/{id}"));
        Assert.Equal([jobId], schedule["last_runs"]!.AsArray().Select(j => (string)j!));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/schedules/{id}")).StatusCode);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM officina_schedules WHERE id = $1", id));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM officina_files WHERE job_id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/schedules/{id}")).StatusCode);
    }

    public void Dispose() => _database.Dispose();
}
