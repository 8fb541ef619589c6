using Officina.Planning;
using Officina.Planning.Model;

namespace Officina.Service.Jobs;

/// <summary>
/// Model settings from configuration (environment variables land there too): the same names
/// as the CLI reads, <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OFFICINA_MODEL</c>, …
/// </summary>
public sealed class ModelLoopFactory(IConfiguration configuration)
{
    private static readonly string[] Keys =
    [
        "OPENAI_API_KEY", "OPENAI_BASE_URL", "OFFICINA_MODEL", "OFFICINA_API_STYLE", "OFFICINA_EFFORT",
        "OFFICINA_TOOL_LOADING", "OFFICINA_PRICES", "OFFICINA_TIMEOUT_SECONDS", "OFFICINA_MAX_RETRIES",
    ];

    /// <summary>Throws <see cref="ModelNotConfiguredException"/> saying what to set.</summary>
    public ModelSettings Settings() => ModelSettings.FromEnvironment(Keys.ToDictionary(k => k, k => configuration[k], StringComparer.Ordinal));

    public ModelLoop Create(ModelSettings settings) => new(settings, JobDocuments.Catalog);
}
