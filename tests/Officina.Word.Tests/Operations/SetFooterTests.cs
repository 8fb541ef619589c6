using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

public sealed class SetFooterTests
{
    [Fact]
    public void Apply_TurnsPagePlaceholdersIntoFields_OnTheFirstPageFooter()
    {
        using var doc = Documents.With("body");

        doc.Run("""{"op":"set_footer","text":"Page {page} of {pages}","kind":"first"}""");

        using var reopened = doc.Reopen();
        var footer = Assert.Single(reopened.MainPart.FooterParts).Footer;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        var section = reopened.Body.Elements<SectionProperties>().Single();
        Assert.Equal(HeaderFooterValues.First, section.Elements<FooterReference>().Single().Type!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
    }
}
