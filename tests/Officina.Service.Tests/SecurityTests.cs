using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Officina.Service.Security;

namespace Officina.Service.Tests;

/// <summary>API keys per tenant, tenant isolation, the dashboard's admin key, rate limits, idempotency, upload limits.</summary>
public sealed class SecurityTests : IDisposable
{
    private const string AcmeKey = "acme-secret-key";
    private const string GlobexKey = "globex-secret-key";
    private const string AdminKey = "admin-secret-key";

    private readonly ServiceApp _app = new(new()
    {
        ["Officina:ApiKeys:0:Tenant"] = "acme",
        ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
        ["Officina:ApiKeys:1:Tenant"] = "globex",
        ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash(GlobexKey),
        ["Officina:ApiKeys:2:Tenant"] = "ops",
        ["Officina:ApiKeys:2:Sha256"] = ApiKeys.Hash(AdminKey),
        ["Officina:ApiKeys:2:Admin"] = "true",
    });

    [Theory]
    [InlineData(null, "Send an API key")]
    [InlineData("wrong-key", "not valid")]
    public async Task Api_Returns401Problem_WithoutAValidKey(string? key, string detail)
    {
        using var client = _app.ClientWithKey(key);

        using var response = await client.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(detail, (string?)(await ServiceApp.JsonAsync(response))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NeedsNoKey()
    {
        using var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Tenant_NeverSeesAnotherTenantsJobPlanOrFiles()
    {
        using var acme = _app.ClientWithKey(AcmeKey);
        using var globex = _app.ClientWithKey(GlobexKey);
        using var created = await acme.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)(await ServiceApp.JsonAsync(created))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(acme, id))["status"]);

        foreach (var path in new[] { "", "/plan", "/result", "/original", "/events" })
        {
            using var response = await globex.GetAsync($"/api/v1/jobs/{id}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {response.StatusCode}");
        }

        using var cancel = await globex.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        using var approve = await globex.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = (int[]?)null });
        using var replayForm = new MultipartFormDataContent { { new ByteArrayContent(ServiceApp.Asset("basicspread.xlsx")), "file", "b.xlsx" } };
        using var replay = await globex.PostAsync($"/api/v1/plans/{id}/replay", replayForm);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);

        var globexJobs = await globex.GetFromJsonAsync<JsonObject>("/api/v1/jobs");
        var acmeJobs = await acme.GetFromJsonAsync<JsonObject>("/api/v1/jobs");
        Assert.Equal(0, (int)globexJobs!["total"]!);
        Assert.Equal(1, (int)acmeJobs!["total"]!);
    }

    [Fact]
    public async Task Dashboard_OpensForTheAdminKeyOnly()
    {
        using var anonymous = _app.CreateClient();
        using var tenant = _app.ClientWithKey(AcmeKey);
        using var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + AdminKey)));

        using var denied = await anonymous.GetAsync("/hangfire");
        using var tenantDenied = await tenant.GetAsync("/hangfire");
        using var allowed = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.StartsWith("Basic", denied.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, tenantDenied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task IdempotencyKey_ReturnsTheFirstJob_AndRefusesADifferentRequest()
    {
        using var client = _app.ClientWithKey(AcmeKey);

        async Task<HttpResponseMessage> Post(string plan)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/apply") { Content = ServiceApp.PlanForm(plan) };
            request.Headers.Add("Idempotency-Key", "order-42");
            return await client.SendAsync(request);
        }

        using var first = await Post(ServiceApp.Plan);
        using var again = await Post(ServiceApp.Plan);
        using var different = await Post(ServiceApp.Plan.Replace("Total", "Sum", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((string?)(await ServiceApp.JsonAsync(first))["id"], (string?)(await ServiceApp.JsonAsync(again))["id"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(1, (int)(await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))!["total"]!);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5170", true)]
    [InlineData("http://localhost:5170", true)]
    [InlineData("http://[::1]:5170", true)]
    [InlineData("http://0.0.0.0:5170", false)]
    [InlineData("http://*:5170", false)]
    [InlineData("http://+:80", false)]
    [InlineData("https://officina.example.com", false)]
    public void IsLoopback_TellsLoopbackAddressesApart(string url, bool loopback) =>
        Assert.Equal(loopback, ApiKeys.IsLoopback(url));

    [Fact]
    public void Service_RefusesToStart_OnANonLoopbackAddressWithoutKeys()
    {
        using var app = new ServiceApp(new() { ["Officina:Urls"] = "http://0.0.0.0:5170" });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Refusing to start", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_Returns429_AfterThePerKeyLimit()
    {
        using var app = new ServiceApp(new()
        {
            ["Officina:ApiKeys:0:Tenant"] = "acme",
            ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
            ["Officina:ApiKeys:1:Tenant"] = "globex",
            ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash(GlobexKey),
            ["Officina:RateLimitPerMinute"] = "3",
        });
        using var acme = app.ClientWithKey(AcmeKey);
        using var globex = app.ClientWithKey(GlobexKey);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await acme.GetAsync("/api/v1/catalog");
            codes.Add(response.StatusCode);
        }

        using var limited = await acme.GetAsync("/api/v1/jobs");
        using var other = await globex.GetAsync("/api/v1/jobs");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Contains("Officina:RateLimitPerMinute", (string?)(await ServiceApp.JsonAsync(limited))["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Upload_Returns413WithTheLimit_WhenTooLarge()
    {
        using var app = new ServiceApp(new() { ["Officina:MaxUploadBytes"] = "4096" });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan, new byte[20_000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Officina:MaxUploadBytes", (string?)(await ServiceApp.JsonAsync(response))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedAuthentication_Returns429WithRetryAfter_AfterTheLimitEvenForTheRightKey()
    {
        using var app = new ServiceApp(new()
        {
            ["Officina:ApiKeys:0:Tenant"] = "acme",
            ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
            ["Officina:AuthFailureLimit"] = "3",
            ["Officina:AuthFailureWindowSeconds"] = "600",
        });
        using var guesser = app.ClientWithKey("guess");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await guesser.GetAsync("/api/v1/jobs");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = app.ClientWithKey(AcmeKey);
        using var throttled = await right.GetAsync("/api/v1/jobs");
        using var anonymous = app.CreateClient();
        using var health = await anonymous.GetAsync("/healthz");

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("auth_throttled", (string?)(await ServiceApp.JsonAsync(throttled))["code"]);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task FailedDashboardPasswords_Return429_AfterTheLimit()
    {
        using var app = new ServiceApp(new()
        {
            ["Officina:ApiKeys:0:Tenant"] = "ops",
            ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AdminKey),
            ["Officina:ApiKeys:0:Admin"] = "true",
            ["Officina:AuthFailureLimit"] = "2",
        });
        using var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:guess")));
        using var first = await browser.GetAsync("/hangfire");
        using var second = await browser.GetAsync("/hangfire");
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + AdminKey)));

        using var throttled = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task Dashboard_IsServedUnderACspThatForbidsFraming()
    {
        using var admin = _app.ClientWithKey(AdminKey);

        using var page = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(",", page.Headers.GetValues("X-Frame-Options")));
        Assert.DoesNotMatch("<script>(?!</script>)", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/healthz", null)]
    [InlineData("/api/v1/jobs", null)]
    [InlineData("/api/v1/jobs", AcmeKey)]
    [InlineData("/api/v1/jobs/nope", AcmeKey)]
    [InlineData("/hangfire/js1825", AdminKey)]
    [InlineData("/no-such-page", null)]
    public async Task Response_CarriesNosniff_WhateverItServes(string path, string? key)
    {
        using var client = _app.ClientWithKey(key);

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Download_CarriesNosniff()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        using var submitted = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(submitted))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, id))["status"]);

        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("nosniff", string.Join(",", result.Headers.GetValues("X-Content-Type-Options")));
    }

    public void Dispose() => _app.Dispose();
}
