using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

/// <summary>What an operation on one sheet must leave alone: every part, defined names, and the XML of the other sheets and of charts.</summary>
internal sealed record PackageSurvey(string[] Parts, string[] Names, Dictionary<string, string> Untouched)
{
    public static PackageSurvey Of(WorkbookSession book, string editedSheet)
    {
        var untouched = new Dictionary<string, string>();
        foreach (var part in book.Document.GetAllParts())
        {
            var isEdited = part is WorksheetPart && book.Sheets.Any(s => s.Part == part && s.Name == editedSheet);
            if (!isEdited && part is WorksheetPart or ChartPart or ChartsheetPart or DrawingsPart or PivotTableCacheDefinitionPart or PivotTablePart or TableDefinitionPart)
            {
                untouched[part.Uri.ToString()] = Normalized(part.RootElement?.OuterXml ?? "<empty/>");
            }
        }

        return new(
            [.. book.Document.GetAllParts().Select(p => p.Uri.ToString()).Order(StringComparer.Ordinal)],
            [.. book.Workbook.DefinedNames?.Elements<DefinedName>().Select(n => n.OuterXml) ?? []],
            untouched);
    }

    /// <summary>The XML with namespace declarations dropped and attributes sorted, so only meaning is compared.</summary>
    private static string Normalized(string xml)
    {
        var root = System.Xml.Linq.XElement.Parse(xml);
        foreach (var element in root.DescendantsAndSelf())
        {
            var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal).ToList();
            element.ReplaceAttributes(attributes);
        }

        return root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 160));

    public void AssertKeptBy(WorkbookSession reopened)
    {
        var after = Of(reopened, "\u0000");
        Assert.Equal(Parts, after.Parts);
        Assert.Equal(Names, after.Names);
        foreach (var (uri, xml) in Untouched)
        {
            Assert.True(after.Untouched.ContainsKey(uri), $"{uri} is gone.");
            var now = after.Untouched[uri];
            var at = Enumerable.Range(0, Math.Min(now.Length, xml.Length)).FirstOrDefault(i => now[i] != xml[i], Math.Min(now.Length, xml.Length));
            Assert.True(now == xml, $"{uri} changed at {at}: was '{Around(xml, at)}', now '{Around(now, at)}'.");
        }
    }
}
