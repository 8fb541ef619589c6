using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Tests.Postgres;

/// <summary>The PostgreSQL job and file stores against a real server.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly Npgsql.NpgsqlDataSource _source;
    private readonly PostgresSchema _schema;
    private readonly PostgresJobStore _jobs;
    private readonly PostgresFileStore _files;

    public PostgresStoreTests()
    {
        _source = _database.CreateDataSource();
        _schema = new PostgresSchema(_source);
        _jobs = new PostgresJobStore(_source, _schema, TimeProvider.System);
        _files = new PostgresFileStore(_source, _schema);
    }

    [Fact]
    public async Task Jobs_RoundTripAndUpdateUnderLock()
    {
        var job = Job("acme", DateTimeOffset.UtcNow);
        await _jobs.CreateAsync(job, default);

        var updates = Enumerable.Range(0, 20).Select(_ => _jobs.UpdateAsync(job.Id, j => j with { Runs = j.Runs + 1 }, default));
        await Task.WhenAll(updates);
        var read = await _jobs.GetAsync(job.Id, default);

        Assert.Equal(20, read!.Runs);
        Assert.Equal("acme", read.Tenant);
        Assert.Equal(job.Instruction, read.Instruction);
        Assert.Null(await _jobs.GetAsync("j_missing", default));
        Assert.Null(await _jobs.GetAsync("../etc/passwd", default));
    }

    [Fact]
    public async Task List_IsPerTenantNewestFirst()
    {
        var now = DateTimeOffset.UtcNow;
        var acme = Enumerable.Range(0, 3).Select(i => Job("acme", now.AddMinutes(i))).ToList();
        foreach (var job in acme.Append(Job("globex", now)))
        {
            await _jobs.CreateAsync(job, default);
        }

        var (first, total) = await _jobs.ListAsync("acme", 0, 2, default);
        var (past, pastTotal) = await _jobs.ListAsync("acme", 10, 2, default);

        Assert.Equal(3, total);
        Assert.Equal([acme[2].Id, acme[1].Id], first.Select(j => j.Id));
        Assert.Empty(past);
        Assert.Equal(3, pastTotal);
    }

    [Fact]
    public async Task Claim_ReturnsTheFirstClaimWithinTheWindow()
    {
        var first = await _jobs.ClaimAsync("acme", "k1", "hash-a", "j_a", TimeSpan.FromHours(24), default);
        var second = await _jobs.ClaimAsync("acme", "k1", "hash-b", "j_b", TimeSpan.FromHours(24), default);
        var otherTenant = await _jobs.ClaimAsync("globex", "k1", "hash-c", "j_c", TimeSpan.FromHours(24), default);
        var expired = await _jobs.ClaimAsync("acme", "k1", "hash-d", "j_d", TimeSpan.Zero, default);

        Assert.Null(first);
        Assert.Equal(new IdempotencyClaim("hash-a", "j_a"), second);
        Assert.Null(otherTenant);
        Assert.Null(expired);
    }

    [Fact]
    public async Task Files_AreReplacedOnRewrite_AndDeletedWithTheJob()
    {
        await _files.WriteAsync("j_f", "result", new byte[] { 1, 2 }, default);
        await _files.WriteAsync("j_f", "result", new byte[] { 3 }, default);
        await _files.WriteAsync("j_f", "original", new byte[] { 4 }, default);

        Assert.Equal([3], await _files.ReadAsync("j_f", "result", default));
        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM officina_files WHERE job_id = $1", "j_f"));
        await _files.DeleteAllAsync("j_f", default);
        Assert.Null(await _files.ReadAsync("j_f", "original", default));
        await Assert.ThrowsAsync<ArgumentException>(() => _files.ReadAsync("j_f", "../result", default));
    }

    [Fact]
    public async Task CreatedBefore_FindsOldJobs()
    {
        var old = Job("acme", DateTimeOffset.UtcNow.AddDays(-10));
        var fresh = Job("acme", DateTimeOffset.UtcNow);
        await _jobs.CreateAsync(old, default);
        await _jobs.CreateAsync(fresh, default);

        var expired = await _jobs.CreatedBeforeAsync(DateTimeOffset.UtcNow.AddDays(-7), default);
        await _jobs.DeleteAsync(old.Id, default);

        Assert.Equal([old.Id], expired);
        Assert.Null(await _jobs.GetAsync(old.Id, default));
    }

    public void Dispose()
    {
        _schema.Dispose();
        _source.Dispose();
        _database.Dispose();
    }

    private static JobRecord Job(string tenant, DateTimeOffset created) => new()
    {
        Id = StoreIds.NewJobId(),
        Tenant = tenant,
        Kind = JobKind.Plan,
        Host = "excel",
        Instruction = "Label A1 'Total' – ünïcode",
        CreatedAt = created,
        UpdatedAt = created,
    };
}
