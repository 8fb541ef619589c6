using System.Text.RegularExpressions;

namespace Officina.Reports.Templates;

/// <summary>
/// One <c>{{field}}</c> as written in a template: the raw text (<c>{{ customer.name }}</c>), the
/// field it names (<c>customer.name</c>: dots walk into nested JSON objects, numbers into arrays)
/// and an optional format after a colon (<c>{{total:#,##0.00}}</c>, <c>{{date:d MMMM yyyy}}</c>),
/// a .NET format string applied to numbers and ISO dates with the invariant culture.
/// </summary>
public sealed partial record Placeholder(string Raw, string Field, string? Format)
{
    /// <summary>The built-in field holding the record's 1-based number (zero-padded in output names).</summary>
    public const string RecordNumberField = "#";

    /// <summary>Every placeholder in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Placeholder> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in Pattern().Matches(text))
        {
            yield return FromMatch(match);
        }
    }

    /// <summary>The placeholder when <paramref name="text"/> is exactly one placeholder (outer whitespace aside), else null.</summary>
    public static Placeholder? Whole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        return match.Success && match.Length == text.Trim().Length && match.Index == text.Length - text.TrimStart().Length ? FromMatch(match) : null;
    }

    /// <summary>Replaces every placeholder in <paramref name="text"/> with what <paramref name="value"/> returns for it.</summary>
    public static string Substitute(string text, Func<Placeholder, string> value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        return text.Contains("{{", StringComparison.Ordinal) ? Pattern().Replace(text, m => value(FromMatch(m))) : text;
    }

    private static Placeholder FromMatch(Match match) =>
        new(match.Value, match.Groups["field"].Value.Trim(), match.Groups["format"].Success ? match.Groups["format"].Value.Trim() : null);

    // A field name: anything but braces, a colon and line breaks or tabs, at most 200 characters.
    [GeneratedRegex(@"\{\{[ ]*(?<field>[^{}:\r\n\t ][^{}:\r\n\t]{0,199}?)[ ]*(?::(?<format>[^{}\r\n\t]{0,100}))?\}\}")]
    private static partial Regex Pattern();
}
