using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.Excel.Inspection;

/// <summary>A compact text digest of a workbook for a model to plan from.</summary>
public static class WorkbookDigest
{
    public static string Create(WorkbookSession session, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 100);
        var builder = new StringBuilder();
        builder.AppendLine($"Workbook: {session.Sheets.Count} sheet(s)");
        foreach (var entry in session.Sheets)
        {
            if (entry.Part is not WorksheetPart)
            {
                builder.AppendLine($"- Sheet '{entry.Name}' (chart sheet)");
                continue;
            }

            if (session.StreamedContent(entry.Part) is { } streamed)
            {
                builder.AppendLine($"- Sheet '{entry.Name}': used range {streamed.Range(entry.Name).Reference} (imported from source '{streamed.Source}', streamed into the file at save)");
                continue;
            }

            var used = session.Sheet(entry.Name)!.UsedRange();
            builder.AppendLine($"- Sheet '{entry.Name}': used range {used?.Reference ?? "(empty)"}");
        }

        return builder.ToString();
    }
}
