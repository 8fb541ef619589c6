using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Officina.Testing;

/// <summary>Real packages from tests/Assets with one part changed, the way hostile or damaged files differ from good ones.</summary>
internal static class HostilePackages
{
    public const string Sheet = "xl/worksheets/sheet1.xml";

    public static string Asset(string kind, string name) => Path.Combine(AppContext.BaseDirectory, "Assets", kind, name);

    public static byte[] Budget() => File.ReadAllBytes(Asset("xlsx", "simple-monthly-budget.xlsx"));

    /// <summary>The budget workbook whose first sheet holds, in an extension element, elements nested to <paramref name="depth"/> (the sheet's root is depth 0).</summary>
    public static byte[] Nested(int depth)
    {
        // worksheet (0) > extLst (1) > ext (2) > d (3) ... so depth - 2 'd' elements reach it.
        var count = depth - 2;
        var deep = new StringBuilder();
        deep.Append("""<ext uri="{0F1C2D3E-0000-4000-8000-00000000DEEP}">""");
        deep.Insert(deep.Length, """<d:n xmlns:d="urn:officina:deep">""", 1);
        deep.Insert(deep.Length, "<d:n>", count - 1);
        deep.Insert(deep.Length, "</d:n>", count);
        deep.Append("</ext></extLst></worksheet>");
        return ReplaceText(Budget(), Sheet, xml => xml.Replace("</extLst></worksheet>", deep.ToString(), StringComparison.Ordinal));
    }

    /// <summary>
    /// The budget workbook with <paramref name="parts"/> extra custom XML parts of about
    /// <paramref name="bytesPerPart"/> each, stored with light compression: each part far under
    /// the ratio check (a few-fold, and smaller than the size ratios are checked above), the
    /// whole adding up to parts × size decompressed.
    /// </summary>
    public static byte[] Padded(int parts, int bytesPerPart)
    {
        var output = new MemoryStream();
        output.Write(Budget());
        var random = new Random(parts * 7919 + bytesPerPart);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 1; i <= parts; i++)
            {
                // Hex digits of random bytes: text that deflates only about two-fold.
                var text = new StringBuilder("<pad xmlns=\"urn:officina:pad\">", bytesPerPart + 64);
                var chunk = new byte[1024];
                while (text.Length < bytesPerPart)
                {
                    random.NextBytes(chunk);
                    text.Append(Convert.ToHexString(chunk));
                }

                text.Append("</pad>");
                using var stream = zip.CreateEntry($"customXml/pad{i}.xml", CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The package with every embedded picture turned into a linked one (<c>r:link</c> to an
    /// external relationship) pointing at <paramref name="target"/>, a URL or a file URI, as a
    /// hostile upload would make a program opening it fetch a URL or read a server file.
    /// </summary>
    public static byte[] LinkPictures(byte[] package, string target)
    {
        XNamespace relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        var result = package;
        var linked = 0;
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var rels in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList())
            {
                XDocument document;
                using (var stream = rels.Open())
                {
                    document = XDocument.Load(stream);
                }

                var pictures = document.Root!.Elements(relationships + "Relationship")
                    .Where(r => ((string)r.Attribute("Type")!).EndsWith("/image", StringComparison.Ordinal)).ToList();
                if (pictures.Count == 0)
                {
                    continue;
                }

                foreach (var picture in pictures)
                {
                    picture.SetAttributeValue("Target", target);
                    picture.SetAttributeValue("TargetMode", "External");
                }

                // _rels/x.xml.rels belongs to x.xml in the folder above.
                var folder = Path.GetDirectoryName(Path.GetDirectoryName(rels.FullName))!.Replace('\\', '/');
                var source = (folder.Length > 0 ? folder + "/" : "") + Path.GetFileNameWithoutExtension(rels.FullName);
                var ids = pictures.Select(p => (string)p.Attribute("Id")!).ToList();
                result = Replace(result, rels.FullName, Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)));
                result = ReplaceText(result, source, xml => ids.Aggregate(xml, (text, id) => text.Replace($"r:embed=\"{id}\"", $"r:link=\"{id}\"", StringComparison.Ordinal)));
                linked += pictures.Count;
            }
        }

        Assert.True(linked > 0, "the package has no picture to link");
        return result;
    }

    /// <summary>A 24-bit BMP of one colour: a picture LibreOffice draws, simple enough to write here.</summary>
    public static byte[] SolidBitmap(int width, int height, byte red, byte green, byte blue)
    {
        var row = (width * 3 + 3) & ~3;
        var bytes = new byte[54 + row * height];
        "BM"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(2), bytes.Length);
        BitConverter.TryWriteBytes(bytes.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bytes.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bytes.AsSpan(18), width);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), height);
        BitConverter.TryWriteBytes(bytes.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bytes.AsSpan(28), (short)24);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = 54 + y * row + x * 3;
                bytes[at] = blue;
                bytes[at + 1] = green;
                bytes[at + 2] = red;
            }
        }

        return bytes;
    }

    public static byte[] ReplaceText(byte[] package, string part, Func<string, string> change) =>
        Replace(package, part, new UTF8Encoding(false).GetBytes(change(Text(package, part))));

    /// <summary>A part's text as stored in the package.</summary>
    public static string Text(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    public static byte[] Replace(byte[] package, string part, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var output = new MemoryStream();
        output.Write(package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)?.Delete();
            using var stream = zip.CreateEntry(part, level).Open();
            stream.Write(content);
        }

        return output.ToArray();
    }
}
