using Officina.Operations;

namespace Officina.Excel;

/// <summary>The Excel host's operations.</summary>
public static class ExcelOperations
{
    private static readonly Lazy<OperationCatalog> Lazy = new(() => OperationCatalog.Create(typeof(WorkbookSession).Assembly));

    public static OperationCatalog Catalog => Lazy.Value;
}
