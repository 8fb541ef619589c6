using System.Text;
using Officina.Service.Tests.Postgres;

namespace Officina.Service.Tests;

/// <summary>
/// Malformed, cut-off and slow request bodies and bad plan JSON sent to the real service process (Kestrel):
/// each is a 400 problem naming what is wrong, no job is queued, and the log holds no stack trace.
/// </summary>
public sealed class MalformedRequestTests : IClassFixture<MalformedRequestTests.LocalService>
{
    private const string Boundary = "XX";
    private const string Path = "/api/v1/plans/apply";
    private readonly LocalService _service;

    public MalformedRequestTests(LocalService service) => _service = service;

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        { "a quote in the file name", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.xlsx\"\r\n\r\nbytes\r\n--{Boundary}--\r\n", "multipart" },
        { "5,000 fields", string.Concat(Enumerable.Range(0, 5000).Select(i => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n")) + $"--{Boundary}--\r\n", "too_many_fields" },
        { "a body cut off before the form ends", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"plan\"\r\n\r\n{{\"host\":\"excel\"", "body_incomplete" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task Upload_Returns400WithoutAStackTrace_WhenTheFormIsMalformed(string what, string body, string code)
    {
        var response = await RawHttp.PostAsync(_service.Process.BaseUrl, Path, $"multipart/form-data; boundary={Boundary}", Encoding.UTF8.GetBytes(body));

        Assert.True(RawHttp.Status(response) == 400, $"{what}: {response}");
        Assert.Contains($"\"code\":\"{code}\"", response, StringComparison.Ordinal);
        await _service.AssertNoJobsAndNoStackTraceAsync();
    }

    [Fact]
    public async Task Upload_Returns400_WhenTheBoundaryIsMissing()
    {
        var response = await RawHttp.PostAsync(_service.Process.BaseUrl, Path, "multipart/form-data", "abc"u8.ToArray());

        Assert.Equal(400, RawHttp.Status(response));
        Assert.Contains("boundary", response, StringComparison.Ordinal);
        await _service.AssertNoJobsAndNoStackTraceAsync();
    }

    [Fact]
    public async Task Upload_Returns400WithoutAStackTrace_WhenTheBodyStopsArriving()
    {
        // The head promises 5,000 bytes; 60 arrive and then nothing, so Kestrel's minimum data rate ends the read.
        var part = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"plan\"\r\n\r\n{{");

        var response = await RawHttp.PostAsync(_service.Process.BaseUrl, Path, $"multipart/form-data; boundary={Boundary}", part, contentLength: 5000);

        Assert.True(RawHttp.Status(response) == 400, response);
        Assert.Contains("\"code\":\"body_too_slow\"", response, StringComparison.Ordinal);
        await _service.AssertNoJobsAndNoStackTraceAsync();
    }

    [Fact]
    public async Task PlansApply_Returns400InvalidPlan_WhenThePlanHasDuplicateKeys()
    {
        using var client = _service.Process.Client();
        using var form = ServiceApp.PlanForm("""{"host":"excel","host":"word","operations":[]}""");

        using var response = await client.PostAsync(Path, form);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, text);
        Assert.Contains("invalid_plan", text, StringComparison.Ordinal);
        Assert.Contains("host", text, StringComparison.Ordinal);
        await _service.AssertNoJobsAndNoStackTraceAsync();
    }

    /// <summary>One service process on local storage for the class.</summary>
    public sealed class LocalService : IDisposable
    {
        private readonly string _data = Directory.CreateTempSubdirectory("officina-malformed-").FullName;

        public LocalService()
        {
            Process = new ServiceProcess(ServiceProcess.FreePort(), new Dictionary<string, string> { ["Officina__DataPath"] = _data, ["Officina__WorkerCount"] = "1" });
            Process.WaitReadyAsync().GetAwaiter().GetResult();
        }

        public ServiceProcess Process { get; }

        public async Task AssertNoJobsAndNoStackTraceAsync()
        {
            using var client = Process.Client();
            var jobs = await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs"));
            Assert.Equal(0, (int)jobs["total"]!);
            Assert.False(Process.Output.Contains("   at ", StringComparison.Ordinal), Process.Output);
            Assert.DoesNotContain("fail:", Process.Output, StringComparison.Ordinal);
        }

        public void Dispose()
        {
            Process.Dispose();
            Directory.Delete(_data, recursive: true);
        }
    }
}
