using P = DocumentFormat.OpenXml.Presentation;
using P14 = DocumentFormat.OpenXml.Office2010.PowerPoint;

namespace Officina.PowerPoint.Tests.Deck;

/// <summary>Decks with PowerPoint sections keep every slide listed in a section when slides are added, copied, moved or deleted.</summary>
public sealed class SlideSectionsTests
{
    [Fact]
    public void SlideOperations_KeepSectionListsComplete()
    {
        using var deck = Decks.WithSlides(3);
        AddSections(deck, ("Intro", [256]), ("Body", [257, 258]));

        deck.Run("""{"op":"add_slide","title":"New","position":2}""");
        deck.Run("""{"op":"duplicate_slide","slide":4}""");
        deck.Run("""{"op":"move_slide","slide":3,"to":1}""");
        deck.Run("""{"op":"delete_slide","slide":3}""");
        using var reopened = deck.Reopen();

        var order = reopened.Presentation.SlideIdList!.Elements<P.SlideId>().Select(s => s.Id!.Value).ToList();
        var listed = reopened.Presentation.PresentationExtensionList!.Descendants<P14.SectionSlideIdListEntry>().Select(e => e.Id!.Value).ToList();
        Assert.Equal(order, listed);
        Assert.Equal(["Slide 2", "Slide 1", "Slide 3", "Slide 3"], Enumerable.Range(1, 4).Select(reopened.Title));
    }

    private static void AddSections(DeckSession deck, params (string Name, uint[] Ids)[] sections)
    {
        var list = new P14.SectionList();
        list.AddNamespaceDeclaration("p14", "http://schemas.microsoft.com/office/powerpoint/2010/main");
        foreach (var (name, ids) in sections)
        {
            list.AppendChild(new P14.Section(new P14.SectionSlideIdList(ids.Select(id => new P14.SectionSlideIdListEntry { Id = id })))
            {
                Name = name,
                Id = "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}",
            });
        }

        deck.Presentation.AppendChild(new P.PresentationExtensionList(new P.PresentationExtension(list) { Uri = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}" }));
    }
}
