using System.IO.Compression;
using System.Xml.Linq;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests;

/// <summary>
/// A plan applied to a deck LibreOffice wrote loses nothing it did not touch: every part of the
/// input is still in the output, untouched parts mean the same XML (or the same bytes for media),
/// and masters, layouts, notes, charts and pictures are all still wired to their slides.
/// </summary>
public sealed class FidelityTests
{
    private const string Asset = "libreoffice-features.pptx";

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml")]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.template.main+xml")]
    public void SlideShowsAndTemplates_OpenAndKeepTheirKind(string contentType)
    {
        // apache/poi's stress022.pptx is a slide show (.ppsx) saved under a .pptx name; a .potx is a template.
        var input = WithMainContentType(File.ReadAllBytes(Decks.Asset(Asset)), contentType);
        byte[] output;
        using (var deck = DeckSession.Open(new MemoryStream(input)))
        {
            deck.Run("""{"op":"set_notes","slide":1,"text":"Shown as a slide show"}""");
            output = deck.ToArray();
        }

        using var result = DeckSession.Open(new MemoryStream(output));
        Assert.Equal("Shown as a slide show", SlideNotes.Text(result.Slide(1)));
        using var zip = new ZipArchive(new MemoryStream(output));
        Assert.Contains(contentType, new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open()).ReadToEnd(), StringComparison.Ordinal);
    }

    private static byte[] WithMainContentType(byte[] package, string contentType)
    {
        var copy = new MemoryStream();
        copy.Write(package);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write(xml.Replace("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", contentType, StringComparison.Ordinal));
        }

        return copy.ToArray();
    }

    [Fact]
    public void Plan_KeepsEveryUntouchedPart_OfLibreOfficeDeck()
    {
        var input = File.ReadAllBytes(Decks.Asset(Asset));
        byte[] output;
        using (var deck = DeckSession.Open(new MemoryStream(input)))
        {
            deck.Run("""{"op":"replace_text","find":"Highlights","replace":"Key points","slide":2}""");
            deck.Run("""{"op":"add_slide","title":"Next steps","bullets":[{"text":"Hire two sales leads"}],"notes":"Close here."}""");
            deck.Run("""{"op":"move_slide","slide":6,"to":5}""");
            using var reopened = deck.Reopen();
            output = reopened.ToArray();
        }

        using var before = new ZipArchive(new MemoryStream(input));
        using var after = new ZipArchive(new MemoryStream(output));
        var touched = new HashSet<string> { "[Content_Types].xml", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels", "ppt/slides/slide2.xml" };
        foreach (var entry in before.Entries)
        {
            var kept = after.GetEntry(entry.FullName);
            Assert.True(kept is not null, $"{entry.FullName} was lost.");
            if (touched.Contains(entry.FullName))
            {
                continue;
            }

            if (entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                Assert.Equal(Relationships(entry), Relationships(kept!));
            }
            else if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
            {
                Assert.True(Canonical(Xml(entry).Root!) == Canonical(Xml(kept!).Root!), $"{entry.FullName} changed.");
            }
            else
            {
                Assert.Equal(Bytes(entry), Bytes(kept!));
            }
        }

        using var result = DeckSession.Open(new MemoryStream(output));
        Assert.Equal(6, result.Slides.Count);
        Assert.Equal(["Quarterly Review", "Key points", "Revenue by quarter", "Regions", "Next steps", "Team"], Enumerable.Range(1, 6).Select(result.Title));
        Assert.Equal("Open with the headline number.", SlideNotes.Text(result.Slide(1)));
        Assert.Equal("Close here.", SlideNotes.Text(result.Slide(5)));
        Assert.Single(result.Slide(3).ChartParts);
        Assert.Equal(2, result.Slide(6).ImageParts.Count());
        Assert.Equal(6, result.PresentationPart.SlideMasterParts.Count());
        Assert.Equal("Title and Content", DeckSession.LayoutName(result.Slide(5).SlideLayoutPart!));
    }

    [Fact]
    public async Task Verify_AddsNoFindings_WhenLibreOfficeDeckIsOpenedAndSavedUnchanged()
    {
        using var deck = Decks.OpenAsset(Asset);

        var report = await deck.VerifyAsync();

        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
    }

    /// <summary>An element's meaning as text: name, attributes in order of name (namespace declarations aside), children; whitespace-only text dropped.</summary>
    private static string Canonical(XElement element)
    {
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal)
            .Select(a => $" {a.Name}=\"{a.Value}\"");
        var children = element.Nodes().Select(n => n switch
        {
            XElement child => Canonical(child),
            XText text when !string.IsNullOrWhiteSpace(text.Value) => text.Value,
            _ => "",
        });
        return $"<{element.Name}{string.Concat(attributes)}>{string.Concat(children)}</{element.Name}>";
    }

    private static XDocument Xml(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>
    /// A relationships part's meaning: its relationships in any order, internal targets resolved
    /// to absolute part names (the packaging layer rewrites relative targets as absolute ones).
    /// </summary>
    private static List<string> Relationships(ZipArchiveEntry entry)
    {
        var owner = entry.FullName.Replace("_rels/", "", StringComparison.Ordinal);
        var baseUri = new Uri("http://package/" + owner);
        return [.. Xml(entry).Root!.Elements().Select(r =>
        {
            var target = r.Attribute("Target")!.Value;
            var external = r.Attribute("TargetMode")?.Value == "External";
            var resolved = external ? target : new Uri(baseUri, target).AbsolutePath;
            return $"{r.Attribute("Id")?.Value} {r.Attribute("Type")?.Value} {resolved} {(external ? "External" : "")}";
        }).Order(StringComparer.Ordinal)];
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
