using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using Officina.Excel;
using Officina.Operations;

namespace Officina.Excel.Tests;

/// <summary>What the tests share: run ops from JSON, save and reopen, check schema validity, find assets.</summary>
internal static class Workbooks
{
    public static readonly PlanSerializer Serializer = new(ExcelOperations.Catalog);

    public static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", "xlsx", name);

    public static WorkbookSession OpenAsset(string name) => WorkbookSession.Open(Asset(name));

    /// <summary>Reads one operation from its JSON form, as a plan or a model would give it.</summary>
    public static Operation Op(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var name = (string)node["op"]!;
        node.Remove("op");
        var (operation, errors) = Serializer.ReadOperation(DocumentHost.Excel, name, node);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return operation!;
    }

    /// <summary>Executes and asserts success, returning the change or observation outcome.</summary>
    public static OperationOutcome Run(this WorkbookSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome;
    }

    /// <summary>Executes and returns the validation errors, asserting there are some.</summary>
    public static IReadOnlyList<OperationError> Fail(this WorkbookSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.False(outcome.Succeeded, "The operation was expected to fail validation.");
        return outcome.Errors;
    }

    /// <summary>Saves, reopens from the bytes, and checks the saved package adds no schema errors.</summary>
    public static WorkbookSession Reopen(this WorkbookSession session)
    {
        var baseline = session.Baseline;
        var bytes = session.ToArray();
        var reopened = WorkbookSession.Open(new MemoryStream(bytes));
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        var added = validator.Validate(reopened.Document)
            .Where(e => !baseline.Contains($"{e.Part?.Uri}|{e.Path?.XPath}|{e.Id}"))
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(added.Count == 0, "The saved workbook has new schema errors:\n" + string.Join("\n", added.Take(10)));
        return reopened;
    }

    /// <summary>The value a cell shows, as text (empty for blank cells).</summary>
    public static string Text(this WorkbookSession session, string reference)
    {
        var (range, sheet) = session.Resolve(reference);
        return sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString();
    }

    public static double Number(this WorkbookSession session, string reference)
    {
        var (range, sheet) = session.Resolve(reference);
        var value = sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn));
        Assert.True(value.Kind == CellValueKind.Number, $"{reference} holds {value.Kind} '{value}', not a number.");
        return value.Number;
    }

    public static string? Formula(this WorkbookSession session, string reference)
    {
        var (range, sheet) = session.Resolve(reference);
        return sheet.FormulaOf(sheet.FindCell(range.FirstRow, range.FirstColumn), range.TopLeft);
    }
}
