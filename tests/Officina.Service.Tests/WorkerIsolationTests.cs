using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Service.Jobs;
using Officina.Service.Storage;
using Officina.Service.Tests.Postgres;

namespace Officina.Service.Tests;

/// <summary>
/// Each job's work runs in a worker process of its own: a worker that dies (a stack overflow
/// aborts with SIGABRT; the kernel's OOM killer sends SIGKILL), hangs, or grows past its memory
/// budget fails its own job, once, and the service and the job beside it carry on. The faults are
/// real: the worker is sent the signal a stack overflow or the OOM killer would end it with, or
/// stopped (SIGSTOP) as a hung process would be.
/// </summary>
public sealed class WorkerIsolationTests
{
    /// <summary>The worker of a job whose file has this name overflows its stack (the service's test hook, <c>OFFICINA_TEST_WORKER_FAULT</c>).</summary>
    private const string StackOverflow = "overflow.xlsx";

    [Theory]
    [InlineData(StackOverflow, "stack overflow")]
    [InlineData("KILL", "signal 9, SIGKILL")]
    public async Task AWorkerThatDies_FailsItsJobOnce_BesideAnInnocentJob_OnLocalStorage(string fault, string cause)
    {
        using var app = new ServiceApp(new() { ["Officina:StepDelayMilliseconds"] = "250" });
        await DiesBesideAnInnocentJobAsync(app, fault, cause);
    }

    [Fact]
    public async Task AWorkerThatDies_FailsItsJobOnce_BesideAnInnocentJob_OnPostgres()
    {
        using var database = new PostgresDatabase();
        using var app = new ServiceApp(new()
        {
            ["Officina:Storage"] = "postgres",
            ["Officina:ConnectionString"] = database.ConnectionString,
            ["Officina:StepDelayMilliseconds"] = "250",
            ["Officina:InvisibilityTimeoutSeconds"] = "5",
        });
        var hostile = await DiesBesideAnInnocentJobAsync(app, StackOverflow, "stack overflow");

        // Past the invisibility timeout nothing fetches the failed job again.
        await Task.Delay(TimeSpan.FromSeconds(7));
        var stored = await app.Get<IJobStore>().GetAsync(hostile, CancellationToken.None);
        Assert.Equal((1, JobStatus.Failed), (stored!.Runs, stored.Status));
    }

    [Fact]
    public async Task AHungWorker_IsStoppedAtTheTimeLimit_AndTheJobFailsWithJobTimeout()
    {
        using var app = new ServiceApp(new() { ["Officina:StepDelayMilliseconds"] = "250", ["Officina:JobTimeoutSeconds"] = "3" });
        using var client = app.CreateClient();
        var id = await SubmitAsync(client, SlowPlan(40));
        var worker = await WorkerOfAsync(client, id);

        Signal(worker, "STOP");
        var job = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal(JobRunner.JobTimeoutCode, (string?)job["error"]!["code"]);
        Assert.Contains("Officina:JobTimeoutSeconds", (string?)job["error"]!["message"], StringComparison.Ordinal);
        Assert.False(Alive(worker), "the stopped worker was ended");
    }

