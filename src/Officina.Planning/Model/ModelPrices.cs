namespace Officina.Planning.Model;

/// <summary>USD per million tokens for one model: input, cached input, output (reasoning tokens bill as output).</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion, decimal? CachedInputPerMillion = null)
{
    public decimal CostOf(ModelUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var cachedRate = CachedInputPerMillion ?? InputPerMillion / 10m;
        var uncached = Math.Max(0, usage.InputTokens - usage.CachedInputTokens);
        return ((uncached * InputPerMillion) + (usage.CachedInputTokens * cachedRate) + (usage.OutputTokens * OutputPerMillion)) / 1_000_000m;
    }
}

/// <summary>
/// Prices by model name. A dated or suffixed model (<c>gpt-5.4-mini-2026-03-17</c>) takes the
/// price of the longest listed name it starts with. Configure with
/// <c>OFFICINA_PRICES="model=input/output;model=input/output"</c>.
/// </summary>
public sealed class ModelPrices(IReadOnlyDictionary<string, ModelPrice> prices)
{
    /// <summary>DESIGN.md section 4 defaults (USD per million tokens, input/output).</summary>
    public static ModelPrices Default { get; } = new(new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-5.4"] = new(2.50m, 15.00m, 0.25m),
        ["gpt-5.4-mini"] = new(0.75m, 4.50m, 0.075m),
        ["gpt-5.4-pro"] = new(30m, 180m, 30m),
    });

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = prices;

    public ModelPrice? For(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>The defaults overlaid with <paramref name="spec"/> (<c>name=in/out[/cached];...</c>). Throws <see cref="FormatException"/> naming the bad entry.</summary>
    public static ModelPrices Parse(string? spec)
    {
        var table = new Dictionary<string, ModelPrice>(Default.Prices, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (spec ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var numbers = parts.Length == 2 ? parts[1].Split('/', StringSplitOptions.TrimEntries) : [];
            if (numbers.Length is < 2 or > 3 || !numbers.All(n => decimal.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"A price entry must read 'model=input/output' or 'model=input/output/cached' in USD per million tokens. Given: '{entry}'.");
            }

            var values = numbers.Select(n => decimal.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            table[parts[0]] = new ModelPrice(values[0], values[1], values.Length == 3 ? values[2] : null);
        }

        return new ModelPrices(table);
    }
}
