namespace Officina.Planning.Model;

/// <summary>Tokens a run used, summed over its requests, and what they cost by the price table (null when the model has no price).</summary>
public sealed record ModelUsage(long InputTokens, long CachedInputTokens, long OutputTokens, long ReasoningTokens, int Requests)
{
    public static ModelUsage Zero { get; } = new(0, 0, 0, 0, 0);

    public long TotalTokens => InputTokens + OutputTokens;

    public decimal? EstimatedCostUsd { get; init; }

    public ModelUsage Add(ModelUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(InputTokens + other.InputTokens, CachedInputTokens + other.CachedInputTokens,
            OutputTokens + other.OutputTokens, ReasoningTokens + other.ReasoningTokens, Requests + other.Requests);
    }

    public ModelUsage PricedWith(ModelPrice? price) => this with { EstimatedCostUsd = price?.CostOf(this) };

    public override string ToString() =>
        $"{Requests} request(s), {InputTokens:N0} input ({CachedInputTokens:N0} cached), {OutputTokens:N0} output ({ReasoningTokens:N0} reasoning) tokens"
        + (EstimatedCostUsd is { } cost ? $", about ${cost:0.0000}" : ", cost unknown (no price for this model)");
}