    [Fact]
    public async Task AJobPastItsTimeLimit_FailsWithJobTimeout_AndWritesNothing()
    {
        using var app = new ServiceApp(new() { ["Officina:StepDelayMilliseconds"] = "250", ["Officina:JobTimeoutSeconds"] = "2" });
        using var client = app.CreateClient();
        var id = await SubmitAsync(client, SlowPlan(40));

        var job = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal(JobRunner.JobTimeoutCode, (string?)job["error"]!["code"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
    }

    [Fact]
    public async Task ACancelledJobWhoseWorkerHangs_IsCancelledWithinSeconds()
    {
        using var app = new ServiceApp(new() { ["Officina:StepDelayMilliseconds"] = "250" });
        using var client = app.CreateClient();
        var id = await SubmitAsync(client, SlowPlan(400));
        var worker = await WorkerOfAsync(client, id);

        Signal(worker, "STOP");
        await ServiceApp.CancelAsync(client, id);

        for (var i = 0; i < 100 && Alive(worker); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(Alive(worker), "the stopped worker was ended");
    }

    [Fact]
    public async Task AJobPastItsMemoryBudget_FailsWithMemoryExceeded_WhileASmallJobSucceeds()
    {
        using var app = new ServiceApp(new() { ["Officina:JobMemoryMegabytes"] = "300" });
        using var client = app.CreateClient();
        var big = await SubmitAsync(client, """{"host":"excel","operations":[{"op":"set_values","range":"Sheet1!A1","values":[["x"]]}]}""", BigWorkbook(150_000, 8));
        var small = await SubmitAsync(client, ServiceApp.Plan);

        var hog = await ServiceApp.WaitAsync(client, big, seconds: 300);
        var innocent = await ServiceApp.WaitAsync(client, small, seconds: 300);

        Assert.Equal("failed", (string?)hog["status"]);
        Assert.Equal(JobRunner.MemoryExceededCode, (string?)hog["error"]!["code"]);
        Assert.Contains("Officina:JobMemoryMegabytes", (string?)hog["error"]!["message"], StringComparison.Ordinal);
        Assert.Equal("succeeded", (string?)innocent["status"]);
    }

    [Fact]
    public async Task WithoutIsolation_JobsRunInTheServiceProcess()
    {
        using var app = new ServiceApp(new() { ["Officina:JobIsolation"] = "none" });
        using var client = app.CreateClient();
        var id = await SubmitAsync(client, ServiceApp.Plan);

        var job = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Empty(WorkersOf(id));
    }

    /// <summary>A job whose worker dies of <paramref name="fault"/> (a signal, or <see cref="StackOverflow"/>) beside one that must not notice.</summary>
    private static async Task<string> DiesBesideAnInnocentJobAsync(ServiceApp app, string fault, string cause)
    {
        using var client = app.CreateClient();
        string hostile, innocent;
        if (fault == StackOverflow)
        {
            Environment.SetEnvironmentVariable("OFFICINA_TEST_WORKER_FAULT", "stack_overflow:" + StackOverflow);
            try
            {
                innocent = await SubmitAsync(client, SlowPlan(8));
                hostile = await SubmitAsync(client, SlowPlan(8), name: StackOverflow);
                await ServiceApp.WaitAsync(client, hostile);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OFFICINA_TEST_WORKER_FAULT", null);
            }
        }
        else
        {
            hostile = await SubmitAsync(client, SlowPlan(40));
            await ServiceApp.WaitAsync(client, hostile, j => (string?)j["status"] == "applying");
            var worker = await WorkerOfAsync(client, hostile);
            innocent = await SubmitAsync(client, ServiceApp.Plan);
            Signal(worker, fault);
        }

        var failed = await ServiceApp.WaitAsync(client, hostile);
        var succeeded = await ServiceApp.WaitAsync(client, innocent);

        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal(JobRunner.WorkerCrashedCode, (string?)failed["error"]!["code"]);
        var message = (string)failed["error"]!["message"]!;
        Assert.Contains(cause, message, StringComparison.Ordinal);
        Assert.Contains("not retried", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.Equal("succeeded", (string?)succeeded["status"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var result = await client.GetAsync($"/api/v1/jobs/{hostile}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);

        // Never retried: one run, and it stays failed.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var stored = await app.Get<IJobStore>().GetAsync(hostile, CancellationToken.None);
        Assert.Equal(1, stored!.Runs);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Empty(WorkersOf(hostile));
        return hostile;
    }

    /// <summary>A plan of <paramref name="steps"/> writes, slow under a step delay.</summary>
    private static string SlowPlan(int steps) =>
        "{\"host\":\"excel\",\"operations\":[" + string.Join(',', Enumerable.Range(1, steps).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"op\":\"set_values\",\"range\":\"Sheet1!H{i}\",\"values\":[[{i}]]}}"))) + "]}";

    private static async Task<string> SubmitAsync(HttpClient client, string plan, byte[]? file = null, string name = "basicspread.xlsx")
    {
        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan, file, name));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await ServiceApp.JsonAsync(response))["id"]!;
    }

    /// <summary>The job's worker process, as soon as it runs.</summary>
    private static async Task<int> WorkerOfAsync(HttpClient client, string id)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (WorkersOf(id) is [var worker])
            {
                return worker;
            }

            var job = await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}");
            Assert.False((string?)job?["status"] is "succeeded" or "failed" or "cancelled", $"The job ended before its worker was seen: {job}");
        }

        throw new TimeoutException($"No worker process for job {id} in 60 s.");
    }

    /// <summary>Processes whose command line is <c>… --officina-worker ID</c>.</summary>
    private static List<int> WorkersOf(string id)
    {
        var marker = "--officina-worker\0" + id + "\0";
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, "cmdline"))).Contains(marker, StringComparison.Ordinal) && Alive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It ended while being read.
            }
        }

        return found;
    }

    /// <summary>Running or stopped, not a zombie or gone.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>A workbook of <paramref name="rows"/> × <paramref name="columns"/> numbers, written with the SDK's streaming writer (small to upload, large to load).</summary>
    private static byte[] BigWorkbook(int rows, int columns)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                for (var r = 1; r <= rows; r++)
                {
                    writer.WriteStartElement(new Row { RowIndex = (uint)r });
                    for (var c = 0; c < columns; c++)
                    {
                        writer.WriteElement(new Cell { CellReference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + c)}{r}"), CellValue = new CellValue(r * 10 + c) });
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }
}
