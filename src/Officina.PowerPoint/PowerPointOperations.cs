using Officina.Operations;

namespace Officina.PowerPoint;

/// <summary>The PowerPoint host's operations.</summary>
public static class PowerPointOperations
{
    private static readonly Lazy<OperationCatalog> Lazy = new(() => OperationCatalog.Create(typeof(DeckSession).Assembly));

    public static OperationCatalog Catalog => Lazy.Value;
}
