using System.IO.Compression;
using System.Text;

namespace Officina.Testing;

/// <summary>Real packages from tests/Assets with one part changed, the way hostile or damaged files differ from good ones.</summary>
internal static class HostilePackages
{
    public const string Sheet = "xl/worksheets/sheet1.xml";

    public static string Asset(string kind, string name) => Path.Combine(AppContext.BaseDirectory, "Assets", kind, name);

    public static byte[] Budget() => File.ReadAllBytes(Asset("xlsx", "simple-monthly-budget.xlsx"));

    /// <summary>The budget workbook whose first sheet holds, in an extension element, elements nested to <paramref name="depth"/> (the sheet's root is depth 0).</summary>
    public static byte[] Nested(int depth)
    {
        // worksheet (0) > extLst (1) > ext (2) > d (3) ... so depth - 2 'd' elements reach it.
        var count = depth - 2;
        var deep = new StringBuilder();
        deep.Append("""<ext uri="{0F1C2D3E-0000-4000-8000-00000000DEEP}">""");
        deep.Insert(deep.Length, """<d:n xmlns:d="urn:officina:deep">""", 1);
        deep.Insert(deep.Length, "<d:n>", count - 1);
        deep.Insert(deep.Length, "</d:n>", count);
        deep.Append("</ext></extLst></worksheet>");
        return ReplaceText(Budget(), Sheet, xml => xml.Replace("</extLst></worksheet>", deep.ToString(), StringComparison.Ordinal));
    }

    public static byte[] ReplaceText(byte[] package, string part, Func<string, string> change)
    {
        string text;
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry(part)!.Open()))
        {
            text = reader.ReadToEnd();
        }

        return Replace(package, part, new UTF8Encoding(false).GetBytes(change(text)));
    }

    public static byte[] Replace(byte[] package, string part, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var output = new MemoryStream();
        output.Write(package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)?.Delete();
            using var stream = zip.CreateEntry(part, level).Open();
            stream.Write(content);
        }

        return output.ToArray();
    }
}
