using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests.Operations;

public sealed class InsertListTests
{
    [Fact]
    public void Apply_CreatesNumberingDefinition_AndNumberedParagraphsWithLevels()
    {
        using var doc = Documents.With("Steps:");

        doc.Run($$"""{"op":"insert_list","anchor":"{{doc.IdOf("Steps:")}}","kind":"numbered","items":[{"text":"Plan"},{"text":"Detail","level":1},{"text":"Ship","level":null}]}""");

        using var reopened = doc.Reopen();
        Assert.Equal(["Steps:", "Plan", "Detail", "Ship"], reopened.Texts());
        var numbering = reopened.MainPart.NumberingDefinitionsPart!.Numbering;
        var children = numbering.ChildElements.ToList();
        Assert.True(children.FindLastIndex(c => c is AbstractNum) < children.FindIndex(c => c is NumberingInstance), "abstractNum elements must precede num elements");
        var detail = reopened.Paragraph("Detail").ParagraphProperties!;
        Assert.Equal(1, detail.NumberingProperties!.NumberingLevelReference!.Val!.Value);
        Assert.Equal("ListParagraph", detail.ParagraphStyleId!.Val!.Value);
        var numId = detail.NumberingProperties.NumberingId!.Val!.Value;
        var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId).AbstractNumId!.Val!.Value;
        var level0 = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abstractId).Elements<Level>().First();
        Assert.Equal(NumberFormatValues.Decimal, level0.NumberingFormat!.Val!.Value);
    }

    [Fact]
    public void Apply_GivesEachListItsOwnNumbering_SoBulletsAndNumbersDiffer()
    {
        using var doc = Documents.With("x");
        doc.Run("""{"op":"insert_list","anchor":"end","kind":"bulleted","items":[{"text":"a"}]}""");
        doc.Run("""{"op":"insert_list","anchor":"end","kind":"numbered","items":[{"text":"b"}]}""");

        using var reopened = doc.Reopen();

        Assert.NotEqual(
            reopened.Paragraph("a").ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value,
            reopened.Paragraph("b").ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenLevelIsTooDeep()
    {
        using var doc = Documents.With("x");

        var errors = doc.Fail("""{"op":"insert_list","anchor":"end","kind":"bulleted","items":[{"text":"a","level":9}]}""");

        Assert.Equal("items[0].level", errors[0].Path);
    }
}

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

public sealed class InsertPageBreakTests
{
    [Fact]
    public void Apply_InsertsParagraphWithPageBreak()
    {
        using var doc = Documents.With("page one", "page two");

        doc.Run($$"""{"op":"insert_page_break","anchor":"{{doc.IdOf("page two")}}","position":"before"}""");

        using var reopened = doc.Reopen();
        var paragraphs = reopened.Paragraphs.ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(BreakValues.Page, paragraphs[1].Descendants<Break>().Single().Type!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenAnchorIsEmpty()
    {
        using var doc = Documents.With("x");

        Assert.Equal("anchor", doc.Fail("""{"op":"insert_page_break","anchor":""}""")[0].Rule);
    }
}
