using System.ComponentModel;
using System.Text;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>Lists the layouts add_slide can use, with the placeholders each one offers.</summary>
[Operation("list_layouts", "List slide layouts and their placeholders.")]
[Description("List the slide layouts of the deck's masters and their placeholders.")]
public sealed record ListLayouts : ReadOperation<DeckSession>
{
    public override Observation Read(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        var data = new List<object>();
        foreach (var layout in session.Layouts)
        {
            var name = DeckSession.LayoutName(layout);
            var placeholders = SlideShapes.All(layout.SlideLayout?.CommonSlideData?.ShapeTree)
                .Where(s => SlideShapes.Placeholder(s) is not null && SlideShapes.Kind(s) != "footer")
                .Select(s => SlideShapes.Kind(s))
                .ToList();
            text.AppendLine($"'{name}': {(placeholders.Count == 0 ? "no placeholders" : string.Join(", ", placeholders))}");
            data.Add(new { name, placeholders });
        }

        return new Observation("list_layouts", "deck", text.ToString(), data);
    }
}
