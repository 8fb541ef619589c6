using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;

namespace Officina.Mcp.Tests.Sessions;

public sealed class WorkingCopiesTests : IDisposable
{
    private readonly WorkingCopies _copies = new(new McpEngine(new PackageLimits(), new LibreOfficeRunner()), new SessionLimits(MaxPerOwner: 2, MaxTotal: 3), TimeProvider.System);

    private static StoredDocument Book => new("book.xlsx", "book.xlsx", File.ReadAllBytes(McpCalls.Asset("xlsx", "basicspread.xlsx")));

    [Fact]
    public void Open_Refuses_MoreThanTheOwnersLimit()
    {
        _copies.Open("acme", Book);
        _copies.Open("acme", Book);

        var refusal = Assert.Throws<ToolRefusalException>(() => _copies.Open("acme", Book));

        Assert.Equal("too_many_sessions", refusal.Errors[0].Rule);
        _copies.Open("globex", Book);
        Assert.Equal("server_busy", Assert.Throws<ToolRefusalException>(() => _copies.Open("globex", Book)).Errors[0].Rule);
    }

    [Fact]
    public async Task Close_RemovesTheSessionsTemporaryFolder()
    {
        var copy = _copies.Open("acme", Book);
        Assert.True(copy.Folder.Exists);

        await _copies.CloseAsync("acme", copy.Id, CancellationToken.None);

        copy.Folder.Refresh();
        Assert.False(copy.Folder.Exists);
        Assert.Empty(_copies.Of("acme"));
    }

    [Fact]
    public async Task UseAsync_Refuses_AnotherOwnersSession()
    {
        var copy = _copies.Open("acme", Book);

        var refusal = await Assert.ThrowsAsync<ToolRefusalException>(() => _copies.UseAsync("globex", copy.Id, _ => Task.FromResult(0), CancellationToken.None));

        Assert.Equal("unknown_session", refusal.Errors[0].Rule);
    }

    public void Dispose() => _copies.Dispose();
}
