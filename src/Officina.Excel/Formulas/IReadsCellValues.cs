using Officina.Excel.Addressing;

namespace Officina.Excel.Formulas;

/// <summary>
/// An operation that reads the values cells show (copy values, sort, filter, find, read).
/// Before it runs, the session brings the cached values of the formulas in these ranges up to
/// date (see <see cref="FormulaRefresh"/>), so a formula written earlier in the same plan reads
/// as its result, not as a blank.
/// </summary>
internal interface IReadsCellValues
{
    /// <summary>
    /// The ranges whose shown values the operation reads, each with the plan property that
    /// names it; none when the arguments do not resolve (validation then says why).
    /// </summary>
    IEnumerable<(string Property, RangeAddress Range)> ValueRanges(WorkbookSession session);
}
