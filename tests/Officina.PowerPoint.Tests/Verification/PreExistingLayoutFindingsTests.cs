using Officina.Operations;
using Officina.PowerPoint.Verification;

namespace Officina.PowerPoint.Tests.Verification;

/// <summary>After an edit, layout findings of slides as the input had them are pre-existing; the touched slides come first.</summary>
public sealed class PreExistingLayoutFindingsTests
{
    /// <summary>A saved three-slide deck whose first slide has a text box entirely off the slide (x = 1000 pt on a 960 pt slide).</summary>
    private static DeckSession DeckWithShapeOffSlide()
    {
        using var made = Decks.Create();
        made.Run("""{"op":"add_slide","layout":"Title Only","title":"Intro"}""");
        made.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Gone"}],"x":1000,"y":10,"width":120,"height":60,"name":"Lost"}""");
        made.Run("""{"op":"add_slide","layout":"Title Only","title":"Numbers"}""");
        made.Run("""{"op":"add_slide","layout":"Title Only","title":"Close"}""");
        made.Run("""{"op":"add_text_box","slide":3,"paragraphs":[{"text":"Aside"}],"x":900,"y":500,"width":120,"height":40,"name":"Stray"}""");
        return DeckSession.Open(new MemoryStream(made.ToArray()));
    }

    [Fact]
    public async Task VerifyAsync_ListsShapeOffSlideAsPreExisting_WhenPlanEditsAnotherSlide()
    {
        using var deck = DeckWithShapeOffSlide();
        deck.Run("""{"op":"add_text_box","slide":2,"paragraphs":[{"text":"Revenue up 12%"}],"x":60,"y":150,"width":400,"height":60}""");
        deck.Run("""{"op":"move_slide","slide":3,"to":1}""");

        var report = await DeckVerifier.VerifyAsync(deck);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
        Assert.Empty(report.Findings);
        var lost = Assert.Single(report.PreExisting, f => f.Message.Contains("'Lost'", StringComparison.Ordinal));
        Assert.Equal(("off_slide", FindingSeverity.Info, "slide 2"), (lost.Code, lost.Severity, lost.Location));
        Assert.Contains(report.PreExisting, f => f.Code == "off_slide" && f.Location == "slide 1" && f.Message.Contains("'Stray'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_ReportsTouchedSlidesFirst_AndNewShapeOffSlideAsError()
    {
        using var deck = DeckWithShapeOffSlide();
        deck.Run("""{"op":"add_text_box","slide":3,"paragraphs":[{"text":"Later"}],"x":1200,"y":10,"width":120,"height":60,"name":"Far"}""");

        var report = await DeckVerifier.VerifyAsync(deck);

        Assert.True(report.HasErrors);
        Assert.True(report.Findings.Count == 1, string.Join("\n", report.Findings));
        var far = report.Findings[0];
        Assert.Equal(("off_slide", FindingSeverity.Error, "slide 3"), (far.Code, far.Severity, far.Location));
        Assert.Contains("'Far'", far.Message, StringComparison.Ordinal);
        Assert.Equal(["slide 3", "slide 1"], report.PreExisting.Where(f => f.Code == "off_slide").Select(f => f.Location));
    }
}
