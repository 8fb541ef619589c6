namespace Officina.Reports.Templates;

/// <summary>What a placeholder naming a field the record lacks does.</summary>
public enum MissingFieldPolicy
{
    /// <summary>The record fails with an error naming the placeholder and the record's fields (the default: a report with a hole is worse than no report).</summary>
    Fail,

    /// <summary>The placeholder is replaced by nothing (an Excel cell holding only it is cleared).</summary>
    Empty,

    /// <summary>The placeholder text stays as written (Word verification then warns about it).</summary>
    Keep,
}
