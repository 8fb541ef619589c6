using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Inspection;

public sealed partial class DeckDigestTests
{
    [Fact]
    public void Inspect_ShowsLayoutsSlidesShapesAndNotes()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}],"notes":"Welcome everyone."}""");
        deck.Run("""{"op":"add_slide","layout":"Two Content","title":"Compare"}""");

        var digest = deck.Inspect();

        Assert.StartsWith("Deck: 2 slide(s), 960 × 540 pt.", digest, StringComparison.Ordinal);
        Assert.Contains("Layouts: 'Title Slide', 'Title and Content', 'Section Header', 'Two Content', 'Comparison', 'Title Only', 'Big Number', 'Chart', 'Closing', 'Blank'", digest, StringComparison.Ordinal);
        Assert.Contains("Slide 1 (layout 'Title Slide'): \"Acme 2024\" [title 2]", digest, StringComparison.Ordinal);
        Assert.Contains("  - shape 3 'Subtitle 2' subtitle at 86.4,298.8 size 830.4×93.6: \"Annual review\"", digest, StringComparison.Ordinal);
        Assert.Contains("  notes: \"Welcome everyone.\"", digest, StringComparison.Ordinal);
        Assert.Contains("  - shape 4 'Content Placeholder 3' body at 494.4,129.6 size 422.4×345.6 (empty placeholder)", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("shown briefly", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_KeepsEverySlidesTitle_WhenTheDeckIsOverBudget()
    {
        using var deck = Decks.Create();
        for (var i = 0; i < 60; i++)
        {
            deck.Run($$"""{"op":"add_slide","title":"Slide {{i}} about a topic","bullets":[{"text":"{{string.Concat(Enumerable.Repeat("word ", 80))}}"}]}""");
        }

        var digest = deck.Inspect(1500);

        Assert.True(TokenCounter.Count(digest) <= 1500);
        for (var i = 0; i < 60; i++)
        {
            Assert.Contains($"Slide {i + 1} (layout 'Title and Content'): \"Slide {i} about", digest, StringComparison.Ordinal);
        }

        Assert.Contains("shown briefly", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_UsesTheBudget_ForMoreDetailOnTheFirstSlides()
    {
        using var deck = Decks.Create();
        for (var i = 0; i < 30; i++)
        {
            deck.Run($$"""{"op":"add_slide","title":"Topic {{i}}","bullets":[{"text":"{{string.Concat(Enumerable.Repeat("detail ", 40))}}"}]}""");
        }

        var digest = deck.Inspect(2000);

        Assert.True(TokenCounter.Count(digest) <= 2000);
        Assert.True(TokenCounter.Count(digest) > 1500, $"only {TokenCounter.Count(digest)} of 2000 tokens used");
        Assert.Contains("Slide 1 (layout 'Title and Content'): \"Topic 0\" [title 2]\n  - shape 2 'Title 1' title", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TakesTheLargestTextNearTheTopForTheTitle_WhenThereIsNoTitlePlaceholder()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Source: company filings"}],"x":40,"y":480,"width":400,"height":30,"font_size":10}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Revenue doubled in 2025"}],"x":40,"y":30,"width":800,"height":60,"font_size":32}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Draft"}],"x":40,"y":10,"width":100,"height":20,"font_size":10}""");

        var digest = deck.Inspect();
        var read = deck.Run("""{"op":"read_slide","slide":1}""").Observation!.Text;

        Assert.Matches(@"Slide 1 \(layout 'Blank'\): ""Revenue doubled in 2025"" \[title in text box \d+\]", digest);
        Assert.Matches(@"- shape \d+ 'TextBox \d+' \(text box, taken for the title\)[^\n]*:\n  Revenue doubled in 2025", read);
    }

    [Fact]
    public void Digest_OfARealDeckWithTextBoxTitles_LetsAPlanChangeATitleWithoutReadingTheSlide()
    {
        using var deck = Decks.OpenAsset("aascu-text-box-titles.pptx");

        var digest = deck.Inspect();

        Assert.True(TokenCounter.Count(digest) <= Digest.DefaultTokenBudget);
        var titled = TitleLine().Matches(digest).Select(m => int.Parse(m.Groups["slide"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(titled.Count >= 20, $"only {titled.Count} of 34 slides have a title in the digest:\n{digest}");
        var line = TitleLine().Matches(digest).Single(m => m.Groups["slide"].Value == "9");
        Assert.StartsWith("\"Good News: Fall 2010 enrollmen", line.Groups["title"].Value, StringComparison.Ordinal);
        Assert.Contains("chart (line, 1 series)", digest, StringComparison.Ordinal);
        Assert.Contains("picture alt \"HU Shield2\"", digest, StringComparison.Ordinal);
        Assert.Contains("(off the slide)", digest, StringComparison.Ordinal);

        deck.Run($$"""{"op":"set_text","slide":9,"shape":"{{line.Groups["id"].Value}}","paragraphs":[{"text":"Enrolment rose again in fall 2010"}]}""");

        using var reopened = deck.Reopen();
        var slide = reopened.SlideAt(9)!;
        var title = SlideTitle.Find(slide, reopened.SlideSize.Height)!.Value;
        Assert.Equal("Enrolment rose again in fall 2010", ShapeText.Text(title.Shape));
        Assert.Equal(line.Groups["id"].Value, SlideShapes.Id(title.Shape).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GroupMembers_AreNestedWithTheirPositionOnTheSlide_InTheDigestAndReadSlide()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Left"}],"x":100,"y":100,"width":100,"height":50}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Right"}],"x":300,"y":100,"width":100,"height":50}""");
        Group(deck.SlideAt(1)!.Slide!.CommonSlideData!.ShapeTree!, offset: (500, 300), scale: 0.5);

        var digest = deck.Inspect();
        var read = deck.Run("""{"op":"read_slide","slide":1}""").Observation!;

        // The group's children sit at (100,100)-(400,150) in its own space, drawn from (500,300) at half size.
        Assert.Contains("  - shape 90 'Group 90' group at 500,300 size 150×25", digest, StringComparison.Ordinal);
        Assert.Contains("    - shape 2 'TextBox 1' text box at 500,300 size 50×25: \"Left\"", digest, StringComparison.Ordinal);
        Assert.Contains("    - shape 3 'TextBox 2' text box at 600,300 size 50×25: \"Right\"", digest, StringComparison.Ordinal);
        Assert.Contains("  - shape 3 'TextBox 2' (text box) x=600 y=300 w=50 h=25:\n    Right", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSlide_FlagsShapesOffTheSlide()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Blank"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Parked"}],"x":1000,"y":100,"width":100,"height":50}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Wide"}],"x":900,"y":300,"width":100,"height":50}""");

        var text = deck.Run("""{"op":"read_slide","slide":1}""").Observation!.Text;

        Assert.Contains("[entirely off the slide: 140 pt past the right edge]", text, StringComparison.Ordinal);
        Assert.Contains("[runs off the slide: 40 pt past the right edge]", text, StringComparison.Ordinal);
    }

    /// <summary>Wraps every shape of the tree in a group drawn at <paramref name="offset"/> (points) at <paramref name="scale"/>.</summary>
    private static void Group(P.ShapeTree tree, (long X, long Y) offset, double scale)
    {
        var members = tree.Elements<P.Shape>().ToList();
        var left = members.Min(s => s.ShapeProperties!.Transform2D!.Offset!.X!.Value);
        var top = members.Min(s => s.ShapeProperties!.Transform2D!.Offset!.Y!.Value);
        var right = members.Max(s => s.ShapeProperties!.Transform2D!.Offset!.X!.Value + s.ShapeProperties!.Transform2D!.Extents!.Cx!.Value);
        var bottom = members.Max(s => s.ShapeProperties!.Transform2D!.Offset!.Y!.Value + s.ShapeProperties!.Transform2D!.Extents!.Cy!.Value);
        var group = new P.GroupShape(
            new P.NonVisualGroupShapeProperties(new P.NonVisualDrawingProperties { Id = 90, Name = "Group 90" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
            new P.GroupShapeProperties(new A.TransformGroup(
                new A.Offset { X = offset.X * 12700, Y = offset.Y * 12700 },
                new A.Extents { Cx = (long)((right - left) * scale), Cy = (long)((bottom - top) * scale) },
                new A.ChildOffset { X = left, Y = top },
                new A.ChildExtents { Cx = right - left, Cy = bottom - top })));
        foreach (var member in members)
        {
            member.Remove();
            group.AppendChild(member);
        }

        tree.AppendChild(group);
    }

    [GeneratedRegex(@"Slide (?<slide>\d+) \(layout '[^']*'\): (?<title>""[^\n]*?) \[title in text box (?<id>\d+)\]")]
    private static partial Regex TitleLine();
}
