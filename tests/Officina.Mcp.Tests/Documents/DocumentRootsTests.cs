using Officina.Mcp.Documents;

namespace Officina.Mcp.Tests.Documents;

public sealed class DocumentRootsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("officina-roots-");
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("officina-outside-");

    [Fact]
    public void Require_ReturnsTheResolvedPath_WhenALinkStaysInside()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "real"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "alias"), Path.Combine(_root.FullName, "real"));
        var roots = new DocumentRoots([_root.FullName]);

        var path = roots.Require(Path.Combine(_root.FullName, "alias", "new.xlsx"));

        Assert.Equal(Path.Combine(DocumentRoots.Resolve(_root.FullName), "real", "new.xlsx"), path);
    }

    [Fact]
    public void Require_Refuses_ALinkChainThatEndsOutside()
    {
        File.WriteAllText(Path.Combine(_outside.FullName, "x.xlsx"), "");
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "b.xlsx"), Path.Combine(_outside.FullName, "x.xlsx"));
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "a.xlsx"), "b.xlsx");
        var roots = new DocumentRoots([_root.FullName]);

        var refusal = Assert.Throws<ToolRefusalException>(() => roots.Require(Path.Combine(_root.FullName, "a.xlsx")));

        Assert.Equal("outside_roots", refusal.Errors[0].Rule);
    }

    [Fact]
    public void Require_Refuses_ASiblingWhoseNameStartsLikeTheRoot()
    {
        var sibling = _root.FullName + "-evil";
        var roots = new DocumentRoots([_root.FullName]);

        Assert.Throws<ToolRefusalException>(() => roots.Require(Path.Combine(sibling, "x.xlsx")));
    }

    [Fact]
    public void Constructor_Throws_WhenThereIsNoRoot() =>
        Assert.Throws<ArgumentException>(() => new DocumentRoots([]));

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _outside.Delete(recursive: true);
    }
}
