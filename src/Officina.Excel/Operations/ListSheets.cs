using System.ComponentModel;
using System.Text;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Lists the sheets in tab order with their used ranges and visibility.</summary>
[Operation("list_sheets", "List sheets with their used ranges.")]
[Description("List sheets in tab order with used ranges and visibility.")]
public sealed record ListSheets : ReadOperation<WorkbookSession>
{
    public override Observation Read(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        var data = new List<object>();
        foreach (var entry in session.Sheets)
        {
            var streamed = session.StreamedContent(entry.Part);
            var used = streamed is not null ? streamed.Range(entry.Name).Reference + $" (imported from source '{streamed.Source}', streamed into the file at save)"
                : entry.IsWorksheet ? session.Sheet(entry.Name)!.UsedRange()?.Reference : null;
            var kind = entry.IsWorksheet ? "worksheet" : "chart sheet";
            text.AppendLine($"{entry.Position + 1}. '{entry.Name}' ({kind}{(entry.State == "visible" ? "" : ", " + entry.State)}): {used ?? "empty"}");
            data.Add(new { name = entry.Name, position = entry.Position + 1, kind, state = entry.State, used_range = used });
        }

        return new Observation("list_sheets", "workbook", text.ToString(), data);
    }
}
