using System.IO.Compression;
using System.Text;
using Officina.Testing;

namespace Officina.Cli.Tests;

/// <summary>Every bad input gets a specific error, exit code 2, the input untouched and no output file.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string AddSheetPlan = """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "New" } ] }""";
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Apply_Refuses_WhenFileIsNotAZip()
    {
        await AssertRefusedAsync(_cli.Write("notes.xlsx", "Quarterly numbers, not a workbook"), AddSheetPlan, "not_a_package", "zip packages");
    }

    [Fact]
    public async Task Apply_Refuses_WhenZipIsTruncated()
    {
        var bytes = File.ReadAllBytes(CliRun.Asset("simple-monthly-budget.xlsx"));
        await AssertRefusedAsync(_cli.Write("cut.xlsx", bytes[..(bytes.Length / 2)]), AddSheetPlan, "damaged_zip", "damaged or truncated");
    }

    [Fact]
    public async Task Apply_Refuses_WhenZipIsABomb()
    {
        var path = _cli.PathOf("bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            }

            using var bomb = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 120; i++)
            {
                bomb.Write(zeros);
            }
        }

        await AssertRefusedAsync(path, AddSheetPlan, "zip_bomb", "zip bomb");
    }

    [Fact]
    public async Task Apply_Refuses_WhenWorkbookIsEncrypted()
    {
        await AssertRefusedAsync(_cli.Write("locked.xlsx", CompoundFile("EncryptionInfo", "EncryptedPackage")), AddSheetPlan, "encrypted", "password");
    }

    [Fact]
    public async Task Apply_Refuses_WhenLegacyXlsIsRenamedXlsx()
    {
        var path = _cli.PathOf("old.xlsx");
        File.Copy(CliRun.Asset("legacy-excel97.xls"), path);

        await AssertRefusedAsync(path, AddSheetPlan, "legacy_format", "Save it as .xlsx");
    }

    [Fact]
    public async Task Apply_Refuses_WhenZipIsNotOffice()
    {
        var path = _cli.PathOf("photos.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("hello");
        }

        await AssertRefusedAsync(path, AddSheetPlan, "not_office", "[Content_Types].xml");
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("inspect")]
    [InlineData("verify")]
    public async Task Command_Refuses_WhenXmlNests100000Deep(string command)
    {
        // 5 KB that once overflowed the SDK's stack and ended the process (SIGABRT).
        var input = _cli.Write("deep.xlsx", HostilePackages.Nested(100_000));
        var output = _cli.PathOf("out.xlsx");
        string[] args = command == "apply" ? [command, input, _cli.Write("plan.json", AddSheetPlan), "-o", output] : [command, input];

        var (exit, _, error) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("[xml_too_deep]", error);
        Assert.Contains("'xl/worksheets/sheet1.xml' nests XML elements more than 512 deep", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("inspect")]
    [InlineData("verify")]
    public async Task Command_Refuses_WhenARowNumberIsPastUInt32(string command)
    {
        // Once an OverflowException from the SDK's UInt32 parse, with a stack trace, from inspect and verify.
        var input = _cli.Write("rows.xlsx", HostilePackages.ReplaceText(HostilePackages.Budget(), HostilePackages.Sheet,
            xml => xml.Replace("<row r=\"1\" ", "<row r=\"99999999999\" ", StringComparison.Ordinal)));
        var output = _cli.PathOf("out.xlsx");
        string[] args = command == "apply" ? [command, input, _cli.Write("plan.json", AddSheetPlan), "-o", output] : [command, input];

        var (exit, _, error) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("[bad_cell_reference]", error);
        Assert.Contains("numbers a row '99999999999', but rows are numbered 1 to 1,048,576", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("inspect")]
    [InlineData("verify")]
    public async Task Command_Refuses_WhenTheWorkbookPartIsNoSpreadsheetMLWorkbook(string command)
    {
        // apache/poi sample-beta.xlsx, from a pre-release of Office 2007: once an unhandled InvalidDataException.
        var input = _cli.Write("beta.xlsx", HostilePackages.ReplaceText(HostilePackages.Budget(), "xl/workbook.xml",
            xml => xml.Replace("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "<workbook xmlns=\"http://schemas.microsoft.com/office/excel/2006/2\"", StringComparison.Ordinal)));
        var output = _cli.PathOf("out.xlsx");
        string[] args = command == "apply" ? [command, input, _cli.Write("plan.json", AddSheetPlan), "-o", output] : [command, input];

        var (exit, _, error) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("[damaged_package]", error);
        Assert.Contains("The workbook package cannot be read", error);
        Assert.Contains("http://schemas.microsoft.com/office/excel/2006/2:workbook", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Apply_KeepsDeepExtension_WhenXmlNestsToTheLimit()
    {
        var input = _cli.Write("deep.xlsx", HostilePackages.Nested(512));
        var output = _cli.PathOf("out.xlsx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, _cli.Write("plan.json", AddSheetPlan), "-o", output);

        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(output);
        using var sheet = new StreamReader(zip.GetEntry(HostilePackages.Sheet)!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Equal(510, xml.Split("<d:n").Length - 1);
    }

    [Theory]
    [InlineData("dtd", "xml_dtd", "declares a DTD")]
    [InlineData("unclosed", "malformed_xml", "is not well-formed XML")]
    [InlineData("nul", "malformed_xml", "is not well-formed XML")]
    public async Task Apply_Refuses_WhenAPartIsHostileOrDamaged(string damage, string reason, string message)
    {
        var package = HostilePackages.ReplaceText(HostilePackages.Budget(), "xl/sharedStrings.xml", xml => damage switch
        {
            "dtd" => xml.Replace("<sst ", """<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst """, StringComparison.Ordinal),
            "unclosed" => xml.Replace("</sst>", "", StringComparison.Ordinal),
            _ => xml.Replace("<si>", "<si>\0", StringComparison.Ordinal),
        });

        await AssertRefusedAsync(_cli.Write("damaged.xlsx", package), AddSheetPlan, reason, message);
    }

    [Theory]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "add_pivot", "name": "x" } ] }""", "$.operations[0].op", "no excel operation named 'add_pivot'")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "set_values", "range": "Sheet1!A0", "values": [[1]] } ] }""", "$.operations[0].range", "Sheet1!A0")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "set_values", "range": "Budget!A1", "values": [[1]] } ] }""", "$.operations[0].range", "no worksheet named 'Budget'")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "set_values", "range": "A1", "values": [[{"x":1}]] } ] }""", "$.operations[0].values[0][0]", "must be a string or a number or true or false or null")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "add_sheet", "name": 42 } ] }""", "$.operations[0].name", "must be a string. Given: 42")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "bad\u0001name" } ] }""", "$.operations[0].name", "holds U+0001 at character 4")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "tab\tname" } ] }""", "$.operations[0].name", "must not contain control characters")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "rename_sheet", "from": "Simple Monthly Budget", "to": "x\u0000" } ] }""", "$.operations[0].to", "holds U+0000")]
    [InlineData("""{ "host": "excel", "operations": [ { "op": "set_values", "range": "A1", "values": [["ok", "x\u0001y"]] } ] }""", "$.operations[0].values[0][1]", "holds U+0001")]
    public async Task Apply_Refuses_WhenPlanIsInvalid(string plan, string path, string message)
    {
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var before = File.ReadAllBytes(input);
        var output = _cli.PathOf("out.xlsx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, _cli.Write("plan.json", plan), "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains(path, error);
        Assert.Contains(message, error);
        Assert.Contains("Nothing was written", error);
        Assert.False(File.Exists(output));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData("docx", "python-docx-report.docx", """{ "host": "word", "operations": [ { "op": "insert_paragraph", "anchor": "end", "position": "after", "text": "x\u0001y" } ] }""", "$.operations[0].text")]
    [InlineData("pptx", "libreoffice-features.pptx", """{ "host": "powerpoint", "operations": [ { "op": "set_notes", "slide": 1, "text": "x\u0000y" } ] }""", "$.operations[0].text")]
    public async Task Apply_Refuses_WhenPlanTextHoldsWhatXmlCannot(string kind, string asset, string plan, string path)
    {
        var input = _cli.Write(asset, File.ReadAllBytes(HostilePackages.Asset(kind, asset)));
        var output = _cli.PathOf("out." + kind);

        var (exit, _, error) = await _cli.RunAsync("apply", input, _cli.Write("plan.json", plan), "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains(path, error);
        Assert.Contains("[xml_char]", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Apply_ChangesNothing_WhenALaterOperationFails()
    {
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var before = File.ReadAllBytes(input);
        var output = _cli.PathOf("out.xlsx");
        var plan = """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "Fine" }, { "op": "add_sheet", "name": "Fine" } ] }""";

        var (exit, _, error) = await _cli.RunAsync("apply", input, _cli.Write("plan.json", plan), "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("$.operations[1].name", error);
        Assert.False(File.Exists(output));
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.tmp"));
    }

    private async Task AssertRefusedAsync(string input, string plan, string reason, string message)
    {
        var before = File.ReadAllBytes(input);
        var output = _cli.PathOf("out.xlsx");

        var (exit, _, error) = await _cli.RunAsync("apply", input, _cli.Write("plan.json", plan), "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains($"[{reason}]", error);
        Assert.Contains(message, error);
        Assert.False(File.Exists(output));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    /// <summary>
    /// The first sector and directory of an OLE compound file naming the given streams: what
    /// Office writes for password-protected (encrypted) workbooks, enough for content sniffing.
    /// </summary>
    private static byte[] CompoundFile(params string[] streams)
    {
        var bytes = new byte[512 * 4];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        var offset = 1024;
        foreach (var name in streams.Prepend("Root Entry"))
        {
            var encoded = Encoding.Unicode.GetBytes(name);
            encoded.CopyTo(bytes, offset);
            offset += 128;
        }

        return bytes;
    }

    public void Dispose() => _cli.Dispose();
}
