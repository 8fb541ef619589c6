using Officina.Operations;

namespace Officina.Operations.Tests;

public sealed class TokenCounterTests
{
    [Fact]
    public void Count_UsesO200k_ForKnownText()
    {
        // "Hello, world!" is 4 tokens in o200k_base: "Hello", ",", " world", "!".
        Assert.Equal(4, TokenCounter.Count("Hello, world!"));
        Assert.Equal(0, TokenCounter.Count(""));
    }

    [Fact]
    public void Truncate_KeepsPrefixWithinBudget_WhenTextIsLonger()
    {
        var text = string.Join(" ", Enumerable.Range(1, 500).Select(i => $"cell{i}"));

        var cut = TokenCounter.Truncate(text, 50);

        Assert.True(TokenCounter.Count(cut) <= 50);
        Assert.StartsWith(cut, text, StringComparison.Ordinal);
        Assert.True(cut.Length > 20);
    }
}
