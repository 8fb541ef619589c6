using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Officina.Excel.Tests.Structure;

/// <summary>Notes, charts and pictures follow their cells when rows or columns move.</summary>
public sealed class SheetAnchorsTests
{
    [Fact]
    public void InsertRows_MovesNotesAndTheirShapes()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_comment","cell":"Sheet1!C10","text":"Check this"}""");

        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":5,"count":3}""");
        using var reopened = book.Reopen();

        var part = reopened.Sheet("Sheet1")!.Part;
        Assert.Equal("C13", part.WorksheetCommentsPart!.Comments!.CommentList!.Elements<Comment>().Single().Reference!.Value);
        using var vml = new StreamReader(part.VmlDrawingParts.Single().GetStream());
        var text = vml.ReadToEnd();
        Assert.Contains("<x:Row>12</x:Row>", text);
        Assert.Contains("<x:Column>2</x:Column>", text);
    }

    [Fact]
    public void DeleteRows_RemovesNotesOnDeletedCells_AndKeepsOthers()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_comment","cell":"Sheet1!B3","text":"goes"}""");
        book.Run("""{"op":"add_comment","cell":"Sheet1!B8","text":"stays"}""");

        book.Run("""{"op":"delete_rows","sheet":"Sheet1","row":2,"count":3}""");
        using var reopened = book.Reopen();

        var part = reopened.Sheet("Sheet1")!.Part;
        var comment = Assert.Single(part.WorksheetCommentsPart!.Comments!.CommentList!.Elements<Comment>());
        Assert.Equal("B5", comment.Reference!.Value);
        Assert.Contains("stays", comment.InnerText);
        using var vml = new StreamReader(part.VmlDrawingParts.Single().GetStream());
        var text = vml.ReadToEnd();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "ObjectType=\"Note\""));
        Assert.Contains("<x:Row>4</x:Row>", text);
    }

    [Fact]
    public void InsertColumns_MovesCharts_AndInsertRowsInsideAChartGrowsIt()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B4","values":[["k","v"],["a",1],["b",2],["c",3]]}""");
        book.Run("""{"op":"add_chart","kind":"column","data":"Sheet1!A1:B4","anchor":"Sheet1!D10","columns":6,"rows":10}""");
        var before = Anchor(book);

        book.Run("""{"op":"insert_columns","sheet":"Sheet1","column":"B","count":2}""");
        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":12,"count":4}""");
        using var reopened = book.Reopen();

        var after = Anchor(reopened);
        Assert.Equal(before.FromColumn + 2, after.FromColumn);
        Assert.Equal(before.ToColumn + 2, after.ToColumn);
        Assert.Equal(before.FromRow, after.FromRow);
        Assert.Equal(before.ToRow + 4, after.ToRow);
    }

    private static (int FromRow, int FromColumn, int ToRow, int ToColumn) Anchor(WorkbookSession book)
    {
        var anchor = book.Sheet("Sheet1")!.Part.DrawingsPart!.WorksheetDrawing!.Elements<Xdr.TwoCellAnchor>().Single();
        return (int.Parse(anchor.FromMarker!.RowId!.Text), int.Parse(anchor.FromMarker.ColumnId!.Text),
            int.Parse(anchor.ToMarker!.RowId!.Text), int.Parse(anchor.ToMarker.ColumnId!.Text));
    }
}
