using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Shows or hides the footer text, slide number and date on slides, as PowerPoint's Header and
/// Footer dialog does: each shown item is a placeholder on the slide (<c>ftr</c>, <c>sldNum</c>,
/// <c>dt</c>), cloned from the slide's layout (or master) so it sits and looks where the template
/// puts it; the slide number and an automatic date are fields PowerPoint keeps up to date. A
/// hidden item's placeholder is removed from the slide. Applied to every slide, the master's
/// and layouts' header/footer flags (<c>p:hf</c>) are set to match, as Apply to All does. With
/// <see cref="SkipTitleSlides"/> slides on a title layout get none of the items set here
/// ("Don't show on title slide"). Items left null are not changed.
/// </summary>
[Operation("set_footer", "Show or hide footer text, slide numbers and the date on all or some slides.")]
public sealed record SetFooter(
    [property: Description("Footer text; '' hides the footer; null leaves it")] string? Footer = null,
    [property: Description("Show (true) or hide (false) slide numbers")] bool? SlideNumber = null,
    [property: Description("Show (true) or hide (false) the date")] bool? Date = null,
    [property: Description("Fixed date text, e.g. 'June 2026'; null with date true for today's date, updated automatically")] string? DateText = null,
    [property: Description("Slide positions, 1-based; null for every slide")] int[]? Slides = null,
    [property: Description("Leave slides on a title layout without these items (default false)")] bool? SkipTitleSlides = null)
    : WriteOperation<DeckSession>
{
    private static readonly (string Type, string Label, string Words)[] Kinds =
        [("dt", "Date Placeholder", "date"), ("ftr", "Footer Placeholder", "footer"), ("sldNum", "Slide Number Placeholder", "slide number")];

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        foreach (var slide in Slides ?? [])
        {
            trace.AddressesAt(DeckTrace.Slide, slide);
        }
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Footer is null && SlideNumber is null && Date is null && DateText is null)
        {
            errors.Add(new("$", "footer_required", "Set at least one of footer, slide_number, date, date_text."));
        }

        if (Date == false && DateText is not null)
        {
            errors.Add(new("date_text", "date_shown", "date_text gives the text of a shown date; date is false (hidden)."));
        }

        if (Slides is { Length: 0 })
        {
            errors.Add(new("slides", "slides_required", "slides must list at least one slide position, or be null for every slide."));
        }

        for (var i = 0; i < (Slides?.Length ?? 0); i++)
        {
            session.TryResolveSlide(Slides![i], $"slides[{i}]", errors, out _);
        }

        if (session.Slides.Count == 0)
        {
            errors.Add(new("slides", "slide_exists", "The deck has no slides yet; add one with add_slide."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var (position, slide) in Targets(session).Where(t => !Skipped(t.Slide)))
        {
            foreach (var (type, _, words) in Kinds.Where(k => Shows(k.Type) == true))
            {
                if (Source(slide, type) is null)
                {
                    errors.Add(new(Slides is null ? "slides" : $"slides[{Array.IndexOf(Slides, position)}]", "footer_placeholder",
                        $"Slide {position}'s layout '{DeckSession.LayoutName(slide.SlideLayoutPart!)}' and its master have no {words} placeholder to show it in; add a text box with add_text_box instead."));
                }
            }
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var targets = Targets(session);
        var skipped = new List<int>();
        foreach (var (position, slide) in targets)
        {
            var skip = Skipped(slide);
            if (skip)
            {
                skipped.Add(position);
            }

            foreach (var (type, label, _) in Kinds)
            {
                if (Shows(type) is not { } show)
                {
                    continue;
                }

                var existing = SlideShapes.TopLevel(slide).Where(s => SlideShapes.PlaceholderType(s) == type).ToList();
                if (!show || skip)
                {
                    existing.ForEach(e => e.Remove());
                    continue;
                }

                var shape = existing.FirstOrDefault() as P.Shape ?? AddPlaceholder(slide, type, label);
                Fill(shape, type, position);
            }
        }

        if (Slides is null)
        {
            SetFlags(session);
        }

        var which = Slides is null ? "every slide" : $"slide(s) {string.Join(", ", targets.Select(t => t.Position))}";
        var except = skipped.Count > 0 ? $" (not on title slide(s) {string.Join(", ", skipped)})" : "";
        return new Change("set_footer", Slides is null ? "deck" : which, $"Set the footer of {which}{except}: {Describe()}", targets.Count - skipped.Count);
    }

    /// <summary>Whether the item is to be shown (true), hidden (false) or left (null).</summary>
    private bool? Shows(string type) => type switch
    {
        "ftr" => Footer is null ? null : Footer.Length > 0,
        "sldNum" => SlideNumber,
        _ => Date ?? (DateText is not null ? true : null),
    };

    private bool Skipped(SlidePart slide) =>
        SkipTitleSlides == true && slide.SlideLayoutPart?.SlideLayout?.Type?.Value == P.SlideLayoutValues.Title;

    private List<(int Position, SlidePart Slide)> Targets(DeckSession session) =>
        Slides is null
            ? [.. session.Slides.Select((s, i) => (i + 1, s))]
            : [.. Slides.Distinct().Order().Select(p => (p, session.SlideAt(p)!))];

    /// <summary>The layout's placeholder of <paramref name="type"/>, else the master's; null when neither has one.</summary>
    private static P.Shape? Source(SlidePart slide, string type)
    {
        var layout = slide.SlideLayoutPart;
        return SlideShapes.All(layout?.SlideLayout?.CommonSlideData?.ShapeTree).FirstOrDefault(s => SlideShapes.PlaceholderType(s) == type) as P.Shape
            ?? SlideShapes.All(layout?.SlideMasterPart?.SlideMaster?.CommonSlideData?.ShapeTree).FirstOrDefault(s => SlideShapes.PlaceholderType(s) == type) as P.Shape;
    }

    /// <summary>A slide placeholder standing for the layout's (as PowerPoint adds one): same type and idx, no geometry of its own unless only the master has it.</summary>
    private static P.Shape AddPlaceholder(SlidePart slide, string type, string label)
    {
        var source = Source(slide, type)!;
        var layoutHasIt = SlideShapes.All(slide.SlideLayoutPart?.SlideLayout?.CommonSlideData?.ShapeTree).Contains(source);
        var id = SlideShapes.NextId(slide);
        var properties = new P.ShapeProperties();
        if (!layoutHasIt && SlideShapes.OwnTransform(source) is { } transform)
        {
            properties.AppendChild(transform.CloneNode(true));
        }

        var shape = new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = $"{label} {id - 1}" },
                new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties((P.PlaceholderShape)SlideShapes.Placeholder(source)!.CloneNode(true))),
            properties,
            // The layout's list style is repeated on the slide: PowerPoint would inherit it, but
            // LibreOffice draws a footer's text in its own default font and alignment without it.
            new P.TextBody(new A.BodyProperties(), (A.ListStyle?)source.TextBody?.ListStyle?.CloneNode(true) ?? new A.ListStyle(), new A.Paragraph()));
        slide.Slide.CommonSlideData!.ShapeTree!.AppendChild(shape);
        return shape;
    }

    /// <summary>Puts the item's text (a field for the slide number and an automatic date) into the placeholder, keeping its first paragraph's and run's formatting.</summary>
    private void Fill(P.Shape shape, string type, int position)
    {
        var body = shape.TextBody ??= new P.TextBody(new A.BodyProperties(), new A.ListStyle());
        var old = body.Elements<A.Paragraph>().ToList();
        var paragraphProperties = old.Select(p => p.ParagraphProperties).FirstOrDefault(p => p is not null);
        var runProperties = old.SelectMany(p => p.Descendants<A.RunProperties>()).FirstOrDefault();
        old.ForEach(p => p.Remove());
        var run = (A.RunProperties?)runProperties?.CloneNode(true) ?? new A.RunProperties { Language = "en-US" };
        var paragraph = new A.Paragraph();
        if (paragraphProperties is not null)
        {
            paragraph.AppendChild(paragraphProperties.CloneNode(true));
        }

        OpenXmlElement content = type switch
        {
            "sldNum" => Field("slidenum", run, position.ToString(CultureInfo.InvariantCulture)),
            "dt" when DateText is null => Field("datetime1", run, DateTime.Today.ToString("M/d/yyyy", CultureInfo.InvariantCulture)),
            "dt" => new A.Run(run, new A.Text(DateText)),
            _ => new A.Run(run, new A.Text(Footer!)),
        };
        paragraph.AppendChild(content);
        paragraph.AppendChild(new A.EndParagraphRunProperties { Language = run.Language?.Value ?? "en-US" });
        body.AppendChild(paragraph);
    }

    private static A.Field Field(string kind, A.RunProperties run, string text) =>
        new(run, new A.Text(text)) { Id = Guid.NewGuid().ToString("B").ToUpperInvariant(), Type = kind };

    /// <summary>Sets the master's and layouts' header/footer flags for the items set, so the deck says the same as its slides.</summary>
    private void SetFlags(DeckSession session)
    {
        var masters = session.Layouts.Select(l => l.SlideMasterPart).OfType<SlideMasterPart>().Distinct().ToList();
        foreach (var master in masters)
        {
            Flags(master.SlideMaster.HeaderFooter ??= new P.HeaderFooter());
        }

        foreach (var layout in session.Layouts.Where(l => l.SlideLayout?.HeaderFooter is not null))
        {
            Flags(layout.SlideLayout.HeaderFooter!);
        }
    }

    private void Flags(P.HeaderFooter flags)
    {
        if (Shows("sldNum") is { } number)
        {
            flags.SlideNumber = number;
        }

        if (Shows("ftr") is { } footer)
        {
            flags.Footer = footer;
        }

        if (Shows("dt") is { } date)
        {
            flags.DateTime = date;
        }
    }

    private string Describe()
    {
        var parts = new List<string>();
        if (Footer is not null)
        {
            parts.Add(Footer.Length > 0 ? $"footer '{Footer}'" : "no footer");
        }

        if (SlideNumber is { } number)
        {
            parts.Add(number ? "slide numbers" : "no slide numbers");
        }

        if (Shows("dt") is { } date)
        {
            parts.Add(!date ? "no date" : DateText is null ? "today's date (updated automatically)" : $"date '{DateText}'");
        }

        return string.Join(", ", parts);
    }
}
