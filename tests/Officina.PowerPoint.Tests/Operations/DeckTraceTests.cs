using Officina.Operations;
using Officina.PowerPoint.Operations;

namespace Officina.PowerPoint.Tests.Operations;

/// <summary>Deck operations' declarations: slides by position, shifted by inserts, deletes and moves.</summary>
public sealed class DeckTraceTests
{
    private static readonly TextParagraph[] Text = [new("Hello")];

    [Fact]
    public void DependsOn_NamesTheAddSlide_WhenItsPreviewSaysWhereTheAppendedSlideLanded()
    {
        var plan = Plan.For(DocumentHost.PowerPoint, new AddSlide(Title: "Summary"), new SetText(4, "Title 1", Text), new SetNotes(1, "Speak"));
        Change[] preview = [new("add_slide", "slide 4", "Added slide 4"), new("set_text", "slide 4, shape 'Title 1'", "Set text"), new("set_notes", "slide 1", "Set notes")];

        Assert.Equal([[], [0], []], PlanDependencies.Of(plan, preview).DependsOn);
    }

    [Fact]
    public void DependsOn_IsConservative_WhenAnAppendedSlidesPositionIsUnknown()
    {
        var plan = Plan.For(DocumentHost.PowerPoint, new AddSlide(Title: "Summary"), new SetNotes(1, "Speak"));

        Assert.Equal([[], [0]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void DependsOn_FollowsTheNewSlide_WhenADeleteBeforeItShiftsIt()
    {
        var plan = Plan.For(DocumentHost.PowerPoint,
            new AddSlide(Title: "New", Position: 3),
            new DeleteSlide(1),
            new SetNotes(2, "On the new slide"),
            new SetNotes(5, "On an original slide after both"),
            new SetNotes(1, "On original slide 2"));

        Assert.Equal([[], [], [0, 1], [0, 1], [1]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void DependsOn_NamesTheMove_WhenALaterOperationAddressesTheMovedSlide()
    {
        var plan = Plan.For(DocumentHost.PowerPoint,
            new DuplicateSlide(2),
            new MoveSlide(3, 1),
            new SetText(1, "Title 1", Text),
            new SetText(6, "Title 1", Text));

        // Slide 6 is original slide 5 only because the copy pushed it along; the move left it in place.
        Assert.Equal([[], [0], [0, 1], [0]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void Unmet_NamesTheSlidePosition_WhenTheAddSlideIsLeftOut()
    {
        var plan = Plan.For(DocumentHost.PowerPoint, new AddSlide(Title: "New", Position: 2), new SetNotes(2, "Speak"));

        var error = Assert.Single(PlanDependencies.Of(plan).Unmet([1]));

        Assert.Equal("operation 1 (set_notes on slide 2) needs operation 0 (add_slide at slide 2), which is not approved.", error.Message);
    }
}
