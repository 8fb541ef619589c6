using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetSlideBackgroundTests
{
    [Fact]
    public void Apply_SetsSolidAndGradientBackgrounds()
    {
        using var deck = Decks.WithSlides(2);

        var change = deck.Run("""{"op":"set_slide_background","slide":1,"color":"#0B2545"}""").Change!;
        deck.Run("""{"op":"set_slide_background","slide":2,"gradient":{"stops":[{"color":"accent1","position":0},{"color":"background1","position":100}],"angle":90}}""");
        using var reopened = deck.Reopen();

        var first = Background(reopened, 1);
        Assert.Equal("0B2545", first.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
        Assert.NotNull(first.GetFirstChild<A.EffectList>());
        var gradient = Background(reopened, 2).GetFirstChild<A.GradientFill>()!;
        Assert.Equal([A.SchemeColorValues.Accent1, A.SchemeColorValues.Background1],
            gradient.Descendants<A.SchemeColor>().Select(c => c.Val!.Value));
        Assert.Equal(90 * 60000, gradient.GetFirstChild<A.LinearGradientFill>()!.Angle!.Value);
        Assert.IsType<P.Background>(reopened.Slide(1).Slide.CommonSlideData!.FirstChild);
        Assert.Equal("Set the background of slide 1 to solid #0B2545", change.Summary);
    }

    [Fact]
    public void Apply_SetsOnePictureOnEverySlide_AndFollowMasterRemovesIt()
    {
        using var deck = Decks.WithSlides(3);
        deck.AddSource("sky.png", () => new MemoryStream(Decks.Png(64, 36, 0x87, 0xCE, 0xEB)));

        var change = deck.Run("""{"op":"set_slide_background","image":"sky.png"}""").Change!;
        deck.Run("""{"op":"set_slide_background","slide":3,"follow_master":true}""");
        using var reopened = deck.Reopen();

        Assert.Equal("Set the background of all 3 slides to picture 'sky.png' (64×36 px, stretched)", change.Summary);
        var images = new[] { 1, 2 }.Select(i =>
        {
            var embed = Background(reopened, i).GetFirstChild<A.BlipFill>()!.Blip!.Embed!.Value!;
            return reopened.Slide(i).GetPartById(embed).Uri;
        }).ToList();
        Assert.Equal(images[0], images[1]);
        Assert.Null(reopened.Slide(3).Slide.CommonSlideData!.Background);
        Assert.Empty(reopened.Slide(3).ImageParts);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadColourMissingImageAndTwoBackgrounds()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("color", Assert.Single(deck.Fail("""{"op":"set_slide_background","slide":1,"color":"navy"}""")).Rule);
        Assert.Equal("source_exists", Assert.Single(deck.Fail("""{"op":"set_slide_background","slide":1,"image":"missing.png"}""")).Rule);
        Assert.Equal("one_background", Assert.Single(deck.Fail("""{"op":"set_slide_background","slide":1,"color":"accent1","follow_master":true}""")).Rule);
        Assert.Equal("slide_exists", Assert.Single(deck.Fail("""{"op":"set_slide_background","slide":2,"color":"accent1"}""")).Rule);
        Assert.Null(deck.Slide(1).Slide.CommonSlideData!.Background);
    }

    private static P.BackgroundProperties Background(DeckSession deck, int slide) =>
        deck.Slide(slide).Slide.CommonSlideData!.Background!.BackgroundProperties!;
}
