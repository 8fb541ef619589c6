using System.Text.RegularExpressions;

namespace Officina.Operations;

/// <summary>
/// Text a template leaves for its user to replace — <c>{{field}}</c>, <c>&lt;&lt;field&gt;&gt;</c>,
/// "[Insert name]", "Lorem ipsum", TBD, XXX — found in what a document would show a reader.
/// </summary>
public static partial class TemplatePrompts
{
    /// <summary>The first leftover prompt in <paramref name="text"/>, or null.</summary>
    public static string? Find(string? text) =>
        string.IsNullOrEmpty(text) ? null : Pattern().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"\{\{[^{}]{0,60}\}\}|\[(?:Insert|Enter|Type|Add|Your|Click)[^\]]{0,60}\]|Lorem ipsum|\bTBD\b|\bXXX+\b|<<[^<>]{0,60}>>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
