using System.ComponentModel;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>How a replacement image fills the picture's frame.</summary>
public enum ImageFit
{
    /// <summary>Cover the frame, cropping the image's overflow evenly on both sides (PowerPoint's Crop to Fill).</summary>
    Fill,

    /// <summary>Stretch the whole image to the frame, changing its proportions if they differ.</summary>
    Stretch,
}

/// <summary>
/// Replaces the image of a picture with a registered PNG, JPEG or GIF source (checked by its
/// magic bytes), keeping the picture's frame: position, size, rotation, outline, effects, name,
/// alternative text and hyperlinks stay. The old crop belonged to the old image and is dropped;
/// by default the new image is cropped evenly to cover the frame without distortion, as
/// PowerPoint's Change Picture then Crop to Fill does. The old image part goes with its
/// relationship when nothing else on the slide shows it (other slides keep their own).
/// </summary>
[Operation("replace_image", "Replace a picture's image with a PNG, JPEG or GIF source, keeping its position and size.")]
public sealed record ReplaceImage(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("The picture's id or name from read_slide")] string Shape,
    [property: Description("Name of a registered image source (see the digest's sources)")] string Source,
    [property: Description("fill (default: cover the frame, cropping evenly, no distortion) or stretch (whole image, may distort)")] ImageFit? Fit = null,
    [property: Description("New alternative text; null keeps the picture's")] string? Description = null)
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
        if (Fit is { } fit && !Enum.IsDefined(fit))
        {
            errors.Add(new("fit", "fit", $"fit must be fill or stretch. Given: {(int)fit}."));
        }

        ImageSources.Check(session, Source, "source", errors);
        if (session.TryResolveShape(Slide, Shape, errors, out _, out var shape)
            && (shape is not P.Picture picture || picture.BlipFill?.Blip?.Embed?.Value is not { Length: > 0 }))
        {
            errors.Add(new("shape", "shape_kind", shape is P.Picture
                ? $"Picture '{Shape}' links to an image outside the deck instead of holding one; delete it and add the new image with add_image."
                : $"Shape '{Shape}' is a {SlideShapes.Kind(shape)}, not a picture; replace_image works on pictures (add one with add_image)."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (slide, shape) = session.ResolveShape(Slide, Shape);
        var picture = (P.Picture)shape;
        var fill = picture.BlipFill!;
        var blip = fill.Blip!;
        var old = blip.Descendants().SelectMany(e => e.GetAttributes()).Where(a => a.NamespaceUri == RelationshipNamespace).Select(a => a.Value!)
            .Append(blip.Embed!.Value!).ToList();

        var (bytes, header) = ImageSources.Read(session, Source);
        // A fresh blip: the old one's effects and extensions (an SVG original, a photo's
        // artistic effect) describe the old image.
        var fresh = new A.Blip { Embed = ImageSources.AddTo(slide, bytes, header) };
        if (blip.CompressionState is { } state)
        {
            fresh.CompressionState = state;
        }

        blip.InsertAfterSelf(fresh);
        blip.Remove();
        fill.SourceRectangle?.Remove();
        fill.RemoveAllChildren<A.Tile>();
        fill.RemoveAllChildren<A.Stretch>();
        var frame = SlideShapes.Geometry(slide, picture);
        if (Fit != ImageFit.Stretch && frame is { Width: > 0, Height: > 0 } box && Crop(header, box) is { } crop)
        {
            fresh.InsertAfterSelf(crop);
        }

        fill.AppendChild(new A.Stretch(new A.FillRectangle()));
        if (Description is not null && SlideShapes.Properties(picture) is { } properties)
        {
            properties.Description = Description;
        }

        ImageSources.DropUnused(slide, old);
        var name = SlideShapes.Name(picture);
        var how = Fit == ImageFit.Stretch ? "stretched to its frame" : "cropped to fill its frame";
        return new Change("replace_image", $"slide {Slide}, shape '{name}'",
            $"Replaced the image of picture '{name}' on slide {Slide} with source '{Source}' ({header.Width}×{header.Height} px, {how})");
    }

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The even crop (<c>a:srcRect</c>, in thousandths of a percent) that makes the image cover the frame; null when the proportions already match.</summary>
    private static A.SourceRectangle? Crop(ImageHeader header, Box frame)
    {
        var image = header.Width / (double)header.Height;
        var box = frame.Width / (double)frame.Height;
        if (Math.Abs(image / box - 1) < 0.005)
        {
            return null;
        }

        if (image > box)
        {
            var cut = (int)Math.Round((1 - box / image) / 2 * 100000);
            return new A.SourceRectangle { Left = cut, Right = cut };
        }

        var trim = (int)Math.Round((1 - image / box) / 2 * 100000);
        return new A.SourceRectangle { Top = trim, Bottom = trim };
    }
}
