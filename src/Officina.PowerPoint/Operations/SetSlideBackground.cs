using System.ComponentModel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// Gives a slide (or every slide) a background of its own — a solid colour, a linear gradient
/// or a picture from a registered source, stretched over the slide — or removes it so that the
/// slide follows its layout and master again. A picture used on several slides is stored once.
/// Slides added later follow their layout, as in PowerPoint.
/// </summary>
[Operation("set_slide_background", "Set a slide's background: solid colour, gradient or picture, or follow the master again.")]
public sealed record SetSlideBackground(
    [property: Description("Slide position, 1-based; null for every slide")] int? Slide = null,
    [property: Description("Solid colour: #RRGGBB or a theme colour (accent1…accent6, text1, text2, background1, background2)")] string? Color = null,
    [property: Description("A linear gradient instead of a colour")] Gradient? Gradient = null,
    [property: Description("Name of a registered PNG, JPEG or GIF source, stretched over the slide")] string? Image = null,
    [property: Description("true removes the slide's own background so it follows its layout and master")] bool? FollowMaster = null)
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
        var given = new[] { Color is not null, Gradient is not null, Image is not null, FollowMaster == true }.Count(g => g);
        if (given != 1)
        {
            errors.Add(new("$", "one_background", given == 0
                ? "Give one of color, gradient, image, or follow_master: true."
                : "Give only one of color, gradient, image and follow_master."));
        }

        DrawingColor.Check(Color, "color", false, errors);
        Operations.Gradient.Check(Gradient, "gradient", errors);
        if (Image is not null)
        {
            ImageSources.Check(session, Image, "image", errors);
        }

        if (Slide is { } position)
        {
            session.TryResolveSlide(position, "slide", errors, out _);
        }
        else if (session.Slides.Count == 0)
        {
            errors.Add(new("slide", "slide_exists", "The deck has no slides yet; add one with add_slide."));
        }

        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slides = Slide is { } one ? [session.SlideAt(one)!] : session.Slides;
        ImagePart? picture = null;
        var header = default(ImageHeader);
        foreach (var slide in slides)
        {
            var data = slide.Slide.CommonSlideData ??= new P.CommonSlideData(new P.ShapeTree());
            var old = data.Background?.Descendants<A.Blip>().Select(b => b.Embed?.Value).OfType<string>().ToList() ?? [];
            if (FollowMaster == true)
            {
                data.Background = null;
            }
            else
            {
                var fill = Color is not null ? DrawingColor.Parse(Color)!.Fill()
                    : Gradient is not null ? DrawingFill.Linear(Gradient)
                    : (OpenXmlElement)DrawingFill.Picture(PictureOn(session, slide, ref picture, ref header));
                data.Background = new P.Background(new P.BackgroundProperties(fill, new A.EffectList()));
            }

            ImageSources.DropUnused(slide, old);
        }

        var which = Slide is { } s ? $"slide {s}" : $"all {slides.Count} slides";
        var target = Slide is { } t ? $"slide {t}" : "deck";
        if (FollowMaster == true)
        {
            return new Change("set_slide_background", target, $"Removed the own background of {which}: it follows the layout and master again", slides.Count);
        }

        var what = Color is not null ? $"solid {DrawingColor.Parse(Color)}"
            : Gradient is not null ? $"gradient {Gradient.Describe()}"
            : $"picture '{Image}' ({header.Width}×{header.Height} px, stretched)";
        return new Change("set_slide_background", target, $"Set the background of {which} to {what}", slides.Count);
    }

    /// <summary>The relationship id of the picture on <paramref name="slide"/>: the source's image part, added once and shared by later slides.</summary>
    private string PictureOn(DeckSession session, SlidePart slide, ref ImagePart? picture, ref ImageHeader header)
    {
        if (picture is null)
        {
            var (bytes, read) = ImageSources.Read(session, Image!);
            header = read;
            var id = ImageSources.AddTo(slide, bytes, read);
            picture = (ImagePart)slide.GetPartById(id);
            return id;
        }

        var shared = picture;
        return slide.GetIdOfPart(slide.Parts.Any(p => p.OpenXmlPart == shared) ? shared : slide.AddPart(shared));
    }
}
