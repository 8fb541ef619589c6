using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Operations;

/// <summary>
/// Sets character formatting (bold, italic, underline, strikethrough, color, size, font) on whole
/// paragraphs, or only on the occurrences of <see cref="Match"/> in them (across runs). Properties
/// left null are not changed. Tracked as a formatting revision when the session tracks changes.
/// </summary>
[Operation("format_text", "Set bold/italic/underline/color/size/font on paragraphs or on matching text.")]
public sealed partial record FormatText(
    [property: Description("Ids of the paragraphs; null with match set means the whole body")] string[]? Paragraphs = null,
    [property: Description("Only this text within the paragraphs (every occurrence); null formats the whole paragraphs")] string? Match = null,
    [property: Description("True to match upper/lower case exactly")] bool? MatchCase = null,
    [property: Description("Bold on (true) or off (false); null leaves it")] bool? Bold = null,
    [property: Description("Italic on or off; null leaves it")] bool? Italic = null,
    [property: Description("Single underline on or off; null leaves it")] bool? Underline = null,
    [property: Description("Strikethrough on or off; null leaves it")] bool? Strike = null,
    [property: Description("Text color as #RRGGBB; null leaves it")] string? Color = null,
    [property: Description("Font size in points (1–1638); null leaves it")] double? Size = null,
    [property: Description("Font name, e.g. 'Arial'; null leaves it")] string? Font = null)
    : WriteOperation<WordSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        foreach (var id in Paragraphs ?? [])
        {
            trace.AddressesParagraph(id);
        }
    }

    public override IEnumerable<OperationError> Validate(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Paragraphs is null && Match is null)
        {
            errors.Add(new("paragraphs", "target_required", "Give paragraphs (ids), match (a text), or both."));
        }

        for (var i = 0; i < (Paragraphs?.Length ?? 0); i++)
        {
            session.TryFind(Paragraphs![i], $"paragraphs[{i}]", errors, out _);
        }

        if (Match is { Length: 0 })
        {
            errors.Add(new("match", "text_required", "match must not be empty (use null to format whole paragraphs)."));
        }

        if (Bold is null && Italic is null && Underline is null && Strike is null && Color is null && Size is null && Font is null)
        {
            errors.Add(new("$", "format_required", "Set at least one of bold, italic, underline, strike, color, size, font."));
        }

        if (Color is not null && !HexColor().IsMatch(Color))
        {
            errors.Add(new("color", "color", $"color must be #RRGGBB. Given: '{Color}'."));
        }

        if (Size is < 1 or > 1638)
        {
            errors.Add(new("size", "size_range", $"size must be between 1 and 1638 points. Given: {Size}."));
        }

        if (Font is { } font && string.IsNullOrWhiteSpace(font))
        {
            errors.Add(new("font", "font", "font must name a font."));
        }

        if (errors.Count == 0 && Match is not null && TextMatches.In(Targets(session), Match, MatchCase == true, 1).Count == 0)
        {
            errors.Add(new("match", "text_found", $"The text \"{Match}\" does not occur in the targeted paragraphs."));
        }

        return errors;
    }

    public override Change Apply(WordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var runs = new List<Run>();
        if (Match is null)
        {
            runs.AddRange(Targets(session).SelectMany(ParagraphText.Runs));
        }
        else
        {
            foreach (var match in TextMatches.ForEditing(TextMatches.In(Targets(session), Match, MatchCase == true, cancellationToken: session.Cancellation)))
            {
                session.Cancellation.ThrowIfCancellationRequested();
                runs.AddRange(RunSplitter.Isolate(match.Paragraph, match.Start, match.End));
            }
        }

        foreach (var run in runs.Distinct())
        {
            session.Cancellation.ThrowIfCancellationRequested();
            if (session.TrackChanges)
            {
                session.Revisions.RecordRunFormat(run);
            }

            Set(run.RunProperties ?? run.PrependChild(new RunProperties()));
        }

        var target = Match is null ? string.Join(",", Paragraphs ?? []) : $"\"{Match}\"";
        return new Change("format_text", target, $"Formatted {runs.Count} run(s) of {target}", runs.Count);
    }

    private void Set(RunProperties properties)
    {
        if (Font is { } font)
        {
            properties.RunFonts = new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font };
        }

        if (Bold is { } bold)
        {
            properties.Bold = new Bold { Val = bold ? null : false };
        }

        if (Italic is { } italic)
        {
            properties.Italic = new Italic { Val = italic ? null : false };
        }

        if (Strike is { } strike)
        {
            properties.Strike = new Strike { Val = strike ? null : false };
        }

        if (Color is { } color)
        {
            properties.Color = new Color { Val = color.TrimStart('#').ToUpperInvariant() };
        }

        if (Size is { } size)
        {
            var half = ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);
            properties.FontSize = new FontSize { Val = half };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = half };
        }

        if (Underline is { } underline)
        {
            properties.Underline = new Underline { Val = underline ? UnderlineValues.Single : UnderlineValues.None };
        }
    }

    private IEnumerable<Paragraph> Targets(WordSession session) =>
        Paragraphs is null ? session.Paragraphs : Paragraphs.Select(id => session.Ids.Find(id)).OfType<Paragraph>().Distinct();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
