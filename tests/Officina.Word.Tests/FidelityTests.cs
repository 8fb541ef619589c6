using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests;

/// <summary>
/// Real documents from real producers (python-docx, LibreOffice Writer): a plan changes what it
/// names and nothing else survives differently — parts, images, untouched paragraphs' text,
/// styles, headers, footers, other authors' comments and tracked changes.
/// </summary>
public sealed class FidelityTests
{
    private static readonly HashSet<string> Edited = ["/word/document.xml", "/word/comments.xml", "/word/styles.xml", "/[Content_Types].xml", "/word/_rels/document.xml.rels"];

    [Theory]
    [InlineData("python-docx-report.docx", "Costs stayed flat")]
    [InlineData("libreoffice-review.docx", "Signed on behalf")]
    public void Plan_KeepsEverythingItDoesNotTouch(string asset, string target)
    {
        var original = File.ReadAllBytes(Documents.Asset(asset));
        using var doc = WordSession.Open(new MemoryStream(original));
        var before = doc.Texts();
        var id = doc.Paragraphs.First(p => ParagraphText.Of(p).StartsWith(target, StringComparison.Ordinal)).ParagraphId!.Value!;
        var styles = doc.Styles.Root!.Elements<Style>().Select(s => s.StyleId!.Value).ToList();
        var comments = doc.MainPart.WordprocessingCommentsPart?.Comments.Elements<Comment>().Select(c => c.InnerText).ToList() ?? [];
        var revisions = doc.Body.Descendants<InsertedRun>().Count() + doc.Body.Descendants<DeletedRun>().Count();

        doc.Run("""{"op":"insert_heading","anchor":"end","text":"Next steps","level":1}""");
        doc.Run($$"""{"op":"set_paragraph_text","paragraph":"{{id}}","text":"Changed by the plan."}""");
        doc.Run($$"""{"op":"add_comment","paragraph":"{{id}}","text":"Reworded."}""");
        using var reopened = doc.Reopen();
        var saved = reopened.ToArray();

        var expected = before.Select(t => t.StartsWith(target, StringComparison.Ordinal) ? "Changed by the plan." : t).Append("Next steps").ToList();
        Assert.Equal(expected, reopened.Texts());
        Assert.Equal(id, reopened.IdOf("Changed by the plan."));
        Assert.Empty(styles.Except(reopened.Styles.Root!.Elements<Style>().Select(s => s.StyleId!.Value)));
        var after = reopened.MainPart.WordprocessingCommentsPart!.Comments.Elements<Comment>().Select(c => c.InnerText).ToList();
        Assert.Equal([.. comments, "Reworded."], after);
        Assert.Equal(revisions, reopened.Body.Descendants<InsertedRun>().Count() + reopened.Body.Descendants<DeletedRun>().Count());
        AssertPartsKept(original, saved);
    }

    [Fact]
    public void LibreOfficeRevisions_AcceptAndReject_AsWordWould()
    {
        var original = File.ReadAllBytes(Documents.Asset("libreoffice-review.docx"));
        using var accepted = WordSession.Open(new MemoryStream(original));
        using var rejected = WordSession.Open(new MemoryStream(original));

        accepted.Run("""{"op":"accept_all_revisions"}""");
        rejected.Run("""{"op":"reject_all_revisions"}""");

        Assert.Contains("Invoices are payable within forty-five calendar days.", accepted.Reopen().Texts());
        Assert.Contains("Invoices are payable within thirty forty-five days.", rejected.Reopen().Texts());
        Assert.Single(accepted.MainPart.WordprocessingCommentsPart!.Comments.Elements<Comment>());
    }

    [Fact]
    public void Inspect_DescribesRealDocument_WithOutlineTablesAndRevisions()
    {
        using var doc = Documents.OpenAsset("libreoffice-review.docx");

        var digest = doc.Inspect();

        Assert.Contains("1 table(s), 1 comment(s), 2 tracked change(s)", digest, StringComparison.Ordinal);
        Assert.Contains("H1: Service agreement", digest, StringComparison.Ordinal);
        Assert.Contains("Header: Contract review - draft", digest, StringComparison.Ordinal);
    }

    /// <summary>Every part of the input is in the output; parts no operation edits have the same XML (or bytes).</summary>
    private static void AssertPartsKept(byte[] original, byte[] saved)
    {
        using var input = new ZipArchive(new MemoryStream(original));
        using var output = new ZipArchive(new MemoryStream(saved));
        foreach (var entry in input.Entries)
        {
            var copy = output.GetEntry(entry.FullName);
            Assert.True(copy is not null, $"{entry.FullName} was lost.");
            var name = "/" + entry.FullName;
            if (Edited.Contains(name))
            {
                continue;
            }

            var a = Read(entry);
            var b = Read(copy!);
            if (entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                Assert.True(Relationships(a).SetEquals(Relationships(b)), $"{entry.FullName} changed.");
            }
            else if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
            {
                Assert.True(XNode.DeepEquals(Normalize(a), Normalize(b)), $"{entry.FullName} changed:\n{Normalize(a)}\n---\n{Normalize(b)}");
            }
            else
            {
                Assert.True(a.AsSpan().SequenceEqual(b), $"{entry.FullName} changed.");
            }
        }
    }

    private static XDocument Normalize(byte[] xml)
    {
        var document = XDocument.Load(new MemoryStream(xml));
        foreach (var element in document.Descendants())
        {
            // paraIds are added where missing: the one intended difference in stories.
            element.Attributes().Where(a => a.IsNamespaceDeclaration || a.Name.LocalName is "paraId" or "textId" || a.Name.LocalName == "Ignorable").Remove();
            if (!element.HasElements && element.Value.Length == 0)
            {
                element.RemoveNodes(); // <x></x> and <x/> are the same element
            }
        }

        return document;
    }

    /// <summary>Relationships as id, type and target file (the package writer may spell targets absolute).</summary>
    private static HashSet<string> Relationships(byte[] xml) =>
        [.. XDocument.Load(new MemoryStream(xml)).Root!.Elements().Select(r =>
            $"{(string?)r.Attribute("Id")}|{(string?)r.Attribute("Type")}|{((string?)r.Attribute("Target"))?.Split('/')[^1]}|{(string?)r.Attribute("TargetMode")}")];

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
