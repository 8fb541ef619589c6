using Officina.Operations;
using Officina.Testing;
using Officina.Excel;

namespace Officina.Excel.Tests;

/// <summary>The Excel catalog's conformance (see <see cref="CatalogConformance"/>).</summary>
public sealed class CatalogConformanceTests : CatalogConformance
{
    protected override OperationCatalog Catalog => ExcelOperations.Catalog;

    protected override DocumentHost Host => DocumentHost.Excel;

    protected override IReadOnlyList<string> CoreVocabulary =>
    [
        "list_sheets", "read_range", "find_cells", "add_sheet", "rename_sheet", "delete_sheet", "set_values", "set_formulas",
        "clear_range", "copy_range", "insert_rows", "delete_rows", "insert_columns", "delete_columns", "format_range",
        "merge_cells", "set_column_width", "freeze_panes", "define_name", "create_table", "sort_range", "remove_rows_where",
        "add_conditional_format", "add_data_validation", "add_chart", "create_pivot_table", "add_comment",
    ];
}
