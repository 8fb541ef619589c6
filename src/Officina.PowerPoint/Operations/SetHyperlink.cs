using System.ComponentModel;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Makes text a hyperlink (<c>a:hlinkClick</c> on its runs): all of a shape's text, or only the
/// occurrences of <see cref="Match"/> in it (runs are split at the match's edges, so the rest
/// keeps its formatting). The link goes to a web or mail address (an external relationship; only
/// <c>http</c>, <c>https</c> and <c>mailto</c> — <c>javascript:</c>, <c>file:</c> and other schemes
/// are refused, since they run code or reach local files) or to another slide of the deck. With
/// <see cref="Remove"/> the text's links are taken off instead. Replaced links' relationships are
/// dropped when no other text uses them. The theme shows linked text in its hyperlink colour.
/// </summary>
[Operation("set_hyperlink", "Link text in a shape to a web or mail address or to another slide (or remove its links).")]
public sealed record SetHyperlink(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide (a placeholder, text box, shape or table)")] string Shape,
    [property: Description("Only this text (every occurrence in the shape); null links all of the shape's text")] string? Match = null,
    [property: Description("Web or mail address: http://, https:// or mailto: only")] string? Url = null,
    [property: Description("Link to this slide (1-based position) instead of a url")] int? ToSlide = null,
    [property: Description("Text shown when pointing at the link; null for none")] string? Tooltip = null,
    [property: Description("Match upper and lower case exactly (default true)")] bool? MatchCase = null,
    [property: Description("True to remove the links from the text instead (give neither url nor to_slide)")] bool? Remove = null)
    : WriteOperation<DeckSession>
{
    public const int MaxUrlLength = 2048;

    private const string SlideJump = "ppaction://hlinksldjump";

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
        if (ToSlide is { } target)
        {
            trace.AddressesAt(DeckTrace.Slide, target);
        }
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var targets = (Url is not null ? 1 : 0) + (ToSlide is not null ? 1 : 0);
        if (Remove == true ? targets > 0 : targets != 1)
        {
            errors.Add(new(targets > 1 ? "to_slide" : "url", "link_target", Remove == true
                ? "remove takes the links off; give neither url nor to_slide with it."
                : targets == 0 ? "Give url (an http, https or mailto address) or to_slide (a slide position), or remove: true." : "Give url or to_slide, not both."));
        }

        if (Url is not null && CheckUrl(Url) is { } problem)
        {
            errors.Add(new("url", problem.Rule, problem.Message));
        }

        if (Match is { Length: 0 })
        {
            errors.Add(new("match", "text_required", "match must not be empty (use null to link all of the shape's text)."));
        }

        if (ToSlide is { } to && session.TryResolveSlide(to, "to_slide", errors, out _) && to == Slide)
        {
            errors.Add(new("to_slide", "link_self", $"to_slide is the slide the text is on ({to}); link to another slide."));
        }

        if (!session.TryResolveShape(Slide, Shape, errors, out _, out var shape) || Match is { Length: 0 })
        {
            return errors;
        }

        var runs = shape.Descendants<A.Run>().ToList();
        if (runs.Count == 0 || runs.All(r => (r.Text?.Text ?? "").Length == 0))
        {
            errors.Add(new("shape", "shape_has_text", $"Shape '{Shape}' is a {SlideShapes.Kind(shape)} with no text to link; set its text first, or choose a shape with text."));
        }
        else if (Match is not null && shape.Descendants<A.Paragraph>().Sum(p => TextRuns.Count(p, Match, Comparison)) == 0)
        {
            errors.Add(new("match", "text_found", $"'{Match}' does not occur in shape '{Shape}' on slide {Slide}{(MatchCase == false ? "" : " (matching case)")}."));
        }

        return errors;
    }

    /// <summary>Why <paramref name="url"/> cannot be a link target, or null when it can.</summary>
    public static (string Rule, string Message)? CheckUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (text.Length == 0 || text.Length > MaxUrlLength)
        {
            return ("url", $"url must be an address of 1 to {MaxUrlLength} characters. Given: {text.Length} characters.");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon].ToLowerInvariant() : "";
        if (scheme.Length > 0 && scheme is not ("http" or "https" or "mailto") && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return ("url_scheme", $"Links may use http, https or mailto only; '{scheme}:' is refused (javascript:, file:, data: and other schemes can run code or reach local files). Given: '{text}'.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return ("url", $"url must be an absolute http://, https:// or mailto: address, e.g. https://example.com/report. Given: '{text}'.");
        }

        if (uri.Scheme is "http" or "https" && uri.Host.Length == 0)
        {
            return ("url", $"url needs a host name after {uri.Scheme}://. Given: '{text}'.");
        }

        if (uri.Scheme == "mailto" && !text[7..].Contains('@', StringComparison.Ordinal))
        {
            return ("url", $"A mailto: link needs an address, e.g. mailto:name@example.com. Given: '{text}'.");
        }

        return null;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (slide, shape) = session.ResolveShape(Slide, Shape);
        var runs = Match is null
            ? [.. shape.Descendants<A.Run>().Where(r => (r.Text?.Text ?? "").Length > 0)]
            : shape.Descendants<A.Paragraph>().ToList().SelectMany(p => TextRuns.Isolate(p, Match, Comparison)).ToList();
        var replaced = runs.Select(r => r.RunProperties?.GetFirstChild<A.HyperlinkOnClick>()?.Id?.Value).OfType<string>().ToList();
        string? relationshipId = null;
        if (Url is not null)
        {
            relationshipId = slide.AddHyperlinkRelationship(new Uri(Url.Trim(), UriKind.Absolute), true).Id;
        }
        else if (ToSlide is { } to)
        {
            var target = session.SlideAt(to)!;
            relationshipId = slide.Parts.FirstOrDefault(p => p.OpenXmlPart == target)?.RelationshipId ?? slide.CreateRelationshipToPart(target);
        }

        foreach (var run in runs)
        {
            var properties = TextFormatting.PropertiesOf(run);
            if (relationshipId is null)
            {
                SchemaOrder.Remove(properties, SchemaOrder.CharacterProperties, "hlinkClick");
                continue;
            }

            var link = new A.HyperlinkOnClick { Id = relationshipId };
            if (ToSlide is not null)
            {
                link.Action = SlideJump;
            }

            if (Tooltip is { Length: > 0 })
            {
                link.Tooltip = Tooltip;
            }

            SchemaOrder.Set(properties, SchemaOrder.CharacterProperties, link);
        }

        DropUnusedLinks(slide, replaced);
        var name = SlideShapes.Name(shape);
        var what = Match is null ? "the text" : $"{runs.Count} run(s) matching '{Match}'";
        var summary = Remove == true
            ? $"Removed the links from {what} of '{name}' on slide {Slide}"
            : $"Linked {what} of '{name}' on slide {Slide} to {(Url is not null ? Url.Trim() : $"slide {ToSlide}")}";
        return new Change("set_hyperlink", $"slide {Slide}, shape '{name}'", summary, runs.Count);
    }

    /// <summary>Drops external hyperlink relationships no text on the slide uses any more (links to slides stay: they are parts other links may share).</summary>
    private static void DropUnusedLinks(SlidePart slide, IEnumerable<string> ids)
    {
        var xml = slide.Slide.OuterXml;
        foreach (var id in ids.Distinct())
        {
            if (!xml.Contains($"\"{id}\"", StringComparison.Ordinal) && slide.HyperlinkRelationships.FirstOrDefault(r => r.Id == id) is { } relationship)
            {
                slide.DeleteReferenceRelationship(relationship);
            }
        }
    }

    private StringComparison Comparison => MatchCase == false ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
