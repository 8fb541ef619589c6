using Officina.Excel.Operations;
using Officina.Operations;

namespace Officina.Excel.Tests.Operations;

/// <summary>Workbook operations' declarations, as <see cref="PlanDependencies"/> reads them.</summary>
public sealed class WorkbookTraceTests
{
    [Fact]
    public void DependsOn_NamesTheAddSheet_WhenALaterOperationWritesToTheNewSheet()
    {
        var plan = Plan.For(DocumentHost.Excel,
            new AddSheet("Forecast"),
            new SetValues("'Forecast'!A1:B1", [["Year", "Revenue"]]),
            new SetValues("Sheet1!A1", [["Total"]]),
            new FormatRange("forecast!B2"));

        Assert.Equal([[], [0], [], [0]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void DependsOn_FollowsTheRename_WhenLaterOperationsUseTheNewName()
    {
        var plan = Plan.For(DocumentHost.Excel,
            new AddSheet("Draft"),
            new RenameSheet("Draft", "Forecast"),
            new SetValues("Forecast!A1", [["Year"]]),
            new SetFormulas("Sheet1!B1", "=Forecast!A1*2"),
            new AddSheet("Draft"));

        Assert.Equal([[], [0], [1], [1], [1]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void DependsOn_NamesTablesAndDefinedNames_WhenAFormulaUsesThem()
    {
        var plan = Plan.For(DocumentHost.Excel,
            new CreateTable("Sheet1!A1:B5", "Sales"),
            new DefineName("Rate", "=0.08"),
            new SetFormulas("Sheet1!D1", "=SUM(Sales[Amount])*Rate"),
            new SetFormulas("Sheet1!D2", "=\"Rate\"&\"Sales\""));

        Assert.Equal([[], [], [0, 1], []], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void DependsOn_NamesTheDelete_WhenASheetIsAddedAgainUnderTheDeletedName()
    {
        var plan = Plan.For(DocumentHost.Excel, new DeleteSheet("Old"), new AddSheet("Old"));

        Assert.Equal([[], [0]], PlanDependencies.Of(plan).DependsOn);
    }

    [Fact]
    public void Unmet_NamesTheKeptOperationAndTheUntickedOneItNeeds_WhenTheAddSheetIsLeftOut()
    {
        var dependencies = PlanDependencies.Of(Plan.For(DocumentHost.Excel,
            new AddSheet("Forecast"),
            new SetValues("Sheet1!A1", [["Total"]]),
            new SetValues("'Forecast'!A1:B2", [["Year", "Revenue"], ["2026", "1200000"]])));

        var error = Assert.Single(dependencies.Unmet([1, 2]));

        Assert.Equal("$.operations[1]", error.Path);
        Assert.Equal("operation_dependency", error.Rule);
        Assert.Equal("operation 2 (set_values on 'Forecast'!A1:B2) needs operation 0 (add_sheet 'Forecast'), which is not approved.", error.Message);
        Assert.Empty(dependencies.Unmet([0, 2]));
    }

    [Fact]
    public void Unmet_AgreesWithApplying_WhenTheSubsetIsAppliedToAWorkbook()
    {
        var full = Plan.For(DocumentHost.Excel, new AddSheet("Forecast"), new SetValues("Forecast!A1", [["Year"]]));
        using var book = WorkbookSession.Create();

        var applied = PlanRunner.Apply(book, full with { Operations = [full.Operations[1]] });

        Assert.NotEmpty(PlanDependencies.Of(full).Unmet([1]));
        Assert.Equal("sheet_exists", Assert.Single(applied.Errors).Rule);
    }
}
