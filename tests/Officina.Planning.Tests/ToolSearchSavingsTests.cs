using Officina.Excel;
using Officina.Planning.Tools;
using Xunit.Abstractions;

namespace Officina.Planning.Tests;

public sealed class ToolSearchSavingsTests(ITestOutputHelper output)
{
    [Fact]
    public void Measure_ReportsTokensSaved_ForTypicalTaskLoadingFourOperations()
    {
        var operations = ExcelOperations.Catalog.ForHost(Officina.Operations.DocumentHost.Excel).ToList();
        var loaded = ToolSearchSavings.TypicalTask(operations);

        var savings = ToolSearchSavings.Measure(operations, loaded);

        output.WriteLine(savings.ToString());
        Assert.True(savings.FullCatalogTokens > 0);

        // The 75% goal is about the full vocabulary (DESIGN.md: 27 Excel operations); a
        // catalog of a handful of operations cannot save much when a task loads four of them.
        if (operations.Count >= 20)
        {
            Assert.True(savings.NativeSaved >= 0.75, savings.ToString());
            Assert.True(savings.ManifestSaved >= 0.75, savings.ToString());
        }
    }

    [Fact]
    public void Namespaces_HoldFewerThanTenFunctions_AndCoverEveryOperation()
    {
        var operations = ExcelOperations.Catalog.Operations;

        var namespaces = ToolNamespaces.For(operations);

        Assert.All(namespaces, ns => Assert.InRange(ns.Operations.Count, 1, 9));
        Assert.Equal(operations.Count, namespaces.Sum(ns => ns.Operations.Count));
        Assert.All(namespaces, ns => Assert.Matches("^[a-z][a-z0-9_]*$", ns.Name));
    }

    [Fact]
    public void Namespaces_FileDeckFormattingTogether_UnderTen()
    {
        var namespaces = ToolNamespaces.For(Officina.PowerPoint.PowerPointOperations.Catalog.Operations);

        Assert.All(namespaces, ns => Assert.InRange(ns.Operations.Count, 1, 9));
        var format = Assert.Single(namespaces, ns => ns.Name == "powerpoint_format");
        Assert.Equal(["format_shape", "format_table", "format_text", "merge_table_cells", "reorder_shape", "set_shape_geometry", "set_slide_background"], format.Operations.Select(o => o.Name).Order());
        Assert.Contains("add_shape", Assert.Single(namespaces, ns => ns.Name == "powerpoint_objects").Operations.Select(o => o.Name));
    }

    [Fact]
    public void Namespaces_SplitLargeGroups_WhenThemeHasTenOrMore()
    {
        var one = ExcelOperations.Catalog.Operations[0];
        var many = Enumerable.Range(0, 12).Select(i => one with { Name = $"set_thing_{i}" }).ToList();

        var namespaces = ToolNamespaces.For(many);

        Assert.Equal(2, namespaces.Count);
        Assert.Equal([9, 3], namespaces.Select(n => n.Operations.Count));
    }
}
