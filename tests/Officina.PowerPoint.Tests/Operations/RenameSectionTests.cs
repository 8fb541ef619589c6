namespace Officina.PowerPoint.Tests.Operations;

public sealed class RenameSectionTests
{
    [Fact]
    public void Apply_RenamesASection_KeepingItsSlides()
    {
        using var deck = Decks.WithSlides(3);
        deck.Run("""{"op":"add_section","name":"Results","slide":2}""");

        var change = deck.Run("""{"op":"rename_section","section":"results","name":"Findings"}""").Change!;
        using var reopened = deck.Reopen();

        Assert.Equal(["Default Section: 1", "Findings: 2, 3"], AddSectionTests.Sections(reopened));
        Assert.Equal("Renamed section 'Results' to 'Findings'", change.Summary);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForMissingSectionsAndTakenNames()
    {
        using var deck = Decks.WithSlides(3);
        Assert.Contains("no sections", Assert.Single(deck.Fail("""{"op":"rename_section","section":"A","name":"B"}""")).Message, StringComparison.Ordinal);
        deck.Run("""{"op":"add_section","name":"Results","slide":2}""");

        Assert.Equal("section_exists", Assert.Single(deck.Fail("""{"op":"rename_section","section":"Nope","name":"B"}""")).Rule);
        Assert.Equal("section_unique", Assert.Single(deck.Fail("""{"op":"rename_section","section":"Results","name":"default section"}""")).Rule);
        deck.Run("""{"op":"rename_section","section":"Results","name":"RESULTS"}""");
    }
}
