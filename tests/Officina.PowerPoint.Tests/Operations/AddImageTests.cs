using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddImageTests
{
    [Fact]
    public void Apply_AddsPngWithAspectRatioAndAltText()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("logo.png", () => new MemoryStream(Decks.Png(200, 100)));

        deck.Run("""{"op":"add_image","slide":1,"source":"LOGO.png","x":700,"y":20,"width":120,"description":"Company logo"}""");
        using var reopened = deck.Reopen();

        var picture = reopened.Shape(1, "Picture 3");
        Assert.Equal("picture", SlideShapes.Kind(picture));
        Assert.Equal(new Box(700 * 12700, 20 * 12700, 120 * 12700, 60 * 12700), SlideShapes.Geometry(reopened.Slide(1), picture));
        Assert.Equal("Company logo", SlideShapes.Properties(picture)!.Description!.Value);
        var image = reopened.Slide(1).ImageParts.Single();
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(reopened.Slide(1).GetIdOfPart(image), picture.Descendants<A.Blip>().Single().Embed!.Value);
    }

    [Fact]
    public void Apply_FitsImageIntoContentPlaceholder_WhenNoPositionGiven()
    {
        using var deck = Decks.WithSlides(0);
        deck.Run("""{"op":"add_slide","title":"Photo"}""");
        deck.AddSource("wide.png", () => new MemoryStream(Decks.Png(2000, 500)));

        deck.Run("""{"op":"add_image","slide":1,"source":"wide.png"}""");

        var box = SlideShapes.Geometry(deck.Slide(1), deck.Shape(1, "Picture 3"))!.Value;
        Assert.InRange(box.Width, 873 * 12700, 874 * 12700);
        Assert.InRange(box.Height, 218 * 12700, 219 * 12700);
    }

    [Fact]
    public void Validate_ReturnsError_WhenSourceUnknownOrNotAnImage()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("notes.txt", () => new MemoryStream("hello, this is not an image at all"u8.ToArray()));

        Assert.Equal("source_exists", Assert.Single(deck.Fail("""{"op":"add_image","slide":1,"source":"/etc/passwd"}""")).Rule);
        Assert.Equal("image_format", Assert.Single(deck.Fail("""{"op":"add_image","slide":1,"source":"notes.txt"}""")).Rule);
    }
}
