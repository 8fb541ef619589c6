using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Adds a PNG, JPEG or GIF picture from a source the caller registered (a plan names a source,
/// never a path). Missing sizes keep the image's aspect ratio; with neither size the image is
/// fitted into the content area (the slide's empty content placeholder, which it replaces,
/// or the master's body area) and centred there.
/// </summary>
[Operation("add_image", "Add a PNG, JPEG or GIF picture from a registered source to a slide.")]
public sealed record AddImage(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Name of a registered image source (see the digest's sources)")] string Source,
    [property: Description("Left edge in points; null to centre in the content area")] double? X = null,
    [property: Description("Top edge in points; null to centre in the content area")] double? Y = null,
    [property: Description("Width in points; null from height and the aspect ratio, or to fit the content area")] double? Width = null,
    [property: Description("Height in points; null from width and the aspect ratio, or to fit the content area")] double? Height = null,
    [property: Description("Alternative text for screen readers; null for none")] string? Description = null,
    [property: Description("Shape name; null for 'Picture N'")] string? Name = null)
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
        Placement.Check(X, Y, Width, Height, errors);
        ImageSources.Check(session, Source, "source", errors);
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var (bytes, header) = ImageSources.Read(session, Source);
        var relationshipId = ImageSources.AddTo(slide, bytes, header);
        var naturalWidth = header.Width * 72.0 / 96;
        var naturalHeight = header.Height * 72.0 / 96;
        var (area, placeholder) = Placement.ContentArea(session, slide);
        double width, height;
        if (Width is { } w && Height is { } h)
        {
            (width, height) = (w, h);
        }
        else if (Width is { } onlyWidth)
        {
            (width, height) = (onlyWidth, onlyWidth * naturalHeight / naturalWidth);
        }
        else if (Height is { } onlyHeight)
        {
            (width, height) = (onlyHeight * naturalWidth / naturalHeight, onlyHeight);
        }
        else
        {
            var scale = Math.Min(1, Math.Min(Placement.Points(area.Width) / naturalWidth, Placement.Points(area.Height) / naturalHeight));
            (width, height) = (naturalWidth * scale, naturalHeight * scale);
        }

        var x = X ?? Placement.Points(area.X) + (Placement.Points(area.Width) - width) / 2;
        var y = Y ?? Placement.Points(area.Y) + (Placement.Points(area.Height) - height) / 2;
        var box = new Box(Placement.Emu(x), Placement.Emu(y), Placement.Emu(width), Placement.Emu(height));
        var id = SlideShapes.NextId(slide);
        var name = Name is { Length: > 0 } n ? n : $"Picture {id - 1}";
        var picture = ShapeBuilder.Picture(id, name, Description, relationshipId, box);
        if (placeholder is not null && X is null && Y is null)
        {
            placeholder.InsertAfterSelf(picture);
            Placement.Replace(placeholder);
        }
        else
        {
            slide.Slide.CommonSlideData!.ShapeTree!.AppendChild(picture);
        }

        return new Change("add_image", $"slide {Slide}, shape '{name}'", $"Added picture '{name}' from source '{Source}' ({header.Width}×{header.Height} px) on slide {Slide}");
    }
}
