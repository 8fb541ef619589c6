using Officina.Word.Operations;

namespace Officina.Word.Tests.Operations;

public sealed class GetOutlineTests
{
    [Fact]
    public void Read_ListsHeadingsWithLevelsAndIds_WhenDocumentHasHeadings()
    {
        using var doc = Documents.With("Intro text");
        doc.Run("""{"op":"insert_heading","anchor":"start","text":"Overview","level":1}""");
        doc.Run("""{"op":"insert_heading","anchor":"end","text":"Details","level":2}""");

        var observation = doc.Run("""{"op":"get_outline"}""").Observation!;

        var entries = Assert.IsType<List<OutlineEntry>>(observation.Data);
        Assert.Equal([("Overview", 1), ("Details", 2)], entries.Select(e => (e.Text, e.Level)));
        Assert.Equal(doc.IdOf("Overview"), entries[0].Id);
        Assert.Contains($"[{entries[1].Id}] H2: Details", observation.Text, StringComparison.Ordinal);
    }
}
