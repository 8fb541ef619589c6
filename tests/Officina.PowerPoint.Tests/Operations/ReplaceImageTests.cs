using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class ReplaceImageTests
{
    /// <summary>A 2 × 1 pixel GIF89a (red, black).</summary>
    public static readonly byte[] Gif =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x02, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x04, 0x0A, 0x00, 0x3B,
    ];

    [Fact]
    public void Apply_SwapsTheImageKeepingTheFrame_CroppingToFill_AndDropsTheOldPart()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("old.png", () => new MemoryStream(Decks.Png(40, 40)));
        deck.AddSource("new.gif", () => new MemoryStream(Gif));
        deck.Run("""{"op":"add_image","slide":1,"source":"old.png","x":100,"y":80,"width":200,"height":200,"description":"Logo"}""");
        var picture = (P.Picture)deck.Shape(1, "Picture 3");
        picture.BlipFill!.Blip!.InsertAfterSelf(new A.SourceRectangle { Left = 10000 });

        var change = deck.Run("""{"op":"replace_image","slide":1,"shape":"Picture 3","source":"new.gif"}""").Change!;
        using var reopened = deck.Reopen();

        var replaced = (P.Picture)reopened.Shape(1, "Picture 3");
        var transform = replaced.ShapeProperties!.Transform2D!;
        Assert.Equal((100 * 12700L, 80 * 12700L, 200 * 12700L), (transform.Offset!.X!.Value, transform.Offset.Y!.Value, transform.Extents!.Cx!.Value));
        var crop = replaced.BlipFill!.SourceRectangle!;
        Assert.Equal((25000, 25000, null, null), (crop.Left?.Value, crop.Right?.Value, crop.Top?.Value, crop.Bottom?.Value));
        Assert.Equal("Logo", replaced.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value);
        var slide = reopened.Slide(1);
        var image = Assert.Single(slide.ImageParts);
        Assert.Equal("image/gif", image.ContentType);
        Assert.Equal(slide.GetIdOfPart(image), replaced.BlipFill.Blip!.Embed!.Value);
        Assert.Equal("Replaced the image of picture 'Picture 3' on slide 1 with source 'new.gif' (2×1 px, cropped to fill its frame)", change.Summary);
    }

    [Fact]
    public void Apply_Stretches_AndKeepsAnImageAnotherPictureStillShows()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("old.png", () => new MemoryStream(Decks.Png(40, 20)));
        deck.AddSource("new.png", () => new MemoryStream(Decks.Png(10, 10, 0xFF, 0, 0)));
        deck.Run("""{"op":"add_image","slide":1,"source":"old.png","x":10,"y":10,"width":80,"name":"One"}""");
        var one = (P.Picture)deck.Shape(1, "One");
        var copy = (P.Picture)one.CloneNode(true);
        copy.NonVisualPictureProperties!.NonVisualDrawingProperties!.Id = 50;
        copy.NonVisualPictureProperties.NonVisualDrawingProperties.Name = "Two";
        one.InsertAfterSelf(copy);

        deck.Run("""{"op":"replace_image","slide":1,"shape":"One","source":"new.png","fit":"stretch"}""");
        using var reopened = deck.Reopen();

        Assert.Equal(2, reopened.Slide(1).ImageParts.Count());
        Assert.Null(((P.Picture)reopened.Shape(1, "One")).BlipFill!.SourceRectangle);
    }

    [Fact]
    public void Validate_RefusesNonImagesByTheirBytes_AndShapesThatAreNotPictures()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("old.png", () => new MemoryStream(Decks.Png(4, 4)));
        deck.AddSource("report.png", () => new MemoryStream("%PDF-1.7 not an image at all"u8.ToArray()));
        deck.Run("""{"op":"add_image","slide":1,"source":"old.png","x":10,"y":10,"width":80}""");

        var format = Assert.Single(deck.Fail("""{"op":"replace_image","slide":1,"shape":"Picture 3","source":"report.png"}"""));
        Assert.Equal(("source", "image_format"), (format.Path, format.Rule));
        Assert.Contains("PNG, JPEG or GIF", format.Message, StringComparison.Ordinal);
        Assert.Contains("25 50 44 46", format.Message, StringComparison.Ordinal);
        Assert.Equal("shape_kind", Assert.Single(deck.Fail("""{"op":"replace_image","slide":1,"shape":"Title 1","source":"old.png"}""")).Rule);
        Assert.Equal("source_exists", Assert.Single(deck.Fail("""{"op":"replace_image","slide":1,"shape":"Picture 3","source":"nope.png"}""")).Rule);
        Assert.Single(deck.Slide(1).ImageParts);
    }
}
