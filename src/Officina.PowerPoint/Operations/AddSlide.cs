using System.ComponentModel;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Adds a slide on a layout of the deck, with the layout's placeholders (as PowerPoint adds
/// them), filling the title and the first body placeholder (the subtitle on a title slide) and
/// setting speaker notes. Placeholders left empty can be filled later with set_text. The new
/// slide shows the footer text, slide number and date its neighbour shows (or, in a deck without
/// other slides, those its layout carries and the template shows), see <see cref="SlideFooters"/>.
/// </summary>
[Operation("add_slide", "Add a slide on a layout with title, bullets (with levels) and notes.")]
public sealed record AddSlide(
    [property: Description("Layout name from list_layouts, e.g. 'Title and Content'; null for 'Title and Content' (or the first layout)")] string? Layout = null,
    [property: Description("Title text; null leaves the title placeholder empty")] string? Title = null,
    [property: Description("Body paragraphs (bullets) with levels; on a title slide, the subtitle lines; null for none")] TextParagraph[]? Bullets = null,
    [property: Description("Speaker notes; null for none")] string? Notes = null,
    [property: Description("Position of the new slide, 1-based; null appends at the end")] int? Position = null)
    : WriteOperation<DeckSession>
{
    public const string DefaultLayout = "Title and Content";

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.InsertsAt(DeckTrace.Slide, trace.Landed(Position));
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var layout = FindLayout(session);
        if (layout is null)
        {
            errors.Add(new("layout", "layout_exists", session.Layouts.Count == 0
                ? "The deck has no slide layouts to add a slide on."
                : $"There is no layout named '{Layout}'. Layouts: {string.Join(", ", session.Layouts.Select(l => $"'{DeckSession.LayoutName(l)}'"))}."));
        }
        else
        {
            var shapes = SlideShapes.All(layout.SlideLayout?.CommonSlideData?.ShapeTree).ToList();
            if (Title is { Length: > 0 } && !shapes.Any(SlideShapes.IsTitle))
            {
                errors.Add(new("title", "layout_has_title", $"Layout '{DeckSession.LayoutName(layout)}' has no title placeholder; choose another layout or use add_text_box."));
            }

            if (Bullets is { Length: > 0 } && BodyOf(shapes) is null)
            {
                errors.Add(new("bullets", "layout_has_body", $"Layout '{DeckSession.LayoutName(layout)}' has no body placeholder; choose e.g. '{DefaultLayout}' or use add_text_box."));
            }
        }

        errors.AddRange(TextParagraph.Check(Bullets, "bullets"));
        var count = session.Slides.Count;
        if (Position is { } p && (p < 1 || p > count + 1))
        {
            errors.Add(new("position", "position_range", $"position must be from 1 to {count + 1} (the deck has {count} slide(s)). Given: {p}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var layout = FindLayout(session)!;
        var slide = SlideFactory.Create(session, layout, Position is { } p ? p - 1 : null);
        var shapes = SlideShapes.All(slide).OfType<P.Shape>().ToList();
        if (Title is { Length: > 0 } title && shapes.FirstOrDefault(SlideShapes.IsTitle) is { } titleShape)
        {
            ShapeText.SetParagraphs(titleShape.TextBody!, [new TextParagraph(title)]);
        }

        if (Bullets is { Length: > 0 } && BodyOf(shapes) is P.Shape body)
        {
            ShapeText.SetParagraphs(body.TextBody!, Bullets);
        }

        if (Notes is { Length: > 0 } notes)
        {
            SlideNotes.Set(session, slide, notes);
        }

        var footers = SlideFooters.For(session, slide);
        footers?.Apply(session);
        var position = session.PositionOf(slide);
        return new Change("add_slide", $"slide {position}",
            $"Added slide {position} on layout '{DeckSession.LayoutName(layout)}'{(Title is { Length: > 0 } ? $" titled '{Title}'" : "")}{(Bullets is { Length: > 0 } b ? $" with {b.Length} bullet(s)" : "")}");
    }

    private SlideLayoutPart? FindLayout(DeckSession session) =>
        Layout is { Length: > 0 } name ? session.FindLayout(name) : session.FindLayout(DefaultLayout) ?? (session.Layouts is { Count: > 0 } all ? all[0] : null);

    private static DocumentFormat.OpenXml.OpenXmlCompositeElement? BodyOf(IEnumerable<DocumentFormat.OpenXml.OpenXmlCompositeElement> shapes)
    {
        var list = shapes.ToList();
        return list.FirstOrDefault(s => SlideShapes.PlaceholderType(s) is "obj" or "body")
            ?? list.FirstOrDefault(s => SlideShapes.PlaceholderType(s) is "subTitle");
    }
}
