using System.ComponentModel;
using System.Text;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Lists the slides in show order with their layout, title, shape count and whether they have notes.</summary>
[Operation("list_slides", "List slides with their layout, title and shape count.")]
[Description("List slides in order with layout, title, shape count and notes.")]
public sealed record ListSlides : ReadOperation<DeckSession>
{
    public override Observation Read(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        var data = new List<object>();
        var position = 0;
        foreach (var slide in session.Slides)
        {
            position++;
            var layout = slide.SlideLayoutPart is { } l ? DeckSession.LayoutName(l) : "";
            var title = SlideShapes.All(slide).FirstOrDefault(SlideShapes.IsTitle) is { } t ? ShapeText.Text(t) : "";
            var shapes = SlideShapes.All(slide).Count();
            var notes = SlideNotes.Text(slide) is { Length: > 0 };
            text.AppendLine($"{position}. {(title.Length > 0 ? $"'{title.Replace('\n', ' ')}'" : "(no title)")} — layout '{layout}', {shapes} shape(s){(notes ? ", notes" : "")}");
            data.Add(new { position, title, layout, shapes, has_notes = notes });
        }

        if (position == 0)
        {
            text.AppendLine("The deck has no slides.");
        }

        return new Observation("list_slides", "deck", text.ToString(), data);
    }
}
