using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Officina.Service.Tests;

/// <summary>
/// The service in-process (WebApplicationFactory) with its own data folder and settings:
/// InMemory Hangfire and local files unless the settings say otherwise.
/// </summary>
public sealed class ServiceApp : WebApplicationFactory<Program>
{
    public const string Plan = """
        {"host":"excel","instruction":"Label and forecast","operations":[
          {"op":"set_values","range":"Sheet1!A1","values":[["Total"]]},
          {"op":"add_sheet","name":"Forecast"},
          {"op":"set_values","range":"Forecast!A1:A2","values":[["Revenue"],[100]]},
          {"op":"set_formulas","range":"Forecast!A3:A4","formula":"=A2*2"}]}
        """;

    private readonly Dictionary<string, string?> _settings;

    public ServiceApp(Dictionary<string, string?>? settings = null)
    {
        DataFolder = Directory.CreateTempSubdirectory("officina-service-test-").FullName;
        _settings = new(StringComparer.Ordinal)
        {
            ["Officina:DataPath"] = DataFolder,
            ["Officina:WorkerCount"] = "2",
            ["OPENAI_API_KEY"] = "",
            ["OPENAI_BASE_URL"] = "",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string DataFolder { get; }

    public static byte[] Asset(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", "xlsx", name));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static MultipartFormDataContent PlanForm(string plan, byte[]? file = null, string fileName = "basicspread.xlsx")
    {
        var form = new MultipartFormDataContent { { new StringContent(plan), "plan" } };
        form.Add(new ByteArrayContent(file ?? Asset("basicspread.xlsx")), "file", fileName);
        return form;
    }

    public static MultipartFormDataContent JobForm(string instruction, string mode = "apply", byte[]? file = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(instruction), "instruction" }, { new StringContent(mode), "mode" } };
        form.Add(new ByteArrayContent(file ?? Asset("basicspread.xlsx")), "file", "basicspread.xlsx");
        return form;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    /// <summary>Cancels a running job, waits for it to end, and checks what a user sees: cancelled, and no result to download.</summary>
    public static async Task<JsonObject> CancelAsync(HttpClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        var job = await WaitAsync(client, id);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", (string?)job["status"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        return job;
    }

    /// <summary>Polls the job until <paramref name="until"/> holds (default: a final status), at most <paramref name="seconds"/>.</summary>
    public static async Task<JsonObject> WaitAsync(HttpClient client, string id, Func<JsonObject, bool>? until = null, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(client);
        until ??= j => (string?)j["status"] is "succeeded" or "failed" or "cancelled";
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}") ?? throw new InvalidOperationException("null job");
            if (until(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {id} did not get there in {seconds} s: {job.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
