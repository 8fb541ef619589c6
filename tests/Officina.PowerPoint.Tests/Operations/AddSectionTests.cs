using Officina.PowerPoint.Deck;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddSectionTests
{
    /// <summary>Each section as "name: slide positions", e.g. "Results: 3, 4".</summary>
    internal static List<string> Sections(DeckSession deck)
    {
        var ids = deck.Presentation.SlideIdList!.Elements<P.SlideId>().Select(s => s.Id!.Value).ToList();
        return [.. SlideSections.All(deck.Presentation).Select(s => $"{SlideSections.Name(s)}: {string.Join(", ", SlideSections.SlideIds(s).Select(id => ids.IndexOf(id) + 1))}")];
    }

    [Fact]
    public void Apply_StartsSections_PuttingEarlierSlidesInADefaultSection()
    {
        using var deck = Decks.WithSlides(5);

        var change = deck.Run("""{"op":"add_section","name":"Results","slide":3}""").Change!;
        deck.Run("""{"op":"add_section","name":"Appendix","slide":5}""");
        deck.Run("""{"op":"add_section","name":"Intro","slide":2}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["Default Section: 1", "Intro: 2", "Results: 3, 4", "Appendix: 5"], Sections(reopened));
        Assert.Equal("Added section 'Results' starting at slide 3 (3 slide(s))", change.Summary);
    }

    [Fact]
    public void Sections_StayConsistent_WhenSlidesAreAddedMovedAndDeleted()
    {
        using var deck = Decks.WithSlides(4);
        deck.Run("""{"op":"add_section","name":"Start","slide":1}""");
        deck.Run("""{"op":"add_section","name":"End","slide":3}""");

        deck.Run("""{"op":"delete_slide","slide":3}""");
        deck.Run("""{"op":"add_slide","title":"New"}""");
        deck.Run("""{"op":"move_slide","slide":1,"to":4}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["Start: 1", "End: 2, 3, 4"], Sections(reopened));
        var listed = SlideSections.All(reopened.Presentation).SelectMany(SlideSections.SlideIds).Order();
        Assert.Equal(reopened.Presentation.SlideIdList!.Elements<P.SlideId>().Select(s => s.Id!.Value).Order(), listed);
    }

    [Fact]
    public void Validate_RefusesDuplicateNamesEmptyNamesAndSlidesThatStartASection()
    {
        using var deck = Decks.WithSlides(3);
        deck.Run("""{"op":"add_section","name":"Results","slide":2}""");

        Assert.Equal("section_unique", Assert.Single(deck.Fail("""{"op":"add_section","name":" results ","slide":3}""")).Rule);
        Assert.Equal("section_name", Assert.Single(deck.Fail("""{"op":"add_section","name":"  ","slide":3}""")).Rule);
        Assert.Equal("section_start", Assert.Single(deck.Fail("""{"op":"add_section","name":"Other","slide":2}""")).Rule);
        Assert.Equal("slide_exists", Assert.Single(deck.Fail("""{"op":"add_section","name":"Other","slide":9}""")).Rule);
    }
}
