using System.Text.Json;
using Officina.Reports.Data;

namespace Officina.Reports.Tests;

public sealed class ReportDataTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_TypesCsvFields_LikeImportCsv()
    {
        var records = ReportData.Read(_files.File("d.csv", "code;amount;big;ok;day;note\n007;-12.5;1e3;true;2026-01-31;\n"));

        var fields = Assert.Single(records).Fields;
        Assert.Equal(JsonValueKind.String, fields["code"]!.GetValueKind());
        Assert.Equal("007", fields["code"]!.GetValue<string>());
        Assert.Equal(-12.5, FieldText.Number(fields["amount"]!));
        Assert.Equal(1000, FieldText.Number(fields["big"]!));
        Assert.Equal(JsonValueKind.True, fields["ok"]!.GetValueKind());
        Assert.Equal("2026-01-31", fields["day"]!.GetValue<string>());
        Assert.Null(fields["note"]);
    }

    [Fact]
    public void Read_TakesTheArray_WhenJsonIsAnObjectWithOneList()
    {
        var records = ReportData.Read(_files.File("d.json", """{"generated":"today","rows":[{"a":1},{"a":2}]}"""));

        Assert.Equal([1, 2], records.Select(r => r.Number));
    }

    [Theory]
    [InlineData("bad.json", "[{\"a\":1},", "data_json")]
    [InlineData("shape.json", "[1,2]", "data_shape")]
    [InlineData("empty.csv", "a,b\n", "data_empty")]
    [InlineData("wide.csv", "a,b\n1,2,3\n", "data_csv")]
    [InlineData("dup.csv", "a,A\n1,2\n", "data_header")]
    public void Read_RefusesData_WhenMalformed(string name, string content, string rule)
    {
        var error = Assert.Throws<ReportInputException>(() => ReportData.Read(_files.File(name, content)));

        Assert.Equal(rule, error.Rule);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesData_WhenItHasMoreRecordsThanTheLimit()
    {
        var error = Assert.Throws<ReportInputException>(() => ReportData.Read(_files.File("d.csv", "a\n1\n2\n3\n"), maxRecords: 2));

        Assert.Equal("data_limit", error.Rule);
    }
}
