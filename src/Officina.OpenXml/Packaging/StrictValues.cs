using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// The attribute values Strict Open XML writes in a form Transitional readers do not parse
/// (ISO/IEC 29500-1 Strict vs 29500-4): percentages as text ("50%") where Transitional has
/// thousandths of a percent (50000) in DrawingML and PresentationML, or whole percent (50) in
/// a chart's gap, overlap, hole and scale settings; and universal measures ("12pt", "2.5cm")
/// where WordprocessingML has twips or half-points. Runs on an element already renamed to
/// its Transitional namespace; returns how many values it rewrote.
/// </summary>
internal static partial class StrictValues
{
    private static readonly HashSet<string> ThousandthsNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
        "http://schemas.openxmlformats.org/presentationml/2006/main",
    };

    /// <summary>Attributes that hold free text (a name, a tooltip, an animation value), where "50%" is just text.</summary>
    private static readonly HashSet<string> TextAttributes = new(StringComparer.Ordinal)
    {
        "name", "descr", "title", "tooltip", "by", "from", "to", "fmla", "typeface", "formatCode", "action", "tgtFrame", "invalidUrl", "uri",
    };

    private const string Chart = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private static readonly HashSet<string> ChartPercentElements = new(StringComparer.Ordinal)
    {
        "gapWidth", "overlap", "holeSize", "secondPieSize", "bubbleScale", "hPercent", "depthPercent",
    };

    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>WordprocessingML elements whose measure is in half-points (ST_HpsMeasure); the others are in twips.</summary>
    private static readonly HashSet<string> HalfPointElements = new(StringComparer.Ordinal) { "sz", "szCs", "kern", "position" };

    [GeneratedRegex(@"^\s*(-?\d+(?:\.\d+)?)%\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"^\s*(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UniversalMeasure();

    public static int Convert(XElement element)
    {
        var ns = element.Name.NamespaceName;
        var changed = 0;
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var converted = ns switch
            {
                Chart when ChartPercentElements.Contains(element.Name.LocalName) => Percent(attribute.Value, 1),
                Word when attribute.Name.NamespaceName == Word => Measure(attribute.Value, HalfPointElements.Contains(element.Name.LocalName) ? 2 : 20),
                _ when ThousandthsNamespaces.Contains(ns) && !TextAttributes.Contains(attribute.Name.LocalName) && element.Name.LocalName != "strVal"
                    => Percent(attribute.Value, 1000),
                _ => null,
            };

            if (converted is not null)
            {
                attribute.Value = converted;
                changed++;
            }
        }

        return changed;
    }

    private static string? Percent(string value, double scale)
    {
        var match = Percentage().Match(value);
        return match.Success
            ? Math.Round(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * scale).ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A universal measure in units of which <paramref name="unitsPerPoint"/> make a point (20 for twips, 2 for half-points).</summary>
    private static string? Measure(string value, int unitsPerPoint)
    {
        var match = UniversalMeasure().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var points = match.Groups[2].Value switch
        {
            "mm" => number * 72 / 25.4,
            "cm" => number * 72 / 2.54,
            "in" => number * 72,
            "pt" => number,
            _ => number * 12, // pc and pi: picas
        };

        return Math.Round(points * unitsPerPoint).ToString(CultureInfo.InvariantCulture);
    }
}
