using DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Styles;

/// <summary>Which sides of a cell an outline border draws.</summary>
[Flags]
public enum CellEdges
{
    None = 0,
    Left = 1,
    Right = 2,
    Top = 4,
    Bottom = 8,
    All = Left | Right | Top | Bottom,
}

/// <summary>
/// A formatting change to apply on top of existing cell formats. <see cref="Derive"/> makes a
/// new cellXfs entry from a cell's current one (never editing a shared entry), reusing
/// identical fonts, fills, borders and formats through <see cref="WorkbookStyles"/>. Null
/// members leave that aspect as it was.
/// </summary>
public sealed record StyleEdit
{
    public string? NumberFormat { get; init; }

    public bool? Bold { get; init; }

    public bool? Italic { get; init; }

    public bool? Underline { get; init; }

    /// <summary>RRGGBB.</summary>
    public string? FontColor { get; init; }

    public double? FontSize { get; init; }

    public string? FontName { get; init; }

    /// <summary>RRGGBB, or "none" to remove the fill.</summary>
    public string? FillColor { get; init; }

    public HorizontalAlignmentValues? Horizontal { get; init; }

    public VerticalAlignmentValues? Vertical { get; init; }

    public bool? WrapText { get; init; }

    public uint? Indent { get; init; }

    /// <summary>The line drawn on the sides given to <see cref="Derive"/>; <see cref="BorderStyleValues.None"/> removes borders.</summary>
    public BorderStyleValues? BorderStyle { get; init; }

    /// <summary>RRGGBB for drawn borders; null draws them in the automatic color.</summary>
    public string? BorderColor { get; init; }

    private bool ChangesFont => Bold is not null || Italic is not null || Underline is not null || FontColor is not null || FontSize is not null || FontName is not null;

    private bool ChangesAlignment => Horizontal is not null || Vertical is not null || WrapText is not null || Indent is not null;

    /// <summary>The cellXfs index of <paramref name="baseIndex"/> with this edit applied; borders go on <paramref name="edges"/>.</summary>
    public uint Derive(WorkbookStyles styles, uint baseIndex, CellEdges edges = CellEdges.All)
    {
        ArgumentNullException.ThrowIfNull(styles);
        var xf = styles.CellFormatAt(baseIndex);
        if (NumberFormat is not null)
        {
            xf.NumberFormatId = styles.NumberFormatId(NumberFormat);
            xf.ApplyNumberFormat = true;
        }

        if (ChangesFont)
        {
            xf.FontId = styles.AddFont(EditFont(styles.FontAt(xf.FontId?.Value ?? 0)));
            xf.ApplyFont = true;
        }

        if (FillColor is not null)
        {
            xf.FillId = FillColor.Equals("none", StringComparison.OrdinalIgnoreCase) ? 0 : styles.AddFill(SolidFill(FillColor));
            xf.ApplyFill = true;
        }

        if ((BorderStyle is not null && edges != CellEdges.None) || (BorderStyle is null && BorderColor is not null))
        {
            xf.BorderId = styles.AddBorder(EditBorder(styles.BorderAt(xf.BorderId?.Value ?? 0), edges));
            xf.ApplyBorder = true;
        }

        if (ChangesAlignment)
        {
            var alignment = (Alignment?)xf.Alignment?.CloneNode(true) ?? new Alignment();
            if (Horizontal is { } horizontal)
            {
                alignment.Horizontal = horizontal;
            }

            if (Vertical is { } vertical)
            {
                alignment.Vertical = vertical;
            }

            if (WrapText is { } wrap)
            {
                alignment.WrapText = wrap ? true : null;
            }

            if (Indent is { } indent)
            {
                alignment.Indent = indent == 0 ? null : indent;
                if (indent > 0 && alignment.Horizontal is null)
                {
                    alignment.Horizontal = HorizontalAlignmentValues.Left;
                }
            }

            xf.Alignment = alignment;
            xf.ApplyAlignment = true;
        }

        return styles.AddCellFormat(xf);
    }

    public static string Argb(string hex) => "FF" + hex.TrimStart('#').ToUpperInvariant();

    private Font EditFont(Font font)
    {
        var bold = Bold ?? Flag(font.Bold);
        var italic = Italic ?? Flag(font.Italic);
        var underline = Underline is { } u ? (u ? new Underline() : null) : (Underline?)font.Underline?.CloneNode(true);
        var color = FontColor is not null ? new Color { Rgb = Argb(FontColor) } : (Color?)font.Color?.CloneNode(true);
        var size = FontSize is { } s ? new FontSize { Val = s } : (FontSize?)font.FontSize?.CloneNode(true);
        var name = FontName is not null ? new FontName { Val = FontName } : (FontName?)font.FontName?.CloneNode(true);

        // A scheme font takes its face from the theme, so a new name must drop the scheme.
        var scheme = FontName is not null ? null : font.FontScheme?.CloneNode(true);
        var rebuilt = new Font();
        rebuilt.Append(new DocumentFormat.OpenXml.OpenXmlElement?[]
        {
            bold ? new Bold() : null, italic ? new Italic() : null, font.Strike?.CloneNode(true), font.Condense?.CloneNode(true),
            font.Extend?.CloneNode(true), font.Outline?.CloneNode(true), font.Shadow?.CloneNode(true), underline,
            font.VerticalTextAlignment?.CloneNode(true), size, color, name, font.FontFamilyNumbering?.CloneNode(true),
            font.FontCharSet?.CloneNode(true), scheme,
        }.OfType<DocumentFormat.OpenXml.OpenXmlElement>());
        return rebuilt;
    }

    private static bool Flag(BooleanPropertyType? property) => property is not null && (property.Val?.Value ?? true);

    private static Fill SolidFill(string hex) => new(new PatternFill(new ForegroundColor { Rgb = Argb(hex) }, new BackgroundColor { Indexed = 64 })
    {
        PatternType = PatternValues.Solid,
    });

    private Border EditBorder(Border border, CellEdges edges)
    {
        if (BorderStyle == BorderStyleValues.None)
        {
            return new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder());
        }

        border.LeftBorder = Side(border.LeftBorder, new LeftBorder(), edges.HasFlag(CellEdges.Left));
        border.RightBorder = Side(border.RightBorder, new RightBorder(), edges.HasFlag(CellEdges.Right));
        border.TopBorder = Side(border.TopBorder, new TopBorder(), edges.HasFlag(CellEdges.Top));
        border.BottomBorder = Side(border.BottomBorder, new BottomBorder(), edges.HasFlag(CellEdges.Bottom));
        border.DiagonalBorder ??= new DiagonalBorder();
        return border;
    }

    private T Side<T>(T? existing, T fresh, bool drawn)
        where T : BorderPropertiesType
    {
        if (drawn && BorderStyle is { } style)
        {
            fresh.Style = style;
            fresh.Color = BorderColor is not null ? new Color { Rgb = Argb(BorderColor) } : new Color { Indexed = 64 };
            return fresh;
        }

        var kept = (T?)existing?.CloneNode(true) ?? fresh;
        if (BorderStyle is null && BorderColor is not null && kept.Style is not null)
        {
            kept.Color = new Color { Rgb = Argb(BorderColor) };
        }

        return kept;
    }
}
