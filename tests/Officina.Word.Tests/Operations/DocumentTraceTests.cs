using Officina.Operations;
using Officina.Word.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

/// <summary>Document operations' declarations: an inserted paragraph's id comes from its preview change record.</summary>
public sealed class DocumentTraceTests
{
    [Fact]
    public void DependsOn_NamesTheInsert_WhenALaterOperationAddressesTheIdItsPreviewGave()
    {
        using var document = Documents.With("Intro");
        var intro = document.Ids.Of(document.Paragraphs.First());
        var heading = new InsertHeading(intro, "Results", 1);
        var headingChange = document.Execute(heading).Change!;
        var list = new InsertList(headingChange.Target, ListKind.Bulleted, [new("One"), new("Two")]);
        var listChange = document.Execute(list).Change!;
        var secondItem = listChange.Target.Split(',')[1];
        var style = new ApplyStyle([headingChange.Target], "Title");
        var edit = new SetParagraphText(secondItem, "Two, revised");
        var other = new SetParagraphText(intro, "Introduction");
        var plan = Plan.For(DocumentHost.Word, heading, list, style, edit, other);
        Change[] preview = [headingChange, listChange, document.Execute(style).Change!, document.Execute(edit).Change!, document.Execute(other).Change!];

        Assert.Equal([[], [0], [0], [1], []], PlanDependencies.Of(plan, preview).DependsOn);
    }

    [Fact]
    public void Unmet_NamesTheInsertedParagraph_WhenItsInsertIsLeftOut()
    {
        var plan = Plan.For(DocumentHost.Word, new InsertParagraph(Anchors.End, "New"), new SetParagraphText("1A2B3C4D", "Changed"));
        Change[] preview = [new("insert_paragraph", "1A2B3C4D", "Inserted paragraph 1A2B3C4D at the end"), new("set_paragraph_text", "1A2B3C4D", "Set")];

        var error = Assert.Single(PlanDependencies.Of(plan, preview).Unmet([1]));

        Assert.Equal("operation 1 (set_paragraph_text on paragraph 1A2B3C4D) needs operation 0 (insert_paragraph '1A2B3C4D'), which is not approved.", error.Message);
    }

    [Fact]
    public void DependsOn_IsEmpty_WhenThePreviewDoesNotMatchThePlan()
    {
        var plan = Plan.For(DocumentHost.Word, new InsertParagraph(Anchors.End, "New"), new SetParagraphText("1A2B3C4D", "Changed"));

        Assert.Equal([[], []], PlanDependencies.Of(plan, [new("set_header", "default", "Set")]).DependsOn);
    }
}
