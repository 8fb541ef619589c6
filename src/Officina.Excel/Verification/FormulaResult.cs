using System.Globalization;
using Officina.Excel.Addressing;

namespace Officina.Excel.Verification;

/// <summary>What a recalculated formula cell evaluates to.</summary>
public enum FormulaResultKind
{
    /// <summary>The engine could not compute it (a function it lacks, a construct it cannot read).</summary>
    NotComputed,
    Number,
    Text,
    Boolean,
    Error,
}

/// <summary>The computed value of one formula cell; <see cref="Text"/> holds text or the error code (<c>#DIV/0!</c>).</summary>
public readonly record struct FormulaResult(FormulaResultKind Kind, double Number = 0, string? Text = null, bool Boolean = false, string? Reason = null)
{
    /// <summary>Error values Excel shows, as written in <c>&lt;v&gt;</c> of a <c>t="e"</c> cell.</summary>
    public static readonly IReadOnlySet<string> ErrorCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "#DIV/0!", "#REF!", "#NAME?", "#VALUE!", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
    };

    public bool IsComputed => Kind != FormulaResultKind.NotComputed;

    public static FormulaResult NotComputed(string reason) => new(FormulaResultKind.NotComputed, Reason: reason);

    public static FormulaResult FromNumber(double number) =>
        double.IsFinite(number) ? new(FormulaResultKind.Number, number) : FromError("#NUM!");

    public static FormulaResult FromText(string text) => new(FormulaResultKind.Text, Text: text);

    public static FormulaResult FromBoolean(bool value) => new(FormulaResultKind.Boolean, Boolean: value);

    public static FormulaResult FromError(string code) => new(FormulaResultKind.Error, Text: code);

    /// <summary>The value as a person reads it: <c>6</c>, <c>TRUE</c>, <c>#DIV/0!</c>.</summary>
    public override string ToString() => Kind switch
    {
        FormulaResultKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        FormulaResultKind.Boolean => Boolean ? "TRUE" : "FALSE",
        FormulaResultKind.Text or FormulaResultKind.Error => Text ?? "",
        _ => "(not computed)",
    };
}

/// <summary>One formula cell of the working copy: where it is and its formula as Excel shows it.</summary>
public sealed record FormulaCell(string Sheet, CellAddress Address, string Formula)
{
    public string Location => $"{RangeAddress.QuoteSheet(Sheet)}!{Address.A1}";
}
