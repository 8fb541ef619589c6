using System.Net;

namespace Officina.Service.Tests;

/// <summary>
/// Local storage on a real, nearly full disk: an upload that does not fit is a 507 that keeps nothing, a job whose
/// result does not fit fails with storage_full, no temporary file or orphan folder stays, and once space returns
/// the same request with the same Idempotency-Key goes through.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly SmallDisk _disk = new();
    private readonly ServiceApp _app;

    public DiskFullTests()
    {
        _app = new(new() { ["Officina:DataPath"] = _disk.Data, ["Officina:StepDelayMilliseconds"] = "300", ["Officina:WorkerCount"] = "1" });
    }

    [Fact]
    public async Task Upload_Returns507AndKeepsNothing_WhenTheDiskIsFull()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "upload-on-a-full-disk");
        using (var warmUp = await client.GetAsync("/api/v1/jobs"))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        _disk.Fill(leaveBytes: 12 * 1024);

        using var full = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));

        var problem = await ServiceApp.JsonAsync(full);
        Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
        Assert.Equal("storage_full", (string?)problem["code"]);
        Assert.Contains("no space left", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(_disk.DataFiles(), f => f.StartsWith("files/", StringComparison.Ordinal) || f.StartsWith("jobs/", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));

        _disk.Free();
        using var retried = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(retried))["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
    }

    [Fact]
    public async Task Job_FailsWithStorageFull_WhenItsResultDoesNotFit_AndTheSameKeyRunsItAgainOnceSpaceReturns()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "result-on-a-full-disk");
        var operations = string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{"op":"set_values","range":"Sheet1!H{{i}}","values":[[{{i}}]]}"""));
        var plan = $$"""{"host":"excel","operations":[{{operations}}]}""";
        using var submitted = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await ServiceApp.JsonAsync(submitted))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] == "applying");

        _disk.Fill(leaveBytes: 16 * 1024);
        var failed = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("storage_full", (string?)failed["error"]?["code"]);
        Assert.DoesNotContain(_disk.DataFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.DoesNotContain($"files/{id}/result", _disk.DataFiles());

        _disk.Free();
        using var retried = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan));

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var second = (string)(await ServiceApp.JsonAsync(retried))["id"]!;
        Assert.NotEqual(id, second);
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, second))["status"]);
    }

    public void Dispose()
    {
        _app.Dispose();
        _disk.Dispose();
    }
}
