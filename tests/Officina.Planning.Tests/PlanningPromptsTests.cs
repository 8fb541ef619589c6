using Officina.Planning.Prompts;

namespace Officina.Planning.Tests;

public sealed class PlanningPromptsTests
{
    [Theory]
    [InlineData("Tighten section 3 and track the changes", true)]
    [InlineData("Rewrite the intro with tracked changes", true)]
    [InlineData("Redline the termination clause", true)]
    [InlineData("Fix typos; track my edits", true)]
    [InlineData("Tighten section 3", false)]
    [InlineData("Track the monthly revenue changes in a new column", false)]
    public void AsksForTrackedChanges_ReadsTheRequest(string instruction, bool expected)
    {
        Assert.Equal(expected, PlanningPrompts.AsksForTrackedChanges(instruction));
    }
}
