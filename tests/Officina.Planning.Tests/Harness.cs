using Officina.Excel;
using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Planning.Tests;

/// <summary>Settings pointing at the scripted server, workbook reading helpers.</summary>
internal static class Harness
{
    public static ModelSettings Settings(ScriptedModelServer server, ApiStyle style = ApiStyle.Responses, string model = "gpt-5.4") => new()
    {
        ApiKey = "test-key",
        Endpoint = server.BaseUrl,
        Model = model,
        Style = style,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        NetworkTimeout = TimeSpan.FromSeconds(30),
    };

    public static ModelLoop Loop(ScriptedModelServer server, ApiStyle style = ApiStyle.Responses, LoopLimits? limits = null, ToolLoading loading = ToolLoading.Auto) =>
        new(Settings(server, style) with { ToolLoading = loading }, ExcelOperations.Catalog, limits);

    /// <summary>Saves and reopens the working copy, as a user would open the output file.</summary>
    public static WorkbookSession Reopen(WorkbookSession session)
    {
        using var buffer = new MemoryStream();
        session.Save(buffer);
        return WorkbookSession.Open(new MemoryStream(buffer.ToArray()));
    }

    public static CellValue Value(this WorkbookSession session, string reference)
    {
        var (range, sheet) = session.Resolve(reference);
        return sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn));
    }

    public static string? Formula(this WorkbookSession session, string reference)
    {
        var (range, sheet) = session.Resolve(reference);
        return sheet.FormulaOf(sheet.FindCell(range.FirstRow, range.FirstColumn), range.TopLeft);
    }

    public static string InputText(RecordedRequest request) => request.Body["input"]!.ToJsonString();
}
