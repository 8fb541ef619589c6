using Officina.Word.Operations;

namespace Officina.Word.Tests.Operations;

public sealed class ReadParagraphsTests
{
    [Fact]
    public void Read_ReturnsParagraphsFromAnId_WithStylesAndText()
    {
        using var doc = Documents.With("one", "two", "three");

        var text = doc.Run($$"""{"op":"read_paragraphs","from":"{{doc.IdOf("two")}}","count":1}""").Observation!.Text;

        Assert.Contains($"[{doc.IdOf("two")}] Normal: two", text, StringComparison.Ordinal);
        Assert.DoesNotContain("three", text.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains($"continue from '{doc.IdOf("three")}'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenFromIsUnknown()
    {
        using var doc = Documents.With("one");

        var errors = doc.Fail("""{"op":"read_paragraphs","from":"1234ABCD"}""");

        Assert.Equal(("from", "paragraph_id"), (errors[0].Path, errors[0].Rule));
    }
}
