using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class InsertTableTests
{
    [Fact]
    public void Apply_InsertsTableWithRepeatingBoldHeader()
    {
        using var doc = Documents.With("Before table");

        doc.Run($$"""{"op":"insert_table","anchor":"{{doc.IdOf("Before table")}}","rows":[["Region","Units"],["North","10"],["South"]]}""");

        using var reopened = doc.Reopen();
        var table = Assert.Single(reopened.Body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["Region", "Units", "North", "10", "South", ""], table.Descendants<TableCell>().Select(c => ParagraphText.Of(c.Elements<Paragraph>().Single())));
        Assert.True(Runs.IsBold(rows[0].Descendants<Run>().First()));
        Assert.Equal("TableGrid", table.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);
        Assert.IsType<Paragraph>(table.NextSibling());
    }

    [Fact]
    public void Apply_MarksRowsInserted_AndRejectRemovesTheTable_WhenTracking()
    {
        using var doc = Documents.With("text");
        doc.TrackChanges = true;
        doc.Run("""{"op":"insert_table","anchor":"start","rows":[["a","b"]],"header_row":false}""");
        using var tracked = doc.Reopen();
        Assert.NotNull(tracked.Body.Descendants<TableRowProperties>().Single().GetFirstChild<Inserted>());

        tracked.Run("""{"op":"reject_all_revisions"}""");

        using var rejected = tracked.Reopen();
        Assert.Empty(rejected.Body.Elements<Table>());
        Assert.Equal(["text"], rejected.Texts());
    }

    [Fact]
    public void Validate_ReturnsError_WhenRowsAreEmpty()
    {
        using var doc = Documents.With("text");

        Assert.Equal("rows_required", doc.Fail("""{"op":"insert_table","anchor":"end","rows":[]}""")[0].Rule);
    }
}
