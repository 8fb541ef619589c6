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
