namespace Officina.Operations;

/// <summary>
/// What a write operation changed: the op, the target it touched (a range, sheet, slide or
/// paragraph), a one-line summary for people, and how many items (cells, rows, shapes…)
/// changed.
/// </summary>
public sealed record Change(string Op, string Target, string Summary, int Count = 1);

/// <summary>What a read operation observed, as text for a model and as structured data.</summary>
public sealed record Observation(string Op, string Target, string Text, object? Data = null);
