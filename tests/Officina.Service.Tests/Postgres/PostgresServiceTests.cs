using System.Net;
using Officina.Excel;

namespace Officina.Service.Tests.Postgres;

/// <summary>Two service instances on one PostgreSQL database: a job submitted to one is served by the other.</summary>
public sealed class PostgresServiceTests : IDisposable
{
    private readonly PostgresDatabase _database = new();

    [Fact]
    public async Task Job_SubmittedToOneInstance_IsServedByAnother()
    {
        var settings = new Dictionary<string, string?> { ["Officina:Storage"] = "postgres", ["Officina:ConnectionString"] = _database.ConnectionString };
        using var first = new ServiceApp(settings);
        using var second = new ServiceApp(settings);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        using var response = await one.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var job = await ServiceApp.WaitAsync(two, id);

        Assert.Equal("succeeded", (string?)job["status"]);
        using var book = WorkbookSession.Open(new MemoryStream(await two.GetByteArrayAsync($"/api/v1/jobs/{id}/result")));
        Assert.Equal("400", PlansApiTests.Cell(book, "Forecast!A4"));
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_Returns503_WhenTheDatabaseIsUnreachable()
    {
        using var app = new ServiceApp(new()
        {
            ["Officina:Storage"] = "postgres",
            ["Officina:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2",
            ["Officina:Worker"] = "false",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("storage", (string?)(await ServiceApp.JsonAsync(response))["check"]);
    }

    public void Dispose() => _database.Dispose();
}
