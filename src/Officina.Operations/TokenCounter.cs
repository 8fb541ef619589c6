using Microsoft.ML.Tokenizers;

namespace Officina.Operations;

/// <summary>
/// Counts tokens with OpenAI's o200k encoding (gpt-4o and later), the unit digests and
/// prompts are budgeted in. The tokenizer loads its vocabulary once, on first use.
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>The o200k token count of <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : O200k.Value.CountTokens(text);
    }

    /// <summary>The longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        if (maxTokens == 0)
        {
            return "";
        }

        var length = O200k.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..length];
    }
}
