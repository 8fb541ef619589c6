using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Benchmarks;
using Officina.Excel;
using Officina.Operations;

// One command per process so that /usr/bin/time measures exactly one thing.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: gen-csv ROWS OUT.csv | import IN.csv OUT.xlsx | check OUT.xlsx ROWS | open-save IN.xlsx OUT.xlsx | plan IN.xlsx OUT.xlsx | closedxml IN.xlsx OUT.xlsx");
    return 2;
}

switch (args[0])
{
    case "gen-csv":
        BenchmarkData.WriteCsv(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        return 0;
    case "import":
    {
        using var book = WorkbookSession.Create("Summary");
        book.AddSource("data", () => File.OpenRead(args[1]));
        var plan = Plan.For(DocumentHost.Excel, new Officina.Excel.Operations.ImportCsv("data", "Data!A1", HasHeader: true));
        Require(PlanRunner.Apply(book, plan));
        book.SaveAs(args[2]);
        return 0;
    }

    case "phases":
    {
        // Where the import's time goes, measured in one process (not used by run.sh's table).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var stream = File.OpenRead(args[1]))
        {
            Officina.Excel.Import.CsvShape.Scan(stream, ',', true);
        }

        Console.WriteLine($"scan {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        using var book = WorkbookSession.Create("Summary");
        book.AddSource("data", () => File.OpenRead(args[1]));
        Require(PlanRunner.Apply(book, Plan.For(DocumentHost.Excel, new Officina.Excel.Operations.ImportCsv("data", "Data!A1", HasHeader: true))));
        Console.WriteLine($"validate+apply {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        book.SaveAs(args[2]);
        Console.WriteLine($"save {clock.ElapsedMilliseconds} ms");
        return 0;
    }

    case "plan-phases":
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var book = WorkbookSession.Open(args[1]);
        Console.WriteLine($"open {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        _ = book.Baseline;
        Console.WriteLine($"baseline validation {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        Require(PlanRunner.Apply(book, Workbooks.FiftyOperationPlan(book)));
        Console.WriteLine($"50 operations {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        book.SaveAs(args[2]);
        Console.WriteLine($"save {clock.ElapsedMilliseconds} ms");
        return 0;
    }

    case "check":
        return Check(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    case "open-save":
    {
        using var book = WorkbookSession.Open(args[1]);
        book.SaveAs(args[2]);
        return 0;
    }

    case "plan":
    {
        using var book = WorkbookSession.Open(args[1]);
        var plan = Workbooks.FiftyOperationPlan(book);
        Require(PlanRunner.Apply(book, plan));
        book.SaveAs(args[2]);
        return 0;
    }

    case "closedxml":
    {
        using var workbook = new XLWorkbook(args[1]);
        workbook.SaveAs(args[2]);
        return 0;
    }

    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

static void Require(PlanApplyResult result)
{
    if (!result.Succeeded)
    {
        throw new InvalidOperationException("The plan failed: " + string.Join("; ", result.Errors));
    }
}

// Reopens the import's output with the OpenXML SDK (a reader of its own, not our session) and checks cells of every kind.
static int Check(string path, int rows)
{
    using var document = SpreadsheetDocument.Open(path, false);
    var workbook = document.WorkbookPart!;
    var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Data");
    var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
    var expectedFirst = BenchmarkData.Row(1);
    var expectedLast = BenchmarkData.Row(rows);
    using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
    var problems = new List<string>();
    var rowCount = 0;
    while (reader.Read())
    {
        if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
        {
            continue;
        }

        var row = (Row)reader.LoadCurrentElement()!;
        rowCount++;
        var index = (int)row.RowIndex!.Value;
        if (index == 1 || index == 2 || index == rows + 1)
        {
            var expected = index == 1 ? BenchmarkData.Header : index == 2 ? expectedFirst : expectedLast;
            var cells = row.Elements<Cell>().ToList();
            for (var c = 0; c < expected.Length; c++)
            {
                var cell = cells.FirstOrDefault(x => x.CellReference!.Value == Officina.Excel.Addressing.CellAddress.ColumnName(c + 1) + index.ToString(CultureInfo.InvariantCulture));
                var actual = cell is null ? "" : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
                if (!BenchmarkData.Matches(expected[c], actual, cell?.DataType?.Value, cell?.StyleIndex is not null))
                {
                    problems.Add($"row {index} column {c + 1}: expected '{expected[c]}', found '{actual}' (type {cell?.DataType?.Value.ToString() ?? "n"})");
                }
            }
        }
    }

    if (rowCount != rows + 1)
    {
        problems.Add($"expected {rows + 1} rows, found {rowCount}");
    }

    Console.WriteLine(problems.Count == 0 ? $"check ok: {rowCount} rows, first and last rows match the CSV" : string.Join(Environment.NewLine, problems));
    return problems.Count == 0 ? 0 : 1;
}
