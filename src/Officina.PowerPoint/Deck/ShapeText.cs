using System.Text;
using DocumentFormat.OpenXml;
using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>Reads and writes the text of shapes and table cells, keeping the formatting of what is replaced.</summary>
public static class ShapeText
{
    /// <summary>The shape's text body (<c>p:txBody</c>), or null for shapes without text.</summary>
    public static P.TextBody? Body(OpenXmlElement shape) => shape is P.Shape s ? s.TextBody : null;

    /// <summary>The text of one paragraph: runs, fields and line breaks (as \n).</summary>
    public static string Of(A.Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var text = new StringBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case A.Run run:
                    text.Append(run.Text?.Text);
                    break;
                case A.Field field:
                    text.Append(field.Text?.Text);
                    break;
                case A.Break:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The list level of a paragraph, 1-based.</summary>
    public static int LevelOf(A.Paragraph paragraph) => (paragraph?.ParagraphProperties?.Level?.Value ?? 0) + 1;

    /// <summary>Every paragraph's text in a shape; table cells are read row by row as "a | b | c".</summary>
    public static IReadOnlyList<string> Paragraphs(OpenXmlElement shape)
    {
        if (Body(shape) is { } body)
        {
            return [.. body.Elements<A.Paragraph>().Select(Of)];
        }

        if (shape is P.GraphicFrame frame && frame.Descendants<A.Table>().FirstOrDefault() is { } table)
        {
            return [.. table.Elements<A.TableRow>().Select(r => string.Join(" | ", r.Elements<A.TableCell>().Select(CellText)))];
        }

        return [];
    }

    public static string CellText(A.TableCell cell) =>
        string.Join("\n", cell?.TextBody?.Elements<A.Paragraph>().Select(Of) ?? []);

    /// <summary>All the shape's text, paragraphs joined by newlines.</summary>
    public static string Text(OpenXmlElement shape) => string.Join("\n", Paragraphs(shape));

    /// <summary>
    /// Replaces the paragraphs of <paramref name="body"/> (a <c>p:txBody</c> or <c>a:txBody</c>)
    /// with <paramref name="paragraphs"/>. The first old paragraph's properties and first run's
    /// character formatting carry over to the new text; body properties and list styles stay.
    /// </summary>
    public static void SetParagraphs(OpenXmlCompositeElement body, IReadOnlyList<TextParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var old = body.Elements<A.Paragraph>().ToList();
        var paragraphTemplate = old.Select(p => p.ParagraphProperties).FirstOrDefault(p => p is not null);
        var runTemplate = old.SelectMany(p => p.Elements<A.Run>()).Select(r => r.RunProperties).FirstOrDefault(r => r is not null)
            ?? old.Select(p => p.GetFirstChild<A.EndParagraphRunProperties>()).Where(e => e is not null)
                .Select(e => Retype<A.RunProperties>(e!))
                .FirstOrDefault();
        foreach (var paragraph in old)
        {
            paragraph.Remove();
        }

        var lines = paragraphs.SelectMany(p => (p.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => (line, p.Level ?? 1))).ToList();
        if (lines.Count == 0)
        {
            lines.Add(("", 1));
        }

        foreach (var (line, level) in lines)
        {
            body.AppendChild(NewParagraph(line, level, paragraphTemplate, runTemplate));
        }
    }

    /// <summary>A paragraph holding <paramref name="text"/> at 1-based <paramref name="level"/>, formatted like the templates.</summary>
    public static A.Paragraph NewParagraph(string text, int level, A.ParagraphProperties? paragraphTemplate = null, A.RunProperties? runTemplate = null)
    {
        var paragraph = new A.Paragraph();
        var properties = (A.ParagraphProperties?)paragraphTemplate?.CloneNode(true);
        if (level > 1)
        {
            properties ??= new A.ParagraphProperties();
            properties.Level = level - 1;
        }
        else if (properties is not null)
        {
            properties.Level = null;
        }

        if (properties is not null && (properties.HasAttributes || properties.HasChildren))
        {
            paragraph.AppendChild(properties);
        }

        var runProperties = (A.RunProperties?)runTemplate?.CloneNode(true) ?? new A.RunProperties { Language = "en-US" };
        runProperties.Dirty = null;
        if (text.Length > 0)
        {
            paragraph.AppendChild(new A.Run(runProperties, new A.Text(text)));
        }
        else
        {
            paragraph.AppendChild(Retype<A.EndParagraphRunProperties>(runProperties));
        }

        return paragraph;
    }

    /// <summary>Character properties of one kind (<c>a:rPr</c>, <c>a:endParaRPr</c>, <c>a:defRPr</c>) copied into another.</summary>
    public static T Retype<T>(OpenXmlCompositeElement source)
        where T : OpenXmlCompositeElement, new()
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = new T();
        target.SetAttributes(source.GetAttributes());
        foreach (var child in source.ChildElements)
        {
            target.AppendChild(child.CloneNode(true));
        }

        return target;
    }
}
