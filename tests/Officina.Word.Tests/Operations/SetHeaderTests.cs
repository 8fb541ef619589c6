using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;
using Officina.Word.Verification;

namespace Officina.Word.Tests.Operations;

public sealed class SetHeaderTests
{
    [Fact]
    public void Apply_AddsHeaderPartReferencedFromTheSection()
    {
        using var doc = Documents.With("body");

        doc.Run("""{"op":"set_header","text":"ACME Corp — Confidential"}""");

        using var reopened = doc.Reopen();
        var header = Assert.Single(reopened.MainPart.HeaderParts);
        Assert.Equal("ACME Corp — Confidential", header.Header.InnerText);
        var reference = reopened.Body.Elements<SectionProperties>().Single().Elements<HeaderReference>().Single();
        Assert.Equal(reopened.MainPart.GetIdOfPart(header), reference.Id!.Value);
    }

    [Fact]
    public void Apply_RewritesExistingHeader_WithoutAddingParts()
    {
        using var doc = Documents.With("body");
        doc.Run("""{"op":"set_header","text":"first"}""");

        doc.Run("""{"op":"set_header","text":"second"}""");

        using var reopened = doc.Reopen();
        Assert.Equal("second", Assert.Single(reopened.MainPart.HeaderParts).Header.InnerText);
    }

    [Fact]
    public void Validate_ReturnsError_WhenTextIsMissing()
    {
        using var doc = Documents.With("body");

        var outcome = doc.Execute(new Officina.Word.Operations.SetHeader(null!));

        Assert.Equal("text", Assert.Single(outcome.Errors).Path);
    }
}
