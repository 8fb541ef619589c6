using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Word.Paragraphs;

namespace Officina.Word.Formatting;

/// <summary>Which pages a header or footer is for.</summary>
public enum HeaderFooterKind
{
    /// <summary>Every page (or odd pages when even pages have their own).</summary>
    Default,

    /// <summary>The first page of each section (turns on "different first page").</summary>
    First,

    /// <summary>Even pages (turns on "different odd and even pages").</summary>
    Even,
}

/// <summary>
/// Writes the text of headers or footers into every section: an existing header/footer part of
/// that kind is rewritten in place, otherwise a new part is made and referenced from each
/// section. <c>{page}</c> and <c>{pages}</c> in the text become PAGE and NUMPAGES fields.
/// </summary>
public static partial class HeaderFooterWriter
{
    public static int Write(WordSession session, bool footer, string text, HeaderFooterKind kind)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        var main = session.MainPart;
        var type = kind switch
        {
            HeaderFooterKind.First => HeaderFooterValues.First,
            HeaderFooterKind.Even => HeaderFooterValues.Even,
            _ => HeaderFooterValues.Default,
        };
        var sections = session.Body.Descendants<SectionProperties>().ToList();
        if (sections.Count == 0)
        {
            var section = new SectionProperties();
            session.Body.AppendChild(section);
            sections.Add(section);
        }

        var rewritten = new HashSet<OpenXmlPart>();
        OpenXmlPart? created = null;
        foreach (var section in sections)
        {
            var reference = footer
                ? (HeaderFooterReferenceType?)section.Elements<FooterReference>().FirstOrDefault(r => r.Type?.Value == type || (r.Type is null && type == HeaderFooterValues.Default))
                : section.Elements<HeaderReference>().FirstOrDefault(r => r.Type?.Value == type || (r.Type is null && type == HeaderFooterValues.Default));
            if (reference?.Id?.Value is { } relId && main.TryGetPartById(relId, out var existing))
            {
                if (rewritten.Add(existing))
                {
                    Fill(session, existing, footer, text);
                }

                continue;
            }

            if (created is null)
            {
                created = footer ? main.AddNewPart<FooterPart>() : main.AddNewPart<HeaderPart>();
                Fill(session, created, footer, text);
            }

            var id = main.GetIdOfPart(created);
            HeaderFooterReferenceType added = footer ? new FooterReference { Type = type, Id = id } : new HeaderReference { Type = type, Id = id };
            var after = footer
                ? section.Elements<HeaderReference>().Cast<OpenXmlElement>().Concat(section.Elements<FooterReference>()).LastOrDefault()
                : section.Elements<HeaderReference>().LastOrDefault();
            if (after is null)
            {
                section.PrependChild(added);
            }
            else
            {
                after.InsertAfterSelf(added);
            }

            if (kind == HeaderFooterKind.First && section.GetFirstChild<TitlePage>() is null)
            {
                var before = section.ChildElements.FirstOrDefault(c => c is TextDirection or BiDi or GutterOnRight or DocGrid or PrinterSettingsReference or SectionPropertiesChange);
                if (before is null)
                {
                    section.AppendChild(new TitlePage());
                }
                else
                {
                    before.InsertBeforeSelf(new TitlePage());
                }
            }
        }

        if (kind == HeaderFooterKind.Even)
        {
            var settings = main.DocumentSettingsPart?.Settings;
            if (settings is not null && settings.GetFirstChild<EvenAndOddHeaders>() is null)
            {
                settings.AddChild(new EvenAndOddHeaders());
            }
        }

        return sections.Count;
    }

    private static void Fill(WordSession session, OpenXmlPart part, bool footer, string text)
    {
        OpenXmlPartRootElement root = footer
            ? ((FooterPart)part).Footer ??= new Footer()
            : ((HeaderPart)part).Header ??= new Header();
        var styleId = session.Styles.Find(footer ? "Footer" : "Header")?.Id;
        var old = root.Elements<Paragraph>().ToList();
        if (session.TrackChanges)
        {
            foreach (var paragraph in old)
            {
                session.Revisions.MarkParagraphDeleted(paragraph);
            }
        }
        else
        {
            foreach (var element in root.ChildElements.Where(e => e is Paragraph or Table or SdtBlock).ToList())
            {
                element.Remove();
            }
        }

        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var paragraph = new Paragraph();
            if (styleId is not null)
            {
                paragraph.AppendChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
            }

            var at = 0;
            foreach (Match field in Field().Matches(line))
            {
                AddText(paragraph, line[at..field.Index]);
                var name = field.Value.Equals("{pages}", StringComparison.OrdinalIgnoreCase) ? "NUMPAGES" : "PAGE";
                paragraph.AppendChild(new SimpleField(new Run(new Text("1"))) { Instruction = $" {name} " });
                at = field.Index + field.Length;
            }

            AddText(paragraph, line[at..]);
            root.AppendChild(paragraph);
            if (session.TrackChanges)
            {
                session.Revisions.MarkParagraphInserted(paragraph);
            }
        }
    }

    private static void AddText(Paragraph paragraph, string text)
    {
        if (text.Length > 0)
        {
            var run = new Run();
            RunSplitter.AppendText(run, text);
            paragraph.AppendChild(run);
        }
    }

    [GeneratedRegex(@"\{pages?\}", RegexOptions.IgnoreCase)]
    private static partial Regex Field();
}
