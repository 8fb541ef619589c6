using Officina.Operations;
using Officina.Testing;
using Officina.PowerPoint;

namespace Officina.PowerPoint.Tests;

/// <summary>The PowerPoint catalog's conformance (see <see cref="CatalogConformance"/>).</summary>
public sealed class CatalogConformanceTests : CatalogConformance
{
    protected override OperationCatalog Catalog => PowerPointOperations.Catalog;

    protected override DocumentHost Host => DocumentHost.PowerPoint;

    protected override IReadOnlyList<string> CoreVocabulary =>
    [
        "list_slides", "read_slide", "list_layouts", "add_slide", "duplicate_slide", "delete_slide", "move_slide", "set_text",
        "replace_text", "add_text_box", "add_table", "add_chart", "add_image", "set_notes", "delete_shape", "set_shape_geometry",
    ];
}
