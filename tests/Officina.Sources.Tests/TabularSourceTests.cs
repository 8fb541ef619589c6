using System.Text;
using Officina.Sources.Tabular;

namespace Officina.Sources.Tests;

public sealed class TabularSourceTests
{
    private static Func<Stream> Text(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Csv_AnchorsRowsAsSpreadsheetRows_WhenFileHasHeader()
    {
        var source = CsvSourceReader.Read("sales.csv", Text("Region,Revenue\nNorth,1200\nSouth,980\n"));

        Assert.Equal(2, source.TotalUnits);
        Assert.Equal("[row 2] North | 1200", source.Units[0].Text);
        Assert.Equal("[row 3] South | 980", source.Units[1].Text);
        Assert.Contains("header (row 1): Region | Revenue", source.Preamble, StringComparison.Ordinal);
        Assert.Contains("Revenue: 2 numbers 980..1200", source.Preamble, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SamplesRowsWithCounts_WhenFileIsLargerThanBudget()
    {
        var csv = new StringBuilder("Id;Amount\n");
        for (var i = 1; i <= 5000; i++)
        {
            csv.Append(i).Append(';').Append(i * 10).Append('\n');
        }

        var source = CsvSourceReader.Read("big.csv", Text(csv.ToString()));
        var text = source.Text(1500);

        Assert.Equal(5000, source.TotalUnits);
        Assert.Contains("5,000 data rows", text, StringComparison.Ordinal);
        Assert.Contains("Amount: 5000 numbers 10..50000", text, StringComparison.Ordinal);
        Assert.Contains("[row 2] 1 | 10", text, StringComparison.Ordinal);
        Assert.Contains("not shown", text, StringComparison.Ordinal);
        Assert.Contains("of 5,000 rows shown", text, StringComparison.Ordinal);
        Assert.True(Officina.Operations.TokenCounter.Count(text) <= 1500);
        // Sampled rows from later in the file, not only the head.
        Assert.Contains(text.Split('\n'), l => l.StartsWith("[row 4", StringComparison.Ordinal));
        Assert.Contains("[row 4001] 4000 | 40000", source.Read(4001, 4001, 100), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_FlattensLeavesToPaths()
    {
        var source = JsonSourceReader.Read("kpi.json", """{"company":"Acme","revenue":[{"year":2024,"amount":1350}],"odd key":true}""");

        Assert.Equal(
            ["[$.company] \"Acme\"", "[$.revenue[0].year] 2024", "[$.revenue[0].amount] 1350", "[[\"odd key\"]] true".Replace("[[", "[$[", StringComparison.Ordinal)],
            source.Units.Select(u => u.Text));
    }

    [Fact]
    public void Read_RejectsWithFileName_WhenJsonIsBroken()
    {
        var error = Assert.Throws<SourceRejectedException>(() => JsonSourceReader.Read("bad.json", "{\"a\": "));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }
}
