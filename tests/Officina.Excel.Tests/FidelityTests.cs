using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Operations;

namespace Officina.Excel.Tests;

/// <summary>
/// Open, apply, save keeps what the plan did not touch, on real files saved by Excel and
/// LibreOffice: parts of every kind, sheets, defined names, cell text and cached values, VBA.
/// </summary>
public sealed partial class FidelityTests
{
    public static TheoryData<string> Assets() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Assets", "xlsx"))
            .Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".xlsm", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Assets))]
    public void ApplyAndSave_KeepsUntouchedContent(string asset)
    {
        var input = File.ReadAllBytes(Workbooks.Asset(asset));
        using var book = WorkbookSession.Open(new MemoryStream(input));
        var firstSheet = book.Sheets.First(s => s.IsWorksheet).Name;
        var before = Snapshot(book);

        var plan = Plan.For(DocumentHost.Excel,
            Workbooks.Op("""{"op":"add_sheet","name":"zz_added"}"""),
            Workbooks.Op("""{"op":"set_values","range":"zz_added!A1:B2","values":[["k","v"],["x",1]]}"""),
            Workbooks.Op("""{"op":"set_formulas","range":"zz_added!C2","formula":"=B2*2"}"""));
        var result = PlanRunner.Apply(book, plan);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        using var reopened = book.Reopen();
        var after = Snapshot(reopened);

        Assert.Equal(before.Sheets.Append("zz_added"), after.Sheets);
        Assert.Equal(before.Names, after.Names);
        foreach (var (kind, count) in before.Parts)
        {
            Assert.True(after.Parts.GetValueOrDefault(kind) >= count, $"{asset}: lost parts of kind {kind} ({count} -> {after.Parts.GetValueOrDefault(kind)})");
        }

        Assert.Equal(before.Cells[firstSheet], after.Cells[firstSheet]);
    }

    [Fact]
    public void ApplyAndSave_KeepsVbaProject_InMacroWorkbook()
    {
        using var book = Workbooks.OpenAsset("57181.xlsm");
        var vba = ReadPart(Workbooks.Asset("57181.xlsm"), "xl/vbaProject.bin");

        book.Run("""{"op":"add_sheet","name":"Added"}""");
        var saved = book.ToArray();

        Assert.Equal(vba, ReadPart(saved, "xl/vbaProject.bin"));
        using var zip = new ZipArchive(new MemoryStream(saved));
        var types = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open()).ReadToEnd();
        Assert.Contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml", types);
    }

    [Fact]
    public void Open_MendsRelationshipWithoutTarget_AndKeepsPivotAndChart()
    {
        using var book = Workbooks.OpenAsset("64450.xlsx");

        book.Run("""{"op":"add_sheet","name":"More"}""");
        using var reopened = book.Reopen();

        Assert.NotEmpty(book.Repairs);
        Assert.Contains("dropped a relationship", book.Repairs[0]);
        Assert.NotEmpty(reopened.WorkbookPart.PivotTableCacheDefinitionParts);
        Assert.Contains(reopened.WorkbookPart.WorksheetParts, w => w.DrawingsPart?.ChartParts.Any() == true);
    }

    private sealed record PackageSnapshot(List<string> Sheets, List<string> Names, Dictionary<string, int> Parts, Dictionary<string, List<string>> Cells);

    private static PackageSnapshot Snapshot(WorkbookSession book)
    {
        var bytes = book.ToArray();
        var parts = new Dictionary<string, int>();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            foreach (var entry in zip.Entries)
            {
                var kind = PartKind().Match(entry.FullName);
                if (kind.Success)
                {
                    parts[kind.Value] = parts.GetValueOrDefault(kind.Value) + 1;
                }
            }
        }

        var cells = new Dictionary<string, List<string>>();
        foreach (var sheet in book.Sheets.Where(s => s.IsWorksheet))
        {
            var access = book.Sheet(sheet.Name)!;
            cells[sheet.Name] = [.. access.Rows.SelectMany(r => r.Elements<Cell>())
                .Select(c => $"{c.CellReference}={access.ValueOf(c)}|{c.CellFormula?.Text}|{c.StyleIndex?.Value}")];
        }

        var names = book.Workbook.DefinedNames?.Elements<DefinedName>().Select(n => $"{n.Name}@{n.LocalSheetId?.Value}={n.Text}").ToList() ?? [];
        return new PackageSnapshot([.. book.Sheets.Select(s => s.Name)], names, parts, cells);
    }

    private static byte[] ReadPart(string path, string part) => ReadPart(File.ReadAllBytes(path), part);

    private static byte[] ReadPart(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        using var stream = zip.GetEntry(part)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"(charts/chart|drawings/drawing|pivotTables/|pivotCache/|comments|vbaProject|media/|embeddings/|customXml/item|externalLinks/|tables/table|threadedComments|persons/)")]
    private static partial Regex PartKind();
}
