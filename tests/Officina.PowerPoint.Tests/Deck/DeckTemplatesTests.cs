using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Deck;

/// <summary>
/// The deck templates under <c>templates/decks/</c> are what <see cref="DeckTemplates"/> builds
/// (rebuild them with <c>OFFICINA_WRITE_DECK_TEMPLATES=1</c>), open without schema errors and
/// carry their design's theme and layouts.
/// </summary>
public sealed class DeckTemplatesTests
{
    private static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Office.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Office.sln not found above the test folder."), "templates", "decks");
        }
    }

    [Fact]
    public void ShippedTemplates_AreWhatTheBuilderMakes()
    {
        if (Environment.GetEnvironmentVariable("OFFICINA_WRITE_DECK_TEMPLATES") == "1")
        {
            DeckTemplates.WriteAll(Folder);
        }

        foreach (var design in DeckDesign.BuiltIn)
        {
            var path = Path.Combine(Folder, DeckTemplates.FileName(design));
            Assert.True(File.Exists(path), $"{path} is missing; rebuild with OFFICINA_WRITE_DECK_TEMPLATES=1.");
            using var shipped = DeckSession.Open(path);
            using var built = DeckTemplates.Showcase(design);
            var theme = shipped.PresentationPart.SlideMasterParts.Single().ThemePart!.Theme.ThemeElements!;
            Assert.Equal(design.Colors.Accent1, theme.ColorScheme!.Accent1Color!.RgbColorModelHex!.Val!.Value);
            Assert.Equal(design.HeadingFont, theme.FontScheme!.MajorFont!.LatinFont!.Typeface!.Value);
            Assert.Equal(built.Layouts.Select(DeckSession.LayoutName), shipped.Layouts.Select(DeckSession.LayoutName));
            Assert.Equal(built.Slides.Count, shipped.Slides.Count);
            Assert.Empty(shipped.Baseline);
        }
    }

    [Theory]
    [InlineData("corporate")]
    [InlineData("dark")]
    [InlineData("consulting")]
    public void Create_FromAShippedTemplate_DropsItsSlidesAndKeepsItsLayouts(string name)
    {
        using var deck = DeckSession.CreateFromTemplate(Path.Combine(Folder, name + ".pptx"));
        using var reopened = deck.Reopen();

        Assert.Empty(reopened.Slides);
        Assert.Equal(DesignNames, reopened.Layouts.Select(DeckSession.LayoutName));
    }

    [Fact]
    public void AddSlide_ShowsTheSlideNumber_OnATemplateThatShowsIt()
    {
        using var deck = DeckSession.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Cover"}""");
        deck.Run("""{"op":"add_slide","title":"Body"}""");
        using var reopened = deck.Reopen();

        Assert.DoesNotContain(SlideShapes.TopLevel(reopened.Slide(1)), s => SlideShapes.PlaceholderType(s) == "sldNum");
        Assert.Contains(SlideShapes.TopLevel(reopened.Slide(2)), s => SlideShapes.PlaceholderType(s) == "sldNum");
    }

    [Fact]
    public void AddSlide_RepeatsTheFooterText_OfTheSlideBefore()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"set_footer","footer":"Acme | Confidential","slide_number":true}""");
        deck.Run("""{"op":"add_slide","title":"Next"}""");
        using var reopened = deck.Reopen();

        var footer = SlideShapes.TopLevel(reopened.Slide(2)).Single(s => SlideShapes.PlaceholderType(s) == "ftr");
        Assert.Equal("Acme | Confidential", ShapeText.Text(footer));
        Assert.Contains(SlideShapes.TopLevel(reopened.Slide(2)), s => SlideShapes.PlaceholderType(s) == "sldNum");
    }

    private static readonly string[] DesignNames = ["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison", "Title Only", "Big Number", "Chart", "Closing", "Blank"];
}
