using System.Globalization;
using Officina.Operations;

namespace Officina.PowerPoint.Operations;

/// <summary>
/// How deck operations declare slides to a <see cref="PlanTrace"/>: slides are addressed by
/// 1-based position at the time an operation runs, so they are traced by position, shifted by
/// every insert, delete and move before it.
/// </summary>
public static class DeckTrace
{
    public const string Slide = "slide";

    /// <summary>
    /// Where a slide the operation inserts landed: from its preview change record ("slide 4") when
    /// known, else <paramref name="planned"/>; null when neither says (an append to a deck of unknown length).
    /// </summary>
    public static int? Landed(this PlanTrace trace, int? planned)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return trace.Change?.Target is { } target && target.StartsWith("slide ", StringComparison.Ordinal)
            && int.TryParse(target.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : planned;
    }
}
