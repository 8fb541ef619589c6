using System.ComponentModel;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Sets the deck's colour scheme and/or font scheme, as PowerPoint's Design > Variants > Colors
/// and Fonts do: every theme of the deck (each master's and the notes master's) gets the new
/// scheme, so everything coloured with theme colours (accent1…accent6, text1, background1:
/// placeholders, charts, tables, shapes) and every text in the theme fonts (+mj-lt, +mn-lt)
/// follows. <see cref="Scheme"/> takes both schemes of a shipped design; <see cref="Accents"/>,
/// <see cref="HeadingFont"/> and <see cref="BodyFont"/> then override parts of it. Only the
/// accents are replaced when given alone, so text and background stay as the template has them.
/// </summary>
[Operation("apply_theme", "Set the deck's theme colours (a shipped scheme or six accent colours) and/or heading/body fonts.")]
public sealed record ApplyTheme(
    [property: Description("Colour and font scheme of a shipped design: 'corporate', 'dark' or 'consulting'; null keeps the deck's")] string? Scheme = null,
    [property: Description("Six accent colours as #RRGGBB (accent1 first; charts take them in order); null keeps them")] string[]? Accents = null,
    [property: Description("Heading font name, e.g. 'Calibri'; null keeps it")] string? HeadingFont = null,
    [property: Description("Body font name, e.g. 'Arial'; null keeps it")] string? BodyFont = null)
    : WriteOperation<DeckSession>
{
    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Scheme is null && Accents is null && HeadingFont is null && BodyFont is null)
        {
            errors.Add(new("$", "theme_required", "Set at least one of scheme, accents, heading_font, body_font."));
        }

        if (Scheme is not null && DeckDesign.Find(Scheme) is null)
        {
            errors.Add(new("scheme", "scheme_name", $"scheme must be one of {DeckDesign.Names}. Given: '{Scheme}'."));
        }

        if (Accents is not null && Accents.Length != 6)
        {
            errors.Add(new("accents", "six_accents", $"accents must list exactly six colours (accent1 to accent6). Given: {Accents.Length}."));
        }

        for (var i = 0; i < (Accents?.Length ?? 0); i++)
        {
            if (DrawingColor.Parse(Accents![i]) is not { Rgb: not null })
            {
                errors.Add(new($"accents[{i}]", "color", $"accents[{i}] must be an RGB colour #RRGGBB. Given: '{Accents[i]}'."));
            }
        }

        foreach (var (name, font) in new[] { ("heading_font", HeadingFont), ("body_font", BodyFont) })
        {
            if (font is not null && (font.Trim().Length == 0 || font.Length > 31 || font.Any(char.IsControl)))
            {
                errors.Add(new(name, "font_name", $"{name} must be a font name of 1 to 31 characters. Given: '{font}'."));
            }
        }

        if (Themes(session).Count == 0)
        {
            errors.Add(new("$", "theme_exists", "The deck has no theme part to change."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var design = Scheme is null ? null : DeckDesign.Find(Scheme);
        var themes = Themes(session);
        foreach (var part in themes)
        {
            var elements = part.Theme.ThemeElements!;
            if (design is not null)
            {
                elements.ColorScheme = new A.ColorScheme(Declared(DesignXml.ColorScheme($"Officina {design.Name}", design.Colors)));
                elements.FontScheme = new A.FontScheme(Declared(DesignXml.FontScheme($"Officina {design.Name}", design.HeadingFont, design.BodyFont)));
            }

            if (Accents is not null && elements.ColorScheme is { } colors)
            {
                var slots = new A.Color2Type[] { colors.Accent1Color!, colors.Accent2Color!, colors.Accent3Color!, colors.Accent4Color!, colors.Accent5Color!, colors.Accent6Color! };
                for (var i = 0; i < 6; i++)
                {
                    slots[i].RemoveAllChildren();
                    slots[i].AppendChild(new A.RgbColorModelHex { Val = DrawingColor.Parse(Accents[i])!.Rgb });
                }
            }

            if (HeadingFont is not null && elements.FontScheme?.MajorFont is { } major)
            {
                major.LatinFont = new A.LatinFont { Typeface = HeadingFont.Trim() };
            }

            if (BodyFont is not null && elements.FontScheme?.MinorFont is { } minor)
            {
                minor.LatinFont = new A.LatinFont { Typeface = BodyFont.Trim() };
            }

            part.Theme.Save();
        }

        var what = new List<string>();
        if (design is not null)
        {
            what.Add($"the '{design.Name}' colours and fonts");
        }

        if (Accents is not null)
        {
            what.Add($"accents {string.Join(", ", Accents.Select(a => DrawingColor.Parse(a)!.Display))}");
        }

        if (HeadingFont is not null)
        {
            what.Add($"heading font '{HeadingFont.Trim()}'");
        }

        if (BodyFont is not null)
        {
            what.Add($"body font '{BodyFont.Trim()}'");
        }

        return new Change("apply_theme", "deck", $"Set the deck's theme to {string.Join("; ", what)}", themes.Count);
    }

    /// <summary>The scheme XML with the DrawingML namespace declared on its root, so it parses on its own.</summary>
    private static string Declared(string xml) =>
        xml.Insert(xml.IndexOf(' ', StringComparison.Ordinal), " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"");

    /// <summary>Every theme part the deck's masters and notes master use, once each.</summary>
    private static List<ThemePart> Themes(DeckSession session) =>
        [.. session.PresentationPart.SlideMasterParts.Select(m => m.ThemePart)
            .Append(session.PresentationPart.NotesMasterPart?.ThemePart)
            .OfType<ThemePart>().Where(t => t.Theme?.ThemeElements is not null).Distinct()];
}
