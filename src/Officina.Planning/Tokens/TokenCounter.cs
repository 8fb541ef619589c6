using Microsoft.ML.Tokenizers;

namespace Officina.Planning.Tokens;

/// <summary>Counts o200k_base tokens (the gpt-4o / gpt-5 family encoding).</summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return O200k.Value.CountTokens(text);
    }
}
