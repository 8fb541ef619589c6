using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Adds a text box at a position and size in points (from the slide's top-left corner).</summary>
[Operation("add_text_box", "Add a text box at a position and size in points.")]
public sealed record AddTextBox(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The paragraphs of text; levels indent")] TextParagraph[] Paragraphs,
    [property: Description("Left edge in points from the slide's left (a 16:9 slide is 960 × 540 pt)")] double X,
    [property: Description("Top edge in points from the slide's top")] double Y,
    [property: Description("Width in points")] double Width,
    [property: Description("Height in points")] double Height,
    [property: Description("Font size in points; null for the theme's default (18)")] double? FontSize = null,
    [property: Description("Bold text")] bool? Bold = null,
    [property: Description("Shape name; null for 'TextBox N'")] string? Name = null)
    : WriteOperation<DeckSession>
{
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
        if (Paragraphs is null || Paragraphs.Length == 0)
        {
            errors.Add(new("paragraphs", "paragraphs_required", "paragraphs must hold at least one paragraph."));
        }

        errors.AddRange(TextParagraph.Check(Paragraphs, "paragraphs"));
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
        var id = SlideShapes.NextId(slide);
        var name = Name is { Length: > 0 } n ? n : $"TextBox {id - 1}";
        var box = new Box(Placement.Emu(X), Placement.Emu(Y), Placement.Emu(Width), Placement.Emu(Height));
        slide.Slide.CommonSlideData!.ShapeTree!.AppendChild(ShapeBuilder.TextBox(id, name, box, Paragraphs, FontSize, Bold == true));
        return new Change("add_text_box", $"slide {Slide}, shape '{name}'", $"Added text box '{name}' (id {id}) on slide {Slide}");
    }
}
