using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class ApplyThemeTests
{
    [Fact]
    public void Apply_SetsASchemeOnEveryTheme_WhenReopened()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"apply_theme","scheme":"consulting"}""");
        using var reopened = deck.Reopen();

        var master = reopened.PresentationPart.SlideMasterParts.Single().ThemePart!.Theme.ThemeElements!;
        Assert.Equal("0B3C6E", master.ColorScheme!.Accent1Color!.RgbColorModelHex!.Val!.Value);
        Assert.Equal("Cambria", master.FontScheme!.MajorFont!.LatinFont!.Typeface!.Value);
        Assert.Equal("Arial", reopened.PresentationPart.NotesMasterPart!.ThemePart!.Theme.ThemeElements!.FontScheme!.MinorFont!.LatinFont!.Typeface!.Value);
    }

    [Fact]
    public void Apply_ReplacesAccentsAndFonts_KeepingTextAndBackground()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_chart","slide":1,"kind":"column","categories":["a","b"],"series":[{"name":"s","values":[1,2]}]}""");

        deck.Run("""{"op":"apply_theme","accents":["#112233","#445566","#778899","#AABBCC","#DDEEFF","#000001"],"heading_font":"Liberation Sans","body_font":"Carlito"}""");
        using var reopened = deck.Reopen();

        var theme = reopened.PresentationPart.SlideMasterParts.Single().ThemePart!.Theme.ThemeElements!;
        Assert.Equal("112233", theme.ColorScheme!.Accent1Color!.RgbColorModelHex!.Val!.Value);
        Assert.Equal("000001", theme.ColorScheme!.Accent6Color!.RgbColorModelHex!.Val!.Value);
        Assert.Equal("1E2A38", theme.ColorScheme!.Dark1Color!.RgbColorModelHex!.Val!.Value);
        Assert.Equal("Liberation Sans", theme.FontScheme!.MajorFont!.LatinFont!.Typeface!.Value);
        Assert.Equal("Carlito", theme.FontScheme!.MinorFont!.LatinFont!.Typeface!.Value);
        var chart = reopened.Slide(1).ChartParts.Single().ChartSpace!;
        Assert.Contains(chart.Descendants<A.SchemeColor>(), c => c.Val?.Value == A.SchemeColorValues.Accent1);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForUnknownSchemeBadAccentsAndEmptyOperation()
    {
        using var deck = Decks.WithSlides(1);

        var errors = deck.Fail("""{"op":"apply_theme","scheme":"neon","accents":["#112233","red"],"heading_font":""}""");

        Assert.Equal(["scheme_name", "six_accents", "color", "font_name"], errors.Select(e => e.Rule));
        Assert.Contains("'corporate'", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("theme_required", Assert.Single(deck.Fail("""{"op":"apply_theme"}""")).Rule);
    }
}
