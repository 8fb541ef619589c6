using System.Globalization;
using DocumentFormat.OpenXml;
using Officina.Operations;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// A colour as a plan gives it: RGB hex (<c>#1F4E79</c> or <c>1F4E79</c>) or a theme colour by
/// name (<c>accent1</c>…<c>accent6</c>, <c>text1</c>, <c>text2</c>, <c>background1</c>,
/// <c>background2</c>, <c>hyperlink</c>, <c>followed_hyperlink</c>). A theme colour is written
/// as <c>a:schemeClr</c>, so it follows the deck's theme the way PowerPoint's own theme-colour
/// swatches do; text1 and background1 map through the slide master's colour map (dark text on
/// a light background in most themes).
/// </summary>
public sealed record DrawingColor(string? Rgb, A.SchemeColorValues? Scheme, string Display)
{
    public const string Accepted = "#RRGGBB or a theme colour: accent1 to accent6, text1, text2, background1, background2, hyperlink, followed_hyperlink";

    private static readonly Dictionary<string, A.SchemeColorValues> Theme = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accent1"] = A.SchemeColorValues.Accent1,
        ["accent2"] = A.SchemeColorValues.Accent2,
        ["accent3"] = A.SchemeColorValues.Accent3,
        ["accent4"] = A.SchemeColorValues.Accent4,
        ["accent5"] = A.SchemeColorValues.Accent5,
        ["accent6"] = A.SchemeColorValues.Accent6,
        ["text1"] = A.SchemeColorValues.Text1,
        ["text2"] = A.SchemeColorValues.Text2,
        ["background1"] = A.SchemeColorValues.Background1,
        ["background2"] = A.SchemeColorValues.Background2,
        ["dark1"] = A.SchemeColorValues.Dark1,
        ["dark2"] = A.SchemeColorValues.Dark2,
        ["light1"] = A.SchemeColorValues.Light1,
        ["light2"] = A.SchemeColorValues.Light2,
        ["hyperlink"] = A.SchemeColorValues.Hyperlink,
        ["followed_hyperlink"] = A.SchemeColorValues.FollowedHyperlink,
    };

    /// <summary>True for the word that removes a fill or line instead of colouring it.</summary>
    public static bool IsNone(string? value) => string.Equals(value?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The colour <paramref name="value"/> names, or null when it is neither hex nor a theme colour.</summary>
    public static DrawingColor? Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (Theme.TryGetValue(text, out var scheme))
        {
            return new DrawingColor(null, scheme, text.ToLowerInvariant());
        }

        var hex = text.StartsWith('#') ? text[1..] : text;
        return hex.Length == 6 && hex.All(char.IsAsciiHexDigit) ? new DrawingColor(hex.ToUpperInvariant(), null, "#" + hex.ToUpperInvariant()) : null;
    }

    /// <summary>
    /// Checks <paramref name="value"/> (null passes), adding an error at <paramref name="path"/>;
    /// <paramref name="allowNone"/> also accepts "none".
    /// </summary>
    public static void Check(string? value, string path, bool allowNone, ICollection<OperationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null || (allowNone && IsNone(value)) || Parse(value) is not null)
        {
            return;
        }

        errors.Add(new(path, "color", $"{path} must be {Accepted}{(allowNone ? ", or none" : "")}. Given: '{value}'."));
    }

    /// <summary>The colour element (<c>a:srgbClr</c> or <c>a:schemeClr</c>), with an alpha when <paramref name="transparency"/> (0–100 %) is above 0.</summary>
    public OpenXmlElement Element(double? transparency = null)
    {
        OpenXmlCompositeElement color = Rgb is not null ? new A.RgbColorModelHex { Val = Rgb } : new A.SchemeColor { Val = Scheme!.Value };
        if (transparency is > 0)
        {
            color.AppendChild(new A.Alpha { Val = (int)Math.Round((100 - transparency.Value) * 1000) });
        }

        return color;
    }

    /// <summary><c>a:solidFill</c> of this colour.</summary>
    public A.SolidFill Fill(double? transparency = null) => new(Element(transparency));

    public override string ToString() => Display;

    /// <summary>A percentage for change summaries: 40 → "40%".</summary>
    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
