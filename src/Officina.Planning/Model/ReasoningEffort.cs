namespace Officina.Planning.Model;

/// <summary>How hard the model thinks before answering; passed on every request.</summary>
public enum ReasoningEffort
{
    None,
    Low,
    Medium,
    High,
    XHigh,
}

/// <summary>Names and defaults of <see cref="ReasoningEffort"/>.</summary>
public static class ReasoningEfforts
{
    private static readonly string[] Heavy =
    [
        "model", "forecast", "projection", "budget", "financial", "valuation", "dcf", "npv", "irr", "cash flow",
        "revenue", "p&l", "profit", "loss", "balance sheet", "scenario", "sensitivity", "amortization", "loan",
        "depreciation", "pivot", "reconcile", "analysis", "analyze", "analyse",
    ];

    private static readonly string[] Light =
    [
        "bold", "italic", "font", "color", "colour", "format", "width", "height", "freeze", "rename", "border",
        "align", "wrap", "highlight", "number format", "currency", "percent", "merge", "fill",
    ];

    public static string ToName(this ReasoningEffort effort) => effort switch
    {
        ReasoningEffort.None => "none",
        ReasoningEffort.Low => "low",
        ReasoningEffort.Medium => "medium",
        ReasoningEffort.High => "high",
        ReasoningEffort.XHigh => "xhigh",
        _ => throw new ArgumentOutOfRangeException(nameof(effort), effort, null),
    };

    public static bool TryParse(string? text, out ReasoningEffort effort)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none": effort = ReasoningEffort.None; return true;
            case "low" or "minimal": effort = ReasoningEffort.Low; return true;
            case "medium": effort = ReasoningEffort.Medium; return true;
            case "high": effort = ReasoningEffort.High; return true;
            case "xhigh" or "x-high" or "extra-high": effort = ReasoningEffort.XHigh; return true;
            default: effort = default; return false;
        }
    }

    /// <summary>
    /// The effort an instruction deserves when none is configured: models, forecasts and
    /// financial work get high; a short formatting tweak gets low; everything else medium.
    /// </summary>
    public static ReasoningEffort For(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var text = instruction.ToLowerInvariant();
        if (Heavy.Any(word => ContainsWord(text, word)))
        {
            return ReasoningEffort.High;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 20 && Light.Any(word => ContainsWord(text, word)) ? ReasoningEffort.Low : ReasoningEffort.Medium;
    }

    private static bool ContainsWord(string text, string word)
    {
        var index = text.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetter(text[index - 1]);
            var end = index + word.Length;
            var after = end >= text.Length || !char.IsLetter(text[end]) || (end + 1 <= text.Length && text[end] == 's');
            if (before && after)
            {
                return true;
            }

            index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
