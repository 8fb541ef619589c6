using Officina.Planning.Model;

namespace Officina.Planning.Tests;

public sealed class ModelSettingsTests
{
    [Fact]
    public void FromEnvironment_SaysWhatToSet_WhenNothingIsConfigured()
    {
        var error = Assert.Throws<ModelNotConfiguredException>(() => ModelSettings.FromEnvironment(new Dictionary<string, string?>()));

        Assert.Contains("OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("OPENAI_BASE_URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("OFFICINA_MODEL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_AsksForModel_WhenBaseUrlHasNone()
    {
        var error = Assert.Throws<ModelNotConfiguredException>(() => ModelSettings.FromEnvironment(new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "http://localhost:11434/v1" }));

        Assert.Contains("OFFICINA_MODEL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_UsesResponsesAndGpt54_WhenOnlyKeyIsSet()
    {
        var settings = ModelSettings.FromEnvironment(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-test" });

        Assert.Equal(ApiStyle.Responses, settings.Style);
        Assert.Equal("gpt-5.4", settings.Model);
        Assert.True(settings.UsesNativeToolSearch);
        Assert.Null(settings.Effort);
    }

    [Fact]
    public void FromEnvironment_UsesChat_WhenBaseUrlIsNotOpenAI()
    {
        var settings = ModelSettings.FromEnvironment(new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = "http://localhost:11434/v1", ["OFFICINA_MODEL"] = "qwen3:8b", ["OFFICINA_EFFORT"] = "xhigh",
        });

        Assert.Equal(ApiStyle.Chat, settings.Style);
        Assert.False(settings.UsesNativeToolSearch);
        Assert.Equal(ReasoningEffort.XHigh, settings.Effort);
    }

    [Theory]
    [InlineData("OFFICINA_API_STYLE", "soap")]
    [InlineData("OFFICINA_EFFORT", "extreme")]
    [InlineData("OFFICINA_PRICES", "gpt-5.4=cheap")]
    public void FromEnvironment_NamesBadValue_WhenSettingIsInvalid(string name, string value)
    {
        var error = Assert.Throws<ModelNotConfiguredException>(() => ModelSettings.FromEnvironment(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "k", [name] = value }));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt-5.4", true)]
    [InlineData("gpt-5.4-mini-2026-03-17", true)]
    [InlineData("gpt-5.5", true)]
    [InlineData("gpt-6", true)]
    [InlineData("gpt-5.2", false)]
    [InlineData("gpt-4o", false)]
    [InlineData("qwen3:8b", false)]
    public void SupportsToolSearch_MatchesGpt54AndLater(string model, bool expected) =>
        Assert.Equal(expected, ModelSettings.SupportsToolSearch(model));

    [Theory]
    [InlineData("Make the header row bold", ReasoningEffort.Low)]
    [InlineData("Build a 5-year revenue forecast with growth assumptions", ReasoningEffort.High)]
    [InlineData("Add a sheet listing the regions", ReasoningEffort.Medium)]
    public void ReasoningEfforts_For_ChoosesByInstruction(string instruction, ReasoningEffort expected) =>
        Assert.Equal(expected, ReasoningEfforts.For(instruction));

    [Fact]
    public void ModelPrices_CostOf_UsesDatedModelPrefix()
    {
        var price = ModelPrices.Default.For("gpt-5.4-mini-2026-03-17")!;
        var usage = new ModelUsage(1_000_000, 0, 1_000_000, 0, 1);

        Assert.Equal(0.75m + 4.50m, price.CostOf(usage));
    }
}
