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
