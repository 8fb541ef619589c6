using Officina.Service.Storage;

namespace Officina.Service.Tests;

/// <summary>Local storage keeps idempotency keys on disk, so a retry after a restart gets its first job.</summary>
public sealed class LocalJobStoreTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("officina-local-store-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task ClaimAsync_ReturnsTheFirstJob_AfterTheStoreIsOpenedAgain()
    {
        using (var first = new LocalJobStore(_data.FullName, TimeProvider.System))
        {
            Assert.Null(await first.ClaimAsync("acme", "key-1", "request-a", "j_first", TimeSpan.FromHours(24), CancellationToken.None));
        }

        using var restarted = new LocalJobStore(_data.FullName, TimeProvider.System);
        var claim = await restarted.ClaimAsync("acme", "key-1", "request-a", "j_second", TimeSpan.FromHours(24), CancellationToken.None);

        Assert.Equal(new IdempotencyClaim("request-a", "j_first"), claim);
        Assert.Null(await restarted.ClaimAsync("other-tenant", "key-1", "request-a", "j_third", TimeSpan.FromHours(24), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_LetsAKeyBeUsedAgain_OnceItsWindowHasPassed()
    {
        using (var first = new LocalJobStore(_data.FullName, TimeProvider.System))
        {
            Assert.Null(await first.ClaimAsync("acme", "key-1", "request-a", "j_first", TimeSpan.FromHours(24), CancellationToken.None));
        }

        using var restarted = new LocalJobStore(_data.FullName, TimeProvider.System);

        Assert.Null(await restarted.ClaimAsync("acme", "key-1", "request-b", "j_later", TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Open_StartsWithoutKeys_WhenTheKeyFileIsDamaged()
    {
        await File.WriteAllTextAsync(Path.Combine(_data.FullName, "idempotency.json"), "{ not json");

        using var store = new LocalJobStore(_data.FullName, TimeProvider.System);

        Assert.Null(await store.ClaimAsync("acme", "key-1", "request-a", "j_first", TimeSpan.FromHours(24), CancellationToken.None));
    }
}
