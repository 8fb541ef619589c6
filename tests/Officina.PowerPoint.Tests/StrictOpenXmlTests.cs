using DocumentFormat.OpenXml.Drawing;
using Officina.PowerPoint;
using Officina.Testing;

namespace Officina.PowerPoint.Tests;

/// <summary>
/// A deck saved by PowerPoint as Strict Open XML (dotnet/Open-XML-SDK's Algn_tab_TabAlignment.pptx,
/// one slide of tabbed text) opens, takes an edit and is saved as Transitional with the same content.
/// </summary>
public sealed class StrictOpenXmlTests
{
    private const string Asset = "Strict-TabAlignment.pptx";

    [Fact]
    public void Save_WritesTransitionalWithContentIntact_WhenDeckIsStrict()
    {
        var input = File.ReadAllBytes(Decks.Asset(Asset));
        Assert.NotEmpty(StrictPackages.PartsNamingStrict(input));
        using var deck = DeckSession.Open(new MemoryStream(input));

        deck.Run("""{"op":"set_notes","slide":1,"text":"Speak slowly."}""");
        var saved = deck.ToArray();
        using var reopened = DeckSession.Open(new MemoryStream(saved));

        Assert.Empty(StrictPackages.PartsNamingStrict(saved));
        Assert.Empty(reopened.Repairs);
        Assert.Contains("Some text\tand some tabs\tmore text", reopened.AllText(1), StringComparison.Ordinal);
        Assert.Contains("A new line and \ta tab\tthe\tend", reopened.AllText(1), StringComparison.Ordinal);
        Assert.Equal(8, reopened.Slide(1).Slide.Descendants<TabStop>().Count());
        Assert.Equal("Speak slowly.", reopened.Slide(1).NotesSlidePart!.NotesSlide.InnerText);
        Assert.Empty(StrictPackages.SchemaErrors(reopened.Document));
        Assert.Contains(deck.Repairs, r => r.Contains("Strict Open XML", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_ConvertsPercentTextToThousandths_WhenDeckIsStrict()
    {
        var input = HostilePackages.ReplaceText(File.ReadAllBytes(Decks.Asset(Asset)), "ppt/theme/theme1.xml",
            xml => xml.Replace("""<a:gs pos="35000">""", """<a:gs pos="35%">""", StringComparison.Ordinal));
        Assert.Contains("pos=\"35%\"", StrictPackages.PartText(input, "ppt/theme/theme1.xml"), StringComparison.Ordinal);
        using var deck = DeckSession.Open(new MemoryStream(input));

        deck.Run("""{"op":"set_notes","slide":1,"text":"Speak slowly."}""");
        using var reopened = deck.Reopen();

        var theme = reopened.Document.PresentationPart!.SlideMasterParts.First().ThemePart!.Theme;
        Assert.Contains(theme.Descendants<GradientStop>(), s => s.Position?.Value == 35000);
        Assert.Empty(StrictPackages.SchemaErrors(reopened.Document));
        Assert.Contains(deck.Repairs, r => r.Contains("percentages", StringComparison.Ordinal));
    }
}
