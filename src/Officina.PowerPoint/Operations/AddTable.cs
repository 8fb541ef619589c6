using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Adds a table of text in the deck's default table style (a template's own, which in the shipped
/// designs gives the header row white or dark bold text on a solid fill), the first row styled as a header
/// unless told otherwise. Without a position it takes the place of the slide's empty content
/// placeholder (as inserting a table into it does in PowerPoint), else the master's body area.
/// </summary>
[Operation("add_table", "Add a table (rows of text, optional header row) to a slide.")]
public sealed record AddTable(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Rows of cell text, the header row first")] string?[][] Rows,
    [property: Description("Style the first row as a header (default true)")] bool? Header = null,
    [property: Description("Left edge in points; null for the content area")] double? X = null,
    [property: Description("Top edge in points; null for the content area")] double? Y = null,
    [property: Description("Width in points; null for the content area's width")] double? Width = null,
    [property: Description("Height in points; null for 40 pt per row, at most the content area's height")] double? Height = null,
    [property: Description("Font size in points; null for the theme's (18)")] double? FontSize = null,
    [property: Description("Shape name; null for 'Table N'")] string? Name = null)
    : WriteOperation<DeckSession>
{
    public const int MaxCells = 2000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSlide(Slide, "slide", errors, out _);
        if (Rows is null || Rows.Length == 0 || Rows.All(r => r is null || r.Length == 0))
        {
            errors.Add(new("rows", "rows_required", "rows must hold at least one row with at least one cell."));
        }
        else if (Rows.Sum(r => r?.Length ?? 0) > MaxCells)
        {
            errors.Add(new("rows", "table_size", $"A slide table holds at most {MaxCells} cells. Given: {Rows.Sum(r => r?.Length ?? 0)}."));
        }

        Placement.Check(X, Y, Width, Height, errors);
        if (FontSize is { } size && size is < 1 or > 400)
        {
            errors.Add(new("font_size", "font_size", $"font_size must be between 1 and 400 points. Given: {size}."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var (area, placeholder) = X is null && Y is null ? Placement.ContentArea(session, slide) : (Placement.ContentArea(session, slide).Area, null);
        var rowsHeight = Math.Min(area.Height, Placement.Emu(40) * Rows.Length);
        var box = Placement.Resolve(area with { Height = rowsHeight }, X, Y, Width, Height);
        var id = SlideShapes.NextId(slide);
        var name = Name is { Length: > 0 } n ? n : $"Table {id - 1}";
        var frame = ShapeBuilder.Table(id, name, box, [.. Rows.Select(r => (IReadOnlyList<string?>)(r ?? []))], Header != false, FontSize, DeckStyle(session));
        if (placeholder is not null)
        {
            placeholder.InsertAfterSelf(frame);
            Placement.Replace(placeholder);
        }
        else
        {
            slide.Slide.CommonSlideData!.ShapeTree!.AppendChild(frame);
        }

        var columns = Rows.Max(r => r?.Length ?? 0);
        return new Change("add_table", $"slide {Slide}, shape '{name}'", $"Added a {Rows.Length}×{columns} table '{name}' on slide {Slide}", Rows.Length * columns);
    }

    /// <summary>The deck's default table style (the template's choice, as PowerPoint's Insert Table takes it), or null for Office's.</summary>
    private static string? DeckStyle(DeckSession session) =>
        session.PresentationPart.TableStylesPart?.TableStyleList?.Default?.Value is { Length: > 0 } style ? style : null;
}
