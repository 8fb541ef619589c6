using Officina.Operations;

namespace Officina.Word;

/// <summary>The Word host's operations.</summary>
public static class WordOperations
{
    private static readonly Lazy<OperationCatalog> Lazy = new(() => OperationCatalog.Create(typeof(WordSession).Assembly));

    public static OperationCatalog Catalog => Lazy.Value;
}
