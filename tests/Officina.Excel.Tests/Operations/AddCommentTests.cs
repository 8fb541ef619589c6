using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class AddCommentTests
{
    private static readonly XNamespace X = "urn:schemas-microsoft-com:office:excel";
    private static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    private static readonly XNamespace O = "urn:schemas-microsoft-com:office:office";

    private static Comment[] Comments(WorkbookSession book, string sheet) =>
        [.. book.Sheet(sheet)!.Part.WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>() ?? []];

    private static string Author(WorkbookSession book, string sheet, Comment comment) =>
        book.Sheet(sheet)!.Part.WorksheetCommentsPart!.Comments.Authors!.Elements<Author>().ElementAt((int)comment.AuthorId!.Value).Text;

    /// <summary>The note shapes of the sheet's VML drawing, as (0-based row, column).</summary>
    private static List<(int Row, int Column)> NoteShapes(WorkbookSession book, string sheet)
    {
        var part = book.Sheet(sheet)!.Part;
        var id = part.Worksheet.GetFirstChild<LegacyDrawing>()!.Id!.Value!;
        var vml = (VmlDrawingPart)part.GetPartById(id);
        using var stream = vml.GetStream();
        var root = XDocument.Load(stream).Root!;
        Assert.Contains(root.Elements(V + "shapetype"), t => (string?)t.Attribute("id") == "_x0000_t202");
        return [.. root.Elements(V + "shape").Select(s => s.Element(X + "ClientData")).Where(c => (string?)c?.Attribute("ObjectType") == "Note")
            .Select(c => ((int)c!.Element(X + "Row")!, (int)c.Element(X + "Column")!))];
    }

    private static string SheetWithComments(WorkbookSession book) =>
        book.Sheets.First(s => s.Part is WorksheetPart w && w.WorksheetCommentsPart is not null).Name;

    [Fact]
    public void Apply_WritesCommentsPartAndVmlNote_ThatSurviveReopen()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_comment","cell":"Sheet1!C5","text":"Source: 2025 annual report, p. 12","author":"Ana"}""");
        using var reopened = book.Reopen();

        var comment = Assert.Single(Comments(reopened, "Sheet1"));
        Assert.Equal("C5", comment.Reference!.Value);
        Assert.Equal("Ana:\nSource: 2025 annual report, p. 12", comment.CommentText!.InnerText);
        Assert.Equal("Ana", Author(reopened, "Sheet1", comment));
        Assert.Equal([(4, 2)], NoteShapes(reopened, "Sheet1"));
        Assert.Equal("legacyDrawing", reopened.Sheet("Sheet1")!.Worksheet.ChildElements[^1].LocalName);
        using var vml = reopened.Sheet("Sheet1")!.Part.VmlDrawingParts.Single().GetStream();
        Assert.Equal("1", (string?)XDocument.Load(vml).Root!.Descendants(O + "idmap").Single().Attribute("data"));
    }

    [Fact]
    public void Apply_ReplacesText_WhenTheCellAlreadyHasAComment()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_comment","cell":"Sheet1!A1","text":"first"}""");
        book.Run("""{"op":"add_comment","cell":"Sheet1!B2","text":"other"}""");

        book.Run("""{"op":"add_comment","cell":"Sheet1!A1","text":"second","author":"Bo"}""");
        using var reopened = book.Reopen();

        var comments = Comments(reopened, "Sheet1");
        Assert.Equal(["A1", "B2"], comments.Select(c => c.Reference!.Value));
        Assert.Equal("Bo:\nsecond", comments[0].CommentText!.InnerText);
        Assert.Equal("Bo", Author(reopened, "Sheet1", comments[0]));
        Assert.Equal("Officina", Author(reopened, "Sheet1", comments[1]));
        Assert.Equal([(0, 0), (1, 1)], NoteShapes(reopened, "Sheet1"));
    }

    [Fact]
    public void Apply_UsesSeparateShapeIdBlocks_ForNotesOnTwoSheets()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Two"}""");

        book.Run("""{"op":"add_comment","cell":"Sheet1!A1","text":"one"}""");
        book.Run("""{"op":"add_comment","cell":"Two!A1","text":"two"}""");
        using var reopened = book.Reopen();

        var ids = reopened.WorkbookPart.WorksheetParts.SelectMany(w => w.VmlDrawingParts).Select(p =>
        {
            using var stream = p.GetStream();
            return (string)XDocument.Load(stream).Root!.Element(V + "shape")!.Attribute("id")!;
        }).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public void Validate_ReturnsError_WhenCellIsARangeOrTextIsEmpty()
    {
        using var book = WorkbookSession.Create();

        var range = book.Fail("""{"op":"add_comment","cell":"Sheet1!A1:B2","text":"x"}""");
        var empty = book.Fail("""{"op":"add_comment","cell":"Sheet1!A1","text":"  "}""");

        Assert.Contains(range, e => e.Path == "cell" && e.Message.Contains("A1:B2", StringComparison.Ordinal));
        Assert.Contains(empty, e => e.Path == "text");
    }

    [Fact]
    public void Apply_ReusesExistingCommentsAndVml_InComplex01()
    {
        using var book = Workbooks.OpenAsset("Complex01.xlsx");
        var sheet = SheetWithComments(book);
        var before = Comments(book, sheet).Select(c => (c.Reference!.Value, c.CommentText!.InnerText)).ToList();
        var shapesBefore = NoteShapes(book, sheet);

        book.Run($$"""{"op":"add_comment","cell":"'{{sheet}}'!B2","text":"Checked"}""");
        using var reopened = book.Reopen();

        var after = Comments(reopened, sheet).Select(c => (c.Reference!.Value, c.CommentText!.InnerText)).ToList();
        Assert.All(before, c => Assert.Contains(c, after));
        Assert.Contains(("B2", "Officina:\nChecked"), after);
        Assert.Single(reopened.Sheet(sheet)!.Part.VmlDrawingParts);
        Assert.Equal([.. shapesBefore, (1, 1)], NoteShapes(reopened, sheet));
        Assert.Single(reopened.Sheet(sheet)!.Part.TableDefinitionParts);
    }

    [Fact]
    public void Apply_KeepsMacrosAndOtherNotes_In57181()
    {
        using var book = Workbooks.OpenAsset("57181.xlsm");
        var sheet = SheetWithComments(book);
        var before = Comments(book, sheet).Select(c => (c.Reference!.Value, c.CommentText!.InnerText)).ToList();
        var existing = before[0].Item1!;

        book.Run($$"""{"op":"add_comment","cell":"'{{sheet}}'!{{existing}}","text":"Replaced note"}""");
        book.Run($$"""{"op":"add_comment","cell":"'{{sheet}}'!A1","text":"New note"}""");
        using var reopened = book.Reopen();

        var after = Comments(reopened, sheet).Select(c => (c.Reference!.Value, c.CommentText!.InnerText)).ToList();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(before.Skip(1), c => Assert.Contains(c, after));
        Assert.Contains((existing, "Officina:\nReplaced note"), after);
        Assert.Equal(before.Count + 1, NoteShapes(reopened, sheet).Count);
        Assert.NotNull(reopened.WorkbookPart.VbaProjectPart);
        Assert.True(reopened.WorkbookPart.VbaProjectPart!.GetStream().Length > 0);
    }
}
