using Officina.Excel;
using Officina.Excel.Operations;
using Officina.Operations;
using Officina.Testing;

namespace Officina.Excel.Tests;

/// <summary>
/// A cancelled job stops inside the operation or check it is running, not after it: each test
/// starts one long piece of work on a large workbook, cancels from another thread once it is
/// under way, and expects <see cref="OperationCanceledException"/> with the file it came from
/// untouched.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private static readonly TimeSpan ShortWhile = TimeSpan.FromMilliseconds(300);
    private readonly string _folder = Directory.CreateTempSubdirectory("officina-cancel-").FullName;

    [Fact]
    public async Task SetFormulas_StopsInsideTheFill_WhenCancelled()
    {
        using var book = WorkbookSession.Create();

        var error = await Cancellation.WhileApplyingAsync(book, new SetFormulas("Sheet1!A1:J100000", "=K1*2"), ShortWhile);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task SortRange_StopsInsideTheSort_AndTheFileIsUntouched_WhenCancelled()
    {
        var (path, bytes) = Save("rows.xlsx", Rows(100_000));
        using var book = WorkbookSession.Open(path);

        var error = await Cancellation.WhileApplyingAsync(book, new SortRange("Sheet1!A1:B100000", [new SortKey("A", SortOrder.Desc)], HasHeader: true), ShortWhile);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task RemoveRowsWhere_StopsBetweenAndInsideItsRowDeletions_WhenCancelled()
    {
        // Every other row matches: thousands of separate deletions, each rewriting the sheet.
        var (path, bytes) = Save("alternating.xlsx", Rows(20_000));
        using var book = WorkbookSession.Open(path);

        var error = await Cancellation.WhileApplyingAsync(book, new RemoveRowsWhere("Sheet1!A1:B20000", "Parity", RowCondition.EqualTo, "odd"), ShortWhile);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task CopyRange_StopsInsideTheCopy_WhenCancelled()
    {
        using var book = Rows(100_000);

        var error = await Cancellation.WhileApplyingAsync(book, new CopyRange("Sheet1!A1:B100000", "Sheet1!D1"), ShortWhile);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task Verify_StopsInsideTheRecalculation_WhenCancelled()
    {
        using var book = WorkbookSession.Create();
        book.Execute(new SetValues("Sheet1!A1", [[CellValue.FromNumber(1)]]));
        book.Execute(new SetFormulas("Sheet1!A2:A60000", "=A1+1"));
        book.LibreOffice = new Officina.OpenXml.LibreOffice.LibreOfficeRunner(Path.Combine(_folder, "no-soffice"));

        var error = await Cancellation.WhileRunningAsync((started, token) =>
        {
            started();
            book.VerifyAsync(token).GetAwaiter().GetResult();
        }, ShortWhile);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    /// <summary>A header (Label, Parity) and <paramref name="rows"/> - 1 data rows: a label and odd/even.</summary>
    private static WorkbookSession Rows(int rows)
    {
        var values = new CellValue[rows][];
        values[0] = [CellValue.FromText("Label"), CellValue.FromText("Parity")];
        for (var r = 1; r < rows; r++)
        {
            values[r] = [CellValue.FromText($"row {r:D6}"), CellValue.FromText(r % 2 == 1 ? "odd" : "even")];
        }

        var book = WorkbookSession.Create();
        Assert.True(book.Execute(new SetValues($"Sheet1!A1:B{rows}", values)).Succeeded);
        return book;
    }

    private (string Path, byte[] Bytes) Save(string name, WorkbookSession book)
    {
        using (book)
        {
            var path = Path.Combine(_folder, name);
            var bytes = book.ToArray();
            File.WriteAllBytes(path, bytes);
            return (path, bytes);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
