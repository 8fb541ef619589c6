using System.Collections;
using System.Globalization;
using System.Xml;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Checks, during <see cref="PartScan"/>'s one streaming pass, that a worksheet's rows and cells
/// are numbered within Excel's grid (rows 1 to 1,048,576, columns A to XFD) and that no row
/// is listed twice. The SDK reads a row number as an unsigned 32-bit value and throws on
/// anything else, and every reader of cells assumes the grid, so a number past it (a hostile
/// <c>r="99999999999"</c>, a negative one, a reference that is no A1 at all) is refused here,
/// with the part and line, before anything reads the sheet.
/// </summary>
internal sealed class SheetGrid
{
    public const int MaxRow = 1_048_576;
    public const int MaxColumn = 16_384;

    private static readonly HashSet<string> SpreadsheetNamespaces =
    [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ];

    private readonly string _part;
    private BitArray? _seen;
    private int _previousRow;

    private SheetGrid(string part)
    {
        _part = part;
    }

    /// <summary>A check for the part whose root element the reader is on, or null when the part holds no sheet cells.</summary>
    public static SheetGrid? For(XmlReader root, string part) =>
        root.LocalName is "worksheet" or "macrosheet" or "dialogsheet" ? new SheetGrid(part) : null;

    /// <summary>Checks the element the reader is on; the reader stays where it is.</summary>
    public void Check(XmlReader reader)
    {
        // worksheet (0) > sheetData (1) > row (2) > c (3)
        if (reader.Depth == 2 && reader.LocalName == "row" && SpreadsheetNamespaces.Contains(reader.NamespaceURI))
        {
            CheckRow(reader);
        }
        else if (reader.Depth == 3 && reader.LocalName == "c" && SpreadsheetNamespaces.Contains(reader.NamespaceURI)
            && reader.GetAttribute("r") is { Length: > 0 } reference && !IsCellInGrid(reference))
        {
            throw Refuse(reader, $"has a cell at '{Shown(reference)}', which is not a cell of Excel's grid (A1 to XFD1048576)");
        }
    }

    private void CheckRow(XmlReader reader)
    {
        int row;
        if (reader.GetAttribute("r") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out row) || row is < 1 or > MaxRow)
            {
                throw Refuse(reader, $"numbers a row '{Shown(text)}', but rows are numbered 1 to 1,048,576");
            }
        }
        else
        {
            row = _previousRow + 1;
            if (row > MaxRow)
            {
                throw Refuse(reader, "has more rows than the 1,048,576 a sheet can hold");
            }
        }

        _seen ??= new BitArray(MaxRow + 1);
        if (_seen[row])
        {
            throw new DocumentRejectedException("duplicate_row",
                $"The worksheet part '{_part}' lists row {row} twice (line {Line(reader)}); Excel would have to repair it, and which one holds the cells is unclear, so the file is refused.");
        }

        _seen[row] = true;
        _previousRow = row;
    }

    private DocumentRejectedException Refuse(XmlReader reader, string what) =>
        new("bad_cell_reference", $"The worksheet part '{_part}' {what} (line {Line(reader)}); the workbook is damaged.");

    /// <summary>Whether <paramref name="reference"/> is a cell such as <c>B12</c> within A1:XFD1048576.</summary>
    internal static bool IsCellInGrid(ReadOnlySpan<char> reference)
    {
        var letters = 0;
        var column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return false;
            }
        }

        var digits = reference[letters..];
        return letters > 0 && column <= MaxColumn && digits.Length is > 0 and <= 7 && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row <= MaxRow;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;
}
