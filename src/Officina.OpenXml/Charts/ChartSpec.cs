namespace Officina.OpenXml.Charts;

/// <summary>The chart types every host can draw.</summary>
public enum ChartKind
{
    Column,
    Bar,
    Line,
    Pie,
    Scatter,
    Area,
}

/// <summary>Where the legend goes, or <see cref="None"/> for no legend.</summary>
public enum LegendPosition
{
    Right,
    Left,
    Top,
    Bottom,
    None,
}

/// <summary>
/// One dimension of chart data: a formula the chart reads from (<c>'Data'!$B$2:$B$6</c>,
/// null for literal data) and the points cached with it, so that viewers which do not
/// recalculate still show the data. Numeric data carries the number format of its source.
/// </summary>
public sealed record ChartData(string? Formula, IReadOnlyList<string?>? Text, IReadOnlyList<double?>? Numbers, string FormatCode = "General")
{
    public bool IsNumeric => Numbers is not null;

    public int Count => Numbers?.Count ?? Text?.Count ?? 0;

    public static ChartData OfText(string? formula, IReadOnlyList<string?> points) => new(formula, points, null);

    public static ChartData OfNumbers(string? formula, IReadOnlyList<double?> points, string formatCode = "General") =>
        new(formula, null, points, string.IsNullOrEmpty(formatCode) ? "General" : formatCode);
}

/// <summary>
/// One series: its name (a one-cell text reference or a literal), its categories (x values
/// for scatter charts; optional) and its values.
/// </summary>
public sealed record ChartSeriesSpec(ChartData? Name, ChartData? Categories, ChartData Values);

/// <summary>A chart as the hosts describe it, independent of where the chart part lives.</summary>
public sealed record ChartSpec(
    ChartKind Kind,
    IReadOnlyList<ChartSeriesSpec> Series,
    string? Title = null,
    string? XAxisTitle = null,
    string? YAxisTitle = null,
    LegendPosition Legend = LegendPosition.Right,
    bool Stacked = false)
{
    public bool HasAxes => Kind != ChartKind.Pie;

    /// <summary>Whether stacking means anything for this kind (column, bar, line and area charts).</summary>
    public static bool CanStack(ChartKind kind) => kind is ChartKind.Column or ChartKind.Bar or ChartKind.Line or ChartKind.Area;
}
