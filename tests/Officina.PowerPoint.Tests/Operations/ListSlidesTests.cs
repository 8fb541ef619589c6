namespace Officina.PowerPoint.Tests.Operations;

public sealed class ListSlidesTests
{
    [Fact]
    public void Read_ListsTitlesLayoutsAndNotes_InShowOrder()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","layout":"Title Slide","title":"Acme 2024","bullets":[{"text":"Annual review"}]}""");
        deck.Run("""{"op":"add_slide","title":"Revenue","bullets":[{"text":"Up 12%"}],"notes":"Mention Q4."}""");

        var text = deck.Run("""{"op":"list_slides"}""").Observation!.Text;

        Assert.Contains("1. 'Acme 2024' — layout 'Title Slide', 2 shape(s)", text, StringComparison.Ordinal);
        Assert.Contains("2. 'Revenue' — layout 'Title and Content', 2 shape(s), notes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SaysSo_WhenDeckIsEmpty()
    {
        using var deck = Decks.Create();

        Assert.Contains("no slides", deck.Run("""{"op":"list_slides"}""").Observation!.Text, StringComparison.Ordinal);
    }
}
