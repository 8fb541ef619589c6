using System.ComponentModel;
using DocumentFormat.OpenXml;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>Where a shape goes in the stacking order (z-order), in PowerPoint's words.</summary>
public enum ShapeOrder
{
    BringToFront,
    SendToBack,
    BringForward,
    SendBackward,
}

/// <summary>
/// Changes a shape's place in the stacking order of the slide (or of its group): in front of
/// everything, behind everything, or one step forward or backward. A slide draws its shapes in
/// the order of its shape tree, so this moves the shape's element there; the background and
/// the layout's and master's shapes stay behind every slide shape.
/// </summary>
[Operation("reorder_shape", "Bring a shape to the front, send it to the back, or move it one step forward or backward.")]
public sealed record ReorderShape(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Shape id or name from read_slide")] string Shape,
    [property: Description("bring_to_front, send_to_back, bring_forward (one step) or send_backward (one step)")] ShapeOrder Order)
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
        if (!Enum.IsDefined(Order))
        {
            errors.Add(new("order", "order", $"order must be bring_to_front, send_to_back, bring_forward or send_backward. Given: {(int)Order}."));
        }

        if (session.TryResolveShape(Slide, Shape, errors, out _, out var shape) && shape.Parent is not (P.ShapeTree or P.GroupShape))
        {
            errors.Add(new("shape", "shape_order", $"Shape '{Shape}' sits inside alternate content (a fallback for older versions), which is ordered as a whole; reorder the shape or group around it."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (_, shape) = session.ResolveShape(Slide, Shape);
        var stack = Stack(shape);
        var index = stack.IndexOf(shape);
        var target = Order switch
        {
            ShapeOrder.BringToFront => stack.Count - 1,
            ShapeOrder.SendToBack => 0,
            ShapeOrder.BringForward => Math.Min(index + 1, stack.Count - 1),
            _ => Math.Max(index - 1, 0),
        };

        var name = SlideShapes.Name(shape);
        var where = shape.Parent is P.GroupShape group ? $"group '{SlideShapes.Name(group)}'" : $"slide {Slide}";
        if (target == index)
        {
            return new Change("reorder_shape", $"slide {Slide}, shape '{name}'",
                $"'{name}' is already at the {(target == 0 ? "back" : "front")} of {where}; nothing moved", 0);
        }

        var anchor = stack[target];
        shape.Remove();
        if (target > index)
        {
            anchor.InsertAfterSelf(shape);
        }
        else
        {
            anchor.InsertBeforeSelf(shape);
        }

        var words = Order switch
        {
            ShapeOrder.BringToFront => "Brought '{0}' to the front",
            ShapeOrder.SendToBack => "Sent '{0}' to the back",
            ShapeOrder.BringForward => "Brought '{0}' forward one step",
            _ => "Sent '{0}' backward one step",
        };
        return new Change("reorder_shape", $"slide {Slide}, shape '{name}'",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, words, name) + $" on {where} ({Ordinal(target + 1)} of {stack.Count} from the back)");
    }

    /// <summary>The shapes drawn in the same stack as <paramref name="shape"/>, back to front: its siblings, without the tree's own properties and extensions.</summary>
    private static List<OpenXmlElement> Stack(OpenXmlElement shape) =>
        [.. shape.Parent!.ChildElements.Where(e => e.LocalName is not ("nvGrpSpPr" or "grpSpPr" or "extLst"))];

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
