using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;
using Officina.Operations;
using Officina.Sources;
using Officina.Sources.Office;

namespace Officina.Cli.Evals;

/// <summary>The outcome of one check: passed or not, and what was found when not.</summary>
public sealed record CheckResult(string Check, bool Passed, string? Detail);

/// <summary>Runs a task's checks on the output file, as a user would check it: reopened from disk.</summary>
internal static class EvalChecks
{
    public static IReadOnlyList<CheckResult> Run(EvalTask task, string outputPath, VerificationReport verification)
    {
        var results = new List<CheckResult>();
        using var book = task.HostKind == DocumentHost.Excel ? WorkbookSession.Open(outputPath) : null;
        string? allText = null;
        foreach (var check in task.Checks)
        {
            CheckResult result;
            try
            {
                result = check.Check switch
                {
                    "cell_value" => CellValue(check, book!),
                    "formula_present" => FormulaPresent(check, book!),
                    "sheet_exists" => Result(check, book!.Sheets.Any(s => string.Equals(s.Name, check.Sheet, StringComparison.OrdinalIgnoreCase)), $"sheets: {string.Join(", ", book.Sheets.Select(s => s.Name))}"),
                    "chart_exists" => ChartExists(check, book!),
                    "no_verification_errors" => Result(check, !verification.HasErrors, string.Join("; ", verification.Findings.Where(f => f.Severity == FindingSeverity.Error).Take(3))),
                    "slide_count" => SlideCount(check, outputPath),
                    "text_present" => TextPresent(check, allText ??= Text(outputPath)),
                    _ => new CheckResult(check.ToString(), false, $"unknown check '{check.Check}'"),
                };
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or FormatException or SourceRejectedException)
            {
                result = new CheckResult(check.ToString(), false, ex.Message);
            }

            results.Add(result);
        }

        return results;
    }

    private static CheckResult Result(EvalCheck check, bool passed, string? detail) => new(check.ToString(), passed, passed ? null : detail);

    private static CheckResult CellValue(EvalCheck check, WorkbookSession book)
    {
        var (range, sheet) = book.Resolve(check.Cell!);
        var value = sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn));
        var expected = check.Expected ?? throw new ArgumentException("cell_value needs 'equals'.");
        var passed = expected.ValueKind switch
        {
            JsonValueKind.Number => value.Kind == CellValueKind.Number && Math.Abs(value.Number - expected.GetDouble()) <= (check.Tolerance ?? 1e-9 * Math.Max(1, Math.Abs(expected.GetDouble()))),
            JsonValueKind.True or JsonValueKind.False => value.Kind == CellValueKind.Boolean && string.Equals(value.ToString(), expected.GetBoolean().ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Null => value.Kind == CellValueKind.Empty,
            _ => string.Equals(value.ToString(), expected.GetString(), StringComparison.Ordinal),
        };
        return Result(check, passed, $"{check.Cell} is {(value.Kind == CellValueKind.Empty ? "empty" : value.ToString())}, expected {expected.GetRawText()}");
    }

    private static CheckResult FormulaPresent(EvalCheck check, WorkbookSession book)
    {
        var (range, sheet) = book.Resolve(check.Cell!);
        var formula = sheet.FormulaOf(sheet.FindCell(range.FirstRow, range.FirstColumn), range.TopLeft);
        var passed = formula is not null && (check.Contains is null || formula.Contains(check.Contains, StringComparison.OrdinalIgnoreCase));
        return Result(check, passed, formula is null ? $"{check.Cell} has no formula" : $"{check.Cell} is {formula}, expected it to contain {check.Contains}");
    }

    private static CheckResult ChartExists(EvalCheck check, WorkbookSession book)
    {
        var sheets = book.Sheets.Where(s => check.Sheet is null || string.Equals(s.Name, check.Sheet, StringComparison.OrdinalIgnoreCase));
        var passed = sheets.Any(s => s.Part is WorksheetPart part && part.DrawingsPart?.ChartParts.Any() == true);
        return Result(check, passed, check.Sheet is null ? "no sheet has a chart" : $"sheet {check.Sheet} has no chart");
    }

    private static CheckResult SlideCount(EvalCheck check, string path)
    {
        using var deck = PresentationDocument.Open(path, false);
        var count = OfficeSourceReader.SlideTexts(deck).Count();
        return Result(check, count == check.Count, $"{count} slides, expected {check.Count}");
    }

    private static CheckResult TextPresent(EvalCheck check, string text) =>
        Result(check, text.Contains(check.Text!, StringComparison.OrdinalIgnoreCase), $"'{check.Text}' is not in the output");

    private static string Text(string path) =>
        string.Join("\n", SourceReader.Read(path, workbookTokens: 20_000).Units.Select(u => u.Text));
}
