using System.Text;
using Officina.Operations;

namespace Officina.Sources;

/// <summary>What a source file holds, which decides how it is read and anchored.</summary>
public enum SourceKind
{
    Pdf,
    Csv,
    Json,
    Workbook,
    Document,
    Presentation,
}

/// <summary>One anchored piece of a source: a page, a row, a slide, a paragraph block or a sheet, numbered from 1.</summary>
/// <param name="Number">The page, row, slide or sheet number the anchor names.</param>
/// <param name="Text">The text, beginning with its anchor (<c>[p.2]</c>, <c>[row 14]</c>, <c>[slide 3]</c>).</param>
public sealed record SourceUnit(int Number, string Text);

/// <summary>
/// A file given to the model as source material: its name (what citations and
/// <c>read_source</c> call it), kind, units (pages, rows, slides, sheets, paths) with anchors,
/// and an optional preamble (CSV header and column counts). <see cref="Text"/> renders it
/// within a token budget and says what was left out; <see cref="Read"/> gives the rest on demand.
/// </summary>
public sealed class SourceDocument
{
    public SourceDocument(string name, SourceKind kind, string unitName, IReadOnlyList<SourceUnit> units, string? preamble = null, long? totalUnits = null, Func<Stream>? open = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitName);
        ArgumentNullException.ThrowIfNull(units);
        Name = name;
        Kind = kind;
        UnitName = unitName;
        Units = units;
        Preamble = preamble;
        TotalUnits = totalUnits ?? units.Count;
        Open = open;
    }

    /// <summary>The file name the model and citations use, e.g. <c>annual-report.pdf</c>.</summary>
    public string Name { get; }

    public SourceKind Kind { get; }

    /// <summary><c>page</c>, <c>row</c>, <c>slide</c>, <c>sheet</c>, <c>paragraph</c> or <c>path</c>.</summary>
    public string UnitName { get; }

    public IReadOnlyList<SourceUnit> Units { get; }

    /// <summary>Text shown before the units (a CSV header with column counts); null when none.</summary>
    public string? Preamble { get; }

    /// <summary>Pages, rows, slides… in the file; larger than <see cref="Units"/>' count when only part was kept (very large CSV files).</summary>
    public long TotalUnits { get; }

    /// <summary>Opens the raw file again (CSV sources are registered with workbook sessions through it); null for in-memory sources.</summary>
    public Func<Stream>? Open { get; }

    /// <summary>
    /// The source as the model first sees it: a heading line, the preamble, and as many units as
    /// fit in <paramref name="tokenBudget"/> o200k tokens. Rows of a long CSV are sampled (the
    /// first rows, then evenly spaced ones); for other kinds the first units are kept. What is
    /// left out is named, with how to read it (<c>read_source</c>).
    /// </summary>
    public string Text(int tokenBudget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 50);
        var text = new StringBuilder($"=== Source \"{Name}\" ({Kind.ToString().ToLowerInvariant()}, {TotalUnits:N0} {Plural(TotalUnits)}) ===\n");
        if (Preamble is not null)
        {
            text.AppendLine(Preamble.TrimEnd());
        }

        var used = TokenCounter.Count(text.ToString());
        const int reserve = 60;
        var shown = new List<int>();
        var order = Kind == SourceKind.Csv ? SampleOrder(tokenBudget - used - reserve) : Enumerable.Range(0, Units.Count);
        var parts = new SortedDictionary<int, string>();
        var misses = 0;
        foreach (var index in order)
        {
            var unit = Units[index];
            var cost = TokenCounter.Count(unit.Text) + 1;
            var last = parts.Count > 0 ? parts.Keys.Last() : -1;
            if (last >= 0 && index != last + 1)
            {
                cost += TokenCounter.Count(Gap(last, index)) + 1;
            }

            if (used + cost + reserve > tokenBudget)
            {
                // Sampled rows: a shorter row further on may still fit; stop after a run of misses.
                if (Kind == SourceKind.Csv && shown.Count > 0 && ++misses < 20)
                {
                    continue;
                }

                if (Kind == SourceKind.Csv && shown.Count > 0)
                {
                    break;
                }

                if (shown.Count == 0)
                {
                    // One unit bigger than the whole budget: show its beginning rather than nothing.
                    var cut = TokenCounter.Truncate(unit.Text, Math.Max(0, tokenBudget - used - reserve));
                    parts[index] = cut + " […cut; read_source shows the whole " + UnitName + "]";
                    shown.Add(index);
                    used = tokenBudget;
                }

                break;
            }

            parts[index] = unit.Text;
            shown.Add(index);
            used += cost;
        }

        var previous = -1;
        foreach (var (index, part) in parts)
        {
            if (previous >= 0 && index != previous + 1)
            {
                text.AppendLine(Gap(previous, index));
            }

            text.AppendLine(part.TrimEnd());
            previous = index;
        }

        var hidden = TotalUnits - shown.Count;
        if (hidden > 0)
        {
            text.AppendLine($"[{shown.Count:N0} of {TotalUnits:N0} {Plural(TotalUnits)} shown. Call read_source with source \"{Name}\" and from/to {UnitName} numbers to read the others.]");
        }

        return text.ToString();
    }

    /// <summary>Units <paramref name="from"/> to <paramref name="to"/> (numbers as anchored, inclusive), within a token budget.</summary>
    public string Read(int from, int to, int tokenBudget)
    {
        var text = new StringBuilder();
        var selected = Units.Where(u => u.Number >= from && u.Number <= to).ToList();
        if (selected.Count == 0)
        {
            var first = Units.Count > 0 ? Units[0].Number : 0;
            var last = Units.Count > 0 ? Units[^1].Number : 0;
            return $"ERROR: \"{Name}\" has no {UnitName} {from}-{to}; it has {UnitName}s {first}-{last}.";
        }

        if (Kind == SourceKind.Csv && Preamble is not null)
        {
            text.AppendLine(Preamble.Split('\n')[0].TrimEnd());
        }

        var used = TokenCounter.Count(text.ToString());
        foreach (var unit in selected)
        {
            var cost = TokenCounter.Count(unit.Text) + 1;
            if (used + cost > tokenBudget)
            {
                text.AppendLine($"[Stopped at the token budget; continue from {UnitName} {unit.Number}.]");
                break;
            }

            text.AppendLine(unit.Text.TrimEnd());
            used += cost;
        }

        return text.ToString();
    }

    private string Gap(int previous, int index) =>
        $"[… {Plural(index - previous - 1)} {Units[previous].Number + 1}-{Units[index].Number - 1} not shown …]";

    private string Plural(long count) => count == 1 ? UnitName : UnitName + "s";

    /// <summary>
    /// Rows to show from a long CSV: the first rows for half the budget, then rows evenly
    /// spaced over the rest of the file for the other half (estimated from the head's size).
    /// </summary>
    private List<int> SampleOrder(int budget)
    {
        var order = new List<int>();
        var spent = 0;
        while (order.Count < Units.Count)
        {
            var cost = TokenCounter.Count(Units[order.Count].Text) + 1;
            if (spent + cost > budget / 2)
            {
                break;
            }

            spent += cost;
            order.Add(order.Count);
        }

        var head = order.Count;
        if (head == Units.Count || head == 0)
        {
            return head == 0 ? [.. Enumerable.Range(0, Units.Count)] : order;
        }

        var average = Math.Max(1.0, spent / (double)head);
        var samples = Math.Max(1, (int)((budget - spent) / average) - 2);
        var stride = Math.Max(1.0, (Units.Count - head) / (double)samples);
        for (var position = head + stride - 1; position < Units.Count; position += stride)
        {
            order.Add((int)position);
        }

        return [.. order.Distinct()];
    }
}
