using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Excel.Styles;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Colors a worksheet's tab (<c>sheetPr/tabColor rgb</c>), or with <c>none</c> removes the color.
/// The sheet's other properties (code name, outline and page setup settings) stay.
/// </summary>
[Operation("set_tab_color", "Color a sheet's tab, or remove its color.")]
public sealed record SetTabColor(
    [property: Description("Hex color RRGGBB like #C00000, or none to remove the tab color")] string Color,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSheet(Sheet, "sheet", errors, out _);
        if (!IsNone && ColorCodes.ToArgb(Color) is null)
        {
            errors.Add(new("color", "color", $"{ColorCodes.Problem(Color)} Use none to remove the tab color."));
        }

        return errors;
    }

    private bool IsNone => string.Equals(Color?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        var target = RangeAddress.QuoteSheet(sheet.SheetName);
        var properties = sheet.Worksheet.GetFirstChild<SheetProperties>();
        if (IsNone)
        {
            if (properties is not null)
            {
                properties.TabColor = null;
                if (!properties.HasChildren && !properties.HasAttributes)
                {
                    properties.Remove();
                }
            }

            return new Change("set_tab_color", target, $"Removed the tab color of '{sheet.SheetName}'");
        }

        properties ??= WorksheetLayout.Insert(sheet.Worksheet, new SheetProperties());
        var argb = ColorCodes.ToArgb(Color)!;
        properties.TabColor = new TabColor { Rgb = argb };
        return new Change("set_tab_color", target, $"Colored the tab of '{sheet.SheetName}' #{argb[2..]}");
    }
}
