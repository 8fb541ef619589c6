namespace Officina.PowerPoint.Operations;

/// <summary>Horizontal alignment of a paragraph.</summary>
public enum TextAlignment
{
    Left,
    Center,
    Right,
    Justify,
    Distributed,
}

/// <summary>A paragraph's list marker: none, a bullet (•) or a number (1. 2. 3.).</summary>
public enum BulletStyle
{
    None,
    Bullet,
    Numbered,
}

/// <summary>What a text frame does with text that does not fit: nothing, shrink the text, or grow the shape.</summary>
public enum TextAutofit
{
    None,
    ShrinkText,
    ResizeShape,
}

/// <summary>Where text sits vertically in its frame.</summary>
public enum TextAnchor
{
    Top,
    Middle,
    Bottom,
}
