using Officina.Operations;
using Officina.Testing;
using Officina.Word;

namespace Officina.Word.Tests;

/// <summary>The Word catalog's conformance (see <see cref="CatalogConformance"/>).</summary>
public sealed class CatalogConformanceTests : CatalogConformance
{
    protected override OperationCatalog Catalog => WordOperations.Catalog;

    protected override DocumentHost Host => DocumentHost.Word;

    protected override IReadOnlyList<string> CoreVocabulary =>
    [
        "get_outline", "read_paragraphs", "find_text", "insert_paragraph", "insert_heading", "insert_list", "insert_table",
        "set_paragraph_text", "replace_text", "delete_paragraphs", "apply_style", "format_text", "add_comment",
        "insert_page_break", "set_header", "set_footer", "insert_table_of_contents", "fill_content_control",
        "accept_all_revisions", "reject_all_revisions",
    ];
}
