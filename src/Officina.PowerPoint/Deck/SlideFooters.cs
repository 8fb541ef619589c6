using DocumentFormat.OpenXml.Packaging;
using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// What a new slide shows at its foot, so that add_slide keeps a deck's footers going: the items
/// the neighbouring slide shows (footer text, slide number, date, as set_footer put them there),
/// else the items the layout carries and its (or the master's) header/footer flags show, as a
/// designed template's do. Slides on a title layout get none, as "Don't show on title slide" does.
/// </summary>
internal static class SlideFooters
{
    /// <summary>The set_footer that gives <paramref name="slide"/> its footers, or null when it should show none.</summary>
    public static SetFooter? For(DeckSession deck, SlidePart slide)
    {
        var layout = slide.SlideLayoutPart;
        if (layout?.SlideLayout?.Type?.Value == P.SlideLayoutValues.Title)
        {
            return null;
        }

        var position = deck.PositionOf(slide);
        var neighbour = (deck.SlideAt(position - 1) is { } before && !IsTitle(before) ? before : null)
            ?? (deck.SlideAt(position + 1) is { } after && !IsTitle(after) ? after : null);
        var flags = layout?.SlideLayout?.HeaderFooter ?? layout?.SlideMasterPart?.SlideMaster?.HeaderFooter;
        bool Flag(bool? value) => flags is not null && (value ?? true);

        var number = Has(neighbour, "sldNum") || (neighbour is null && Flag(flags?.SlideNumber?.Value) && OnLayout(layout, "sldNum") is not null);
        var footer = Text(neighbour, "ftr") ?? (neighbour is null && Flag(flags?.Footer?.Value) ? Text(OnLayout(layout, "ftr")) : null);
        var date = neighbour is not null ? Shape(neighbour, "dt") : null;
        var dateText = date is null || date.Descendants<A.Field>().Any() ? null : Text(date);
        var showDate = date is not null || (neighbour is null && flags?.DateTime?.Value == true && OnLayout(layout, "dt") is not null);
        if (!number && footer is null && !showDate)
        {
            return null;
        }

        return new SetFooter(footer, number ? true : null, showDate ? true : null, dateText, [position]);
    }

    private static bool IsTitle(SlidePart slide) => slide.SlideLayoutPart?.SlideLayout?.Type?.Value == P.SlideLayoutValues.Title;

    private static P.Shape? Shape(SlidePart? slide, string type) =>
        slide is null ? null : SlideShapes.TopLevel(slide).FirstOrDefault(s => SlideShapes.PlaceholderType(s) == type) as P.Shape;

    private static bool Has(SlidePart? slide, string type) => Shape(slide, type) is not null;

    private static P.Shape? OnLayout(SlideLayoutPart? layout, string type) =>
        SlideShapes.All(layout?.SlideLayout?.CommonSlideData?.ShapeTree).FirstOrDefault(s => SlideShapes.PlaceholderType(s) == type) as P.Shape;

    private static string? Text(SlidePart? slide, string type) => Text(Shape(slide, type));

    private static string? Text(P.Shape? shape) => shape is null ? null : ShapeText.Text(shape).Trim() is { Length: > 0 } text ? text : null;
}
