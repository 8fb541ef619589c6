using System.IO.Compression;
using System.Text;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Testing;

namespace Officina.OpenXml.Tests.Packaging;

public sealed class PackageGuardTests
{
    [Fact]
    public void Inspect_Refuses_WhenXmlNests100000Deep()
    {
        var error = Refused(HostilePackages.Nested(100_000));

        Assert.Equal("xml_too_deep", error.Reason);
        Assert.Contains("'xl/worksheets/sheet1.xml'", error.Message);
        Assert.Contains("more than 512 deep", error.Message);
    }

    [Fact]
    public void Inspect_Accepts_WhenXmlNestsToTheLimit()
    {
        var info = Inspect(HostilePackages.Nested(PackageLimits.Default.MaxXmlDepth));

        Assert.Equal(DocumentHost.Excel, info.Host);
    }

    [Fact]
    public void Inspect_Refuses_WhenXmlNestsOnePastTheLimit()
    {
        Assert.Equal("xml_too_deep", Refused(HostilePackages.Nested(PackageLimits.Default.MaxXmlDepth + 1)).Reason);
    }

    [Theory]
    [InlineData("""<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>""")]
    [InlineData("""<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""")]
    public void Inspect_Refuses_WhenAPartDeclaresADtd(string doctype)
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), "xl/sharedStrings.xml",
            xml => xml.Replace("<sst ", doctype + "<sst ", StringComparison.Ordinal));

        var error = Refused(package);

        Assert.Equal("xml_dtd", error.Reason);
        Assert.Contains("'xl/sharedStrings.xml'", error.Message);
    }

    public static TheoryData<string, byte[]> MalformedSheets()
    {
        var good = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>""");
        return new()
        {
            { "unexpected token", Encoding.UTF8.GetBytes("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData></worksheet>""") },
            { "truncated", good[..(good.Length - 9)] },
            { "NUL character", [.. good[..60], 0, .. good[60..]] },
            { "invalid UTF-8", [.. good[..70], 0xC3, 0x28, .. good[70..]] },
            { "UTF-16 BOM before UTF-8 bytes", [0xFF, 0xFE, .. good] },
            { "two roots", [.. good, .. Encoding.UTF8.GetBytes("<worksheet/>")] },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedSheets))]
    public void Inspect_Refuses_WhenAPartIsNotWellFormed(string damage, byte[] sheet)
    {
        var error = Refused(HostilePackages.Replace(HostilePackages.Budget(), HostilePackages.Sheet, sheet));

        Assert.True(error.Reason == "malformed_xml", $"{damage}: {error.Reason} {error.Message}");
        Assert.Contains("'xl/worksheets/sheet1.xml' is not well-formed XML", error.Message);
    }

    [Fact]
    public void Inspect_Refuses_WhenASmallUploadExpandsIntoHundredsOfMegabytes()
    {
        // ~120 MB of empty cells that deflate to well under a megabyte: small to upload, huge to load.
        var rows = new StringBuilder("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var row = "<row>" + string.Concat(Enumerable.Repeat("<c/>", 1000)) + "</row>";
        for (var i = 0; i < 30_000; i++)
        {
            rows.Append(row);
        }

        rows.Append("</sheetData></worksheet>");
        var package = HostilePackages.Replace(HostilePackages.Budget(), HostilePackages.Sheet, Encoding.UTF8.GetBytes(rows.ToString()), CompressionLevel.SmallestSize);
        Assert.True(package.Length < 1024 * 1024, $"the package is {package.Length} bytes");

        var error = Refused(package);

        Assert.Equal("zip_bomb", error.Reason);
        Assert.Contains("'xl/worksheets/sheet1.xml'", error.Message);
    }

    [Theory]
    [InlineData("""<row r="1" """, """<row r="99999999999" """, "bad_cell_reference", "numbers a row '99999999999', but rows are numbered 1 to 1,048,576")]
    [InlineData("""<row r="1" """, """<row r="4294967296" """, "bad_cell_reference", "numbers a row '4294967296'")]
    [InlineData("""<row r="1" """, """<row r="-5" """, "bad_cell_reference", "numbers a row '-5'")]
    [InlineData("""<row r="1" """, """<row r="0" """, "bad_cell_reference", "numbers a row '0'")]
    [InlineData("""<row r="1" """, """<row r="1048577" """, "bad_cell_reference", "numbers a row '1048577'")]
    [InlineData("""<c r="A1" """, """<c r="A99999999999" """, "bad_cell_reference", "has a cell at 'A99999999999', which is not a cell of Excel's grid")]
    [InlineData("""<c r="A1" """, """<c r="XFE1" """, "bad_cell_reference", "has a cell at 'XFE1'")]
    [InlineData("""<c r="A1" """, """<c r="1A" """, "bad_cell_reference", "has a cell at '1A'")]
    [InlineData("""<row r="3" """, """<row r="1" """, "duplicate_row", "lists row 1 twice")]
    public void Inspect_Refuses_WhenARowOrCellIsOutsideTheGrid(string find, string replace, string reason, string message)
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), HostilePackages.Sheet, xml => ReplaceFirst(xml, find, replace));

        var error = Refused(package);

        Assert.Equal(reason, error.Reason);
        Assert.Contains("The worksheet part 'xl/worksheets/sheet1.xml' ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Accepts_WhenCellsReachTheLastRowAndColumn()
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), HostilePackages.Sheet, xml => xml.Replace(
            "</sheetData>", """<row r="1048575"><c r="XFD1048575"><v>1</v></c></row><row r="1048576"><c><v>2</v></c><c r="XFD1048576"><v>3</v></c></row></sheetData>""", StringComparison.Ordinal));

        Assert.Equal(DocumentHost.Excel, Inspect(package).Host);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the part");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    [Fact]
    public void Inspect_Refuses_WhenPartsEachUnderTheRatioCheckAddUpPastTheDecompressedLimit()
    {
        // Six parts of ~600 KB that compress about two-fold: none is a bomb, together 3.6 MB.
        var package = HostilePackages.Padded(6, 600 * 1024);
        var limits = new PackageLimits { MaxDecompressedBytes = 2 * 1024 * 1024, DecompressedLimitSetting = "the test's setting" };
        Assert.Equal(DocumentHost.Excel, PackageGuard.Inspect(new MemoryStream(package)).Host);

        var error = Assert.Throws<DocumentRejectedException>(() => PackageGuard.Inspect(new MemoryStream(package), limits));

        Assert.Equal("decompressed_too_large", error.Reason);
        Assert.Contains("more than 2 MB when decompressed", error.Message, StringComparison.Ordinal);
        Assert.Contains("customXml/pad", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise the limit with the test's setting", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Assets()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "xlsx", "docx", "pptx" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Assets", kind)))
            {
                if (!file.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
                {
                    data.Add(kind, Path.GetFileName(file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public void Inspect_Accepts_RealFiles(string kind, string name)
    {
        var info = Inspect(File.ReadAllBytes(HostilePackages.Asset(kind, name)));

        Assert.Equal(kind, info.Host.ToName() switch { "excel" => "xlsx", "word" => "docx", _ => "pptx" });
    }

    private static PackageInfo Inspect(byte[] package) => PackageGuard.Inspect(new MemoryStream(package));

    private static DocumentRejectedException Refused(byte[] package) =>
        Assert.Throws<DocumentRejectedException>(() => PackageGuard.Inspect(new MemoryStream(package)));
}
