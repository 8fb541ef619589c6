namespace Officina.PowerPoint.Tests.Operations;

public sealed class ListLayoutsTests
{
    [Fact]
    public void Read_ListsLayoutsWithPlaceholders()
    {
        using var deck = Decks.Create();

        var text = deck.Run("""{"op":"list_layouts"}""").Observation!.Text;

        Assert.Contains("'Title Slide': title, subtitle", text, StringComparison.Ordinal);
        Assert.Contains("'Two Content': title, body, body", text, StringComparison.Ordinal);
        Assert.Contains("'Blank': no placeholders", text, StringComparison.Ordinal);
    }
}
