using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Paragraphs;

/// <summary>
/// The stable paragraph ids operations address: <c>w14:paraId</c>, 8 hex digits below
/// 0x80000000, unique across the document's stories. Ids a file already has are kept; missing
/// or repeated ones are assigned (deterministically, so the same input gives the same ids).
/// </summary>
public sealed class ParagraphIds(WordSession session)
{
    public const string W14Namespace = "http://schemas.microsoft.com/office/word/2010/wordml";
    public const string MarkupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private readonly Random _random = new(0x0FF1C1A);

    /// <summary>The body paragraph with <paramref name="id"/> (case-insensitive), or null.</summary>
    public Paragraph? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : session.Paragraphs.FirstOrDefault(p => string.Equals(p.ParagraphId?.Value, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The id of <paramref name="paragraph"/> (assigning one when it has none).</summary>
    public string Of(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.ParagraphId?.Value is not { Length: > 0 } id)
        {
            AssignMissing();
            id = paragraph.ParagraphId?.Value ?? "";
        }

        return id;
    }

    /// <summary>Gives every body paragraph without an id (or with one already used) a new unique id.</summary>
    public int AssignMissing()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var root in session.StoryRoots().Where(r => r is not Document))
        {
            foreach (var p in root.Descendants<Paragraph>())
            {
                if (p.ParagraphId?.Value is { } existing)
                {
                    used.Add(existing);
                }
            }
        }

        var assigned = 0;
        foreach (var paragraph in session.Body.Descendants<Paragraph>())
        {
            var id = paragraph.ParagraphId?.Value;
            if (id is null || !IsValid(id) || !used.Add(id))
            {
                paragraph.ParagraphId = New(used);
                assigned++;
            }
        }

        if (assigned > 0)
        {
            DeclareW14(session.MainPart.Document);
        }

        return assigned;
    }

    /// <summary>Declares the w14 namespace on <paramref name="root"/> and marks it ignorable for consumers that predate it.</summary>
    public static void DeclareW14(OpenXmlPartRootElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.LookupNamespace("w14") is null)
        {
            root.AddNamespaceDeclaration("w14", W14Namespace);
        }

        if (root.LookupNamespace("mc") is null)
        {
            root.AddNamespaceDeclaration("mc", MarkupCompatibilityNamespace);
        }

        var ignorable = root.MCAttributes?.Ignorable?.Value ?? "";
        if (!ignorable.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("w14"))
        {
            root.MCAttributes ??= new MarkupCompatibilityAttributes();
            root.MCAttributes.Ignorable = (ignorable + " w14").Trim();
        }
    }

    private static bool IsValid(string id) =>
        id.Length == 8 && uint.TryParse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 0x80000000;

    private HexBinaryValue New(HashSet<string> used)
    {
        while (true)
        {
            var id = _random.Next(1, int.MaxValue).ToString("X8", CultureInfo.InvariantCulture);
            if (used.Add(id))
            {
                return new HexBinaryValue(id);
            }
        }
    }
}
