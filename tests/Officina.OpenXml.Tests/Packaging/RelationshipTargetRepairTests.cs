using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class RelationshipTargetRepairTests
{
    private const string SheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
    private const string Hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    [Theory]
    [InlineData("http://exa mple.com/a b", "about:blank")]
    [InlineData("http://example.com:port/report", "about:blank")]
    public void Load_RewritesTheTarget_WhenARelationshipTargetIsNoUri(string target, string expected)
    {
        var input = WithLink(target);
        Assert.Contains("RelationshipErrorRewriter", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single();
            Assert.Equal(new Uri(expected), sheet.HyperlinkRelationships.Single(r => r.Id == "rIdLink").Uri);
            Assert.Equal(2, sheet.TableDefinitionParts.Count());
        }

        Assert.Contains(repairs, r => r.StartsWith($"{SheetRels}: relationship rIdLink pointed at '{target}', which is not a valid address", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MarksTheRelationshipExternal_WhenAnInternalTargetIsAnAbsoluteUri()
    {
        var input = WithLink("http://example.com/report", external: false);
        Assert.NotNull(RepairedPackages.BareSdkFailure(input));

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            var link = document.WorkbookPart!.WorksheetParts.Single().HyperlinkRelationships.Single(r => r.Id == "rIdLink");
            Assert.True(link.IsExternal);
            Assert.Equal(new Uri("http://example.com/report"), link.Uri);
        }

        Assert.Contains(repairs, r => r.Contains("it is now marked external", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DropsTheRelationship_WhenItsTargetPartIsMissing()
    {
        var input = HostilePackages.ReplaceText(HostilePackages.Budget(), "_rels/.rels",
            xml => xml.Replace("Target=\"docProps/custom.xml\"", "Target=\"docProps/gone.xml\"", StringComparison.Ordinal));
        Assert.Contains("does not exist", RepairedPackages.BareSdkFailure(input)?.Message, StringComparison.Ordinal);

        var (document, repairs) = RepairedPackages.Load(input);

        using (document)
        {
            Assert.Equal(["Simple Monthly Budget"], RepairedPackages.SheetNames(document));
            Assert.Null(document.CustomFilePropertiesPart);
        }

        // docProps/custom.xml lost its only relationship to the edit that made this file: it is reported, not saved.
        Assert.Equal([
            "_rels/.rels: dropped relationship rId4 to 'docProps/gone.xml', a part that is not in the package and that nothing uses",
            "'docProps/custom.xml': no relationship reaches this part, so nothing in the file uses it; it is not saved",
        ], repairs);
    }

    private static byte[] WithLink(string target, bool external = true) =>
        HostilePackages.ReplaceText(HostilePackages.Budget(), SheetRels, xml => xml.Replace("</Relationships>",
            $"""<Relationship Id="rIdLink" Type="{Hyperlink}" Target="{System.Security.SecurityElement.Escape(target)}"{(external ? " TargetMode=\"External\"" : "")}/></Relationships>""",
            StringComparison.Ordinal));
}
