using System.ComponentModel;

namespace Officina.PowerPoint.Operations;

/// <summary>One paragraph of a text frame: its text and its list level (1 = top level, 2 = sub-bullet, … 9).</summary>
public sealed record TextParagraph(
    [property: Description("Paragraph text; a line break (\\n) starts a new paragraph at the same level")] string Text,
    [property: Description("List level from 1 (top) to 9; null for 1")] int? Level = null)
{
    public const int MaxLevel = 9;

    /// <summary>Errors for paragraphs with a bad level or missing text, paths under <paramref name="property"/>.</summary>
    public static IEnumerable<Officina.Operations.OperationError> Check(IReadOnlyList<TextParagraph>? paragraphs, string property)
    {
        for (var i = 0; i < (paragraphs?.Count ?? 0); i++)
        {
            var p = paragraphs![i];
            if (p is null || p.Text is null)
            {
                yield return new($"{property}[{i}].text", "text_required", "Each paragraph needs text (use \"\" for an empty line). Given: null.");
            }
            else if (p.Level is { } level && level is < 1 or > MaxLevel)
            {
                yield return new($"{property}[{i}].level", "level_range", $"level must be between 1 and {MaxLevel}. Given: {level}.");
            }
        }
    }
}
