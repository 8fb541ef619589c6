using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;

namespace Officina.PowerPoint.Tests;

public sealed class DeckSessionTests
{
    [Fact]
    public void Create_HasMasterThemeAndStandardLayouts_WhenReopened()
    {
        using var deck = DeckSession.Create();
        using var reopened = deck.Reopen();

        Assert.Equal(["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison", "Title Only", "Big Number", "Chart", "Closing", "Blank"],
            reopened.Layouts.Select(DeckSession.LayoutName));
        Assert.NotNull(reopened.PresentationPart.SlideMasterParts.Single().ThemePart);
        Assert.NotNull(reopened.PresentationPart.NotesMasterPart);
        Assert.Empty(reopened.Slides);
        Assert.Equal((12192000L, 6858000L), reopened.SlideSize);
    }

    [Fact]
    public void Open_Throws_WhenPptxIsReallyADocx()
    {
        using var docx = new MemoryStream();
        using (var word = WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        docx.Position = 0;
        var error = Assert.Throws<DocumentRejectedException>(() => DeckSession.Open(docx));

        Assert.Contains("word document, not a PowerPoint deck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Throws_WhenFileIsNotAZip()
    {
        using var text = new MemoryStream("not a deck"u8.ToArray());

        Assert.Throws<DocumentRejectedException>(() => DeckSession.Open(text));
    }

    [Fact]
    public void Save_LeavesSessionUsable_WhenCalledTwice()
    {
        using var deck = Decks.WithSlides(1);
        var first = deck.ToArray();
        deck.Run("""{"op":"add_slide","title":"Second"}""");
        using var reopened = DeckSession.Open(new MemoryStream(deck.ToArray()));

        Assert.True(first.Length > 1000);
        Assert.Equal(2, reopened.Slides.Count);
        Assert.Equal("Second", reopened.Title(2));
    }
}
