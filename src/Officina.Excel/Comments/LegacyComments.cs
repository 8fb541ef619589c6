using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;

namespace Officina.Excel.Comments;

/// <summary>
/// A worksheet's notes as Excel writes them: the comments part (authors and rich text) and
/// the VML drawing that holds one hidden note shape per comment (<c>x:ClientData
/// ObjectType="Note"</c> with 0-based Row and Column). A sheet's existing comments part and
/// VML drawing are reused, so its other notes and form controls survive.
/// </summary>
public sealed class LegacyComments(WorkbookPart workbookPart, WorksheetPart sheetPart)
{
    private static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    private static readonly XNamespace O = "urn:schemas-microsoft-com:office:office";
    private static readonly XNamespace X = "urn:schemas-microsoft-com:office:excel";

    /// <summary>Why a comment cannot be added to <paramref name="cell"/>, or null.</summary>
    public string? Problem(CellAddress cell)
    {
        var threaded = sheetPart.WorksheetThreadedCommentsParts
            .SelectMany(p => p.ThreadedComments?.Elements<DocumentFormat.OpenXml.Office2019.Excel.ThreadedComments.ThreadedComment>() ?? [])
            .Any(c => string.Equals(c.Ref?.Value, cell.A1, StringComparison.OrdinalIgnoreCase));
        if (threaded)
        {
            return $"{cell.A1} holds a threaded comment (a conversation); reply to it in Excel rather than replacing it with a note.";
        }

        if (ExistingVml() is { } part)
        {
            try
            {
                Load(part);
            }
            catch (XmlException ex)
            {
                return $"The sheet's legacy drawing ({part.Uri}) is not well-formed XML, so a note cannot be added without risking its other shapes: {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>The comment text at a cell as Excel shows it, or null.</summary>
    public string? TextAt(CellAddress cell) => Find(cell)?.CommentText?.InnerText;

    /// <summary>Writes the note; returns true when it replaced an existing one.</summary>
    public bool Set(CellAddress cell, string text, string author)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(author);
        var commentsPart = sheetPart.WorksheetCommentsPart ?? sheetPart.AddNewPart<WorksheetCommentsPart>();
        var comments = commentsPart.Comments ??= new DocumentFormat.OpenXml.Spreadsheet.Comments(new Authors(), new CommentList());
        var authors = comments.Authors ??= comments.PrependChild(new Authors());
        var list = comments.CommentList ??= comments.InsertAfter(new CommentList(), authors)!;
        var authorId = authors.Elements<Author>().Select((a, i) => (a.Text, i)).FirstOrDefault(a => a.Text == author).i;
        if (!authors.Elements<Author>().Any(a => a.Text == author))
        {
            authors.AppendChild(new Author(author));
            authorId = authors.Elements<Author>().Count() - 1;
        }

        var existing = Find(cell);
        existing?.Remove();
        var comment = new Comment(RichText(text, author)) { Reference = cell.A1, AuthorId = (uint)authorId, ShapeId = 0 };
        var after = list.Elements<Comment>().FirstOrDefault(c => CellAddress.TryParse(c.Reference?.Value, out var a) && (a.Row, a.Column).CompareTo((cell.Row, cell.Column)) > 0);
        if (after is null)
        {
            list.AppendChild(comment);
        }
        else
        {
            list.InsertBefore(comment, after);
        }

        AddShape(cell);
        return existing is not null;
    }

    private Comment? Find(CellAddress cell) =>
        sheetPart.WorksheetCommentsPart?.Comments?.CommentList?.Elements<Comment>()
            .FirstOrDefault(c => string.Equals(c.Reference?.Value, cell.A1, StringComparison.OrdinalIgnoreCase));

    /// <summary>Excel's note text: the author in bold on the first line, then the text, in 9pt Tahoma.</summary>
    private static CommentText RichText(string text, string author)
    {
        static RunProperties Properties(bool bold)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.AppendChild(new Bold());
            }

            properties.Append(new FontSize { Val = 9 }, new Color { Indexed = 81 }, new RunFont { Val = "Tahoma" }, new FontFamily { Val = 2 });
            return properties;
        }

        return new CommentText(
            new Run(Properties(bold: true), new Text(author + ":")),
            new Run(Properties(bold: false), new Text("\n" + text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
    }

    private VmlDrawingPart? ExistingVml()
    {
        var id = sheetPart.Worksheet.GetFirstChild<LegacyDrawing>()?.Id?.Value;
        return id is not null && sheetPart.TryGetPartById(id, out var part) ? part as VmlDrawingPart : null;
    }

    private void AddShape(CellAddress cell)
    {
        var part = ExistingVml();
        XDocument vml;
        if (part is null)
        {
            vml = NewDrawing(NextIdBlock());
            part = sheetPart.AddNewPart<VmlDrawingPart>();
            var legacy = new LegacyDrawing { Id = sheetPart.GetIdOfPart(part) };
            WorksheetLayout.Insert(sheetPart.Worksheet, legacy);
        }
        else
        {
            vml = Load(part);
        }

        var root = vml.Root!;
        var notes = root.Elements(V + "shape").Where(s => (string?)s.Element(X + "ClientData")?.Attribute("ObjectType") == "Note").ToList();
        var hasShape = notes.Any(s => (int?)s.Element(X + "ClientData")?.Element(X + "Row") == cell.Row - 1
            && (int?)s.Element(X + "ClientData")?.Element(X + "Column") == cell.Column - 1);
        if (!hasShape)
        {
            if (!root.Elements(V + "shapetype").Any(t => (string?)t.Attribute("id") == "_x0000_t202"))
            {
                var layout = root.Element(O + "shapelayout");
                if (layout is null)
                {
                    root.AddFirst(ShapeType());
                }
                else
                {
                    layout.AddAfterSelf(ShapeType());
                }
            }

            root.Add(NoteShape(cell, NextShapeId(root), notes.Count + 1));
        }

        Save(part, vml);
    }

    /// <summary>Shape ids live in 1024-wide blocks named by the drawing's o:idmap; a new drawing takes the next free block.</summary>
    private int NextIdBlock()
    {
        var used = 0;
        foreach (var vmlPart in workbookPart.WorksheetParts.SelectMany(w => w.VmlDrawingParts))
        {
            try
            {
                var data = (string?)Load(vmlPart).Root?.Element(O + "shapelayout")?.Element(O + "idmap")?.Attribute("data") ?? "";
                foreach (var block in data.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    used = Math.Max(used, int.TryParse(block, CultureInfo.InvariantCulture, out var b) ? b : 0);
                }
            }
            catch (XmlException)
            {
                // An unreadable drawing elsewhere only means its block is unknown; take one well past it.
                used += 1;
            }
        }

        return used + 1;
    }

    private static int NextShapeId(XElement root)
    {
        var max = root.Descendants().Select(e => (string?)e.Attribute("id") ?? "")
            .Where(id => id.StartsWith("_x0000_s", StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(8), CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        if (max > 0)
        {
            return max + 1;
        }

        var block = ((string?)root.Element(O + "shapelayout")?.Element(O + "idmap")?.Attribute("data") ?? "1").Split(',')[0];
        return (int.TryParse(block, CultureInfo.InvariantCulture, out var b) ? b : 1) * 1024 + 1;
    }

    private static XDocument NewDrawing(int block) => new(new XElement("xml",
        new XAttribute(XNamespace.Xmlns + "v", V), new XAttribute(XNamespace.Xmlns + "o", O), new XAttribute(XNamespace.Xmlns + "x", X),
        new XElement(O + "shapelayout", new XAttribute(V + "ext", "edit"),
            new XElement(O + "idmap", new XAttribute(V + "ext", "edit"), new XAttribute("data", block.ToString(CultureInfo.InvariantCulture)))),
        ShapeType()));

    private static XElement ShapeType() => new(V + "shapetype",
        new XAttribute("id", "_x0000_t202"), new XAttribute("coordsize", "21600,21600"), new XAttribute(O + "spt", "202"),
        new XAttribute("path", "m,l,21600r21600,l21600,xe"),
        new XElement(V + "stroke", new XAttribute("joinstyle", "miter")),
        new XElement(V + "path", new XAttribute("gradientshapeok", "t"), new XAttribute(O + "connecttype", "rect")));

    /// <summary>A hidden note beside its cell, anchored like Excel anchors a new one (one column right, spanning two columns and four rows).</summary>
    private static XElement NoteShape(CellAddress cell, int id, int z)
    {
        var row = cell.Row - 1;
        var column = cell.Column - 1;
        var top = Math.Max(row - 1, 0);
        var inv = CultureInfo.InvariantCulture;
        var style = string.Create(inv, $"position:absolute;margin-left:{(column + 1) * 48 + 11.25}pt;margin-top:{top * 15 + 1.5}pt;width:108pt;height:59.25pt;z-index:{z};visibility:hidden");
        return new XElement(V + "shape",
            new XAttribute("id", string.Create(inv, $"_x0000_s{id}")), new XAttribute("type", "#_x0000_t202"), new XAttribute("style", style),
            new XAttribute("fillcolor", "#ffffe1"), new XAttribute(O + "insetmode", "auto"),
            new XElement(V + "fill", new XAttribute("color2", "#ffffe1")),
            new XElement(V + "shadow", new XAttribute("color", "black"), new XAttribute("obscured", "t")),
            new XElement(V + "path", new XAttribute(O + "connecttype", "none")),
            new XElement(V + "textbox", new XAttribute("style", "mso-direction-alt:auto"), new XElement("div", new XAttribute("style", "text-align:left"), "")),
            new XElement(X + "ClientData", new XAttribute("ObjectType", "Note"),
                new XElement(X + "MoveWithCells"), new XElement(X + "SizeWithCells"),
                new XElement(X + "Anchor", string.Create(inv, $"{column + 1}, 15, {top}, 10, {column + 3}, 15, {top + 4}, 4")),
                new XElement(X + "AutoFill", "False"),
                new XElement(X + "Row", row.ToString(inv)),
                new XElement(X + "Column", column.ToString(inv))));
    }

    internal static XDocument Load(VmlDrawingPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    internal static void Save(VmlDrawingPart part, XDocument vml)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            vml.Save(writer);
        }

        buffer.Position = 0;
        part.FeedData(buffer);
    }
}
