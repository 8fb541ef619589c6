namespace Officina.Operations;

/// <summary>
/// Which operations of a plan depend on which earlier ones, because an earlier one creates what
/// a later one addresses: a sheet made by <c>add_sheet</c> and written by <c>set_values</c>, a slide
/// made by <c>add_slide</c> and filled by <c>set_text</c>, a paragraph inserted and then styled.
/// Each operation declares what it creates and addresses (<see cref="Operation.Declare"/>); an
/// operation that declares nothing depends on nothing. Approving a subset that keeps an operation
/// but not one it depends on would fail while applying, or write to the wrong place.
/// </summary>
public sealed class PlanDependencies
{
    private readonly IReadOnlyList<string> _labels;

    private PlanDependencies(IReadOnlyList<IReadOnlyList<int>> dependsOn, IReadOnlyList<string> labels)
    {
        DependsOn = dependsOn;
        _labels = labels;
    }

    /// <summary>For each operation, by index, the indexes of the earlier operations it depends on, ascending.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DependsOn { get; }

    /// <summary>
    /// Traces <paramref name="plan"/>. <paramref name="preview"/> holds the change records of a
    /// preview run of the same plan, one per write operation in order (as a model's plan is made);
    /// they tell what only applying reveals (new paragraph ids, where an appended slide went).
    /// Without them, or when they do not match the plan, such operations are traced from the plan alone.
    /// </summary>
    public static PlanDependencies Of(Plan plan, IReadOnlyList<Change>? preview = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = Align(plan, preview);
        var trace = new PlanTrace();
        var dependsOn = new List<IReadOnlyList<int>>();
        var labels = new List<string>();
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            var operation = plan.Operations[i];
            trace.Begin(i, operation.Op, changes[i]);
            operation.Declare(trace);
            dependsOn.Add(trace.Needs);
            labels.Add(trace.Label ?? (changes[i] is { } change ? $"{operation.Op} on {change.Target}" : operation.Op));
        }

        return new PlanDependencies(dependsOn, labels);
    }

    /// <summary>
    /// One error per approved operation that depends on an operation not approved, with the path
    /// <c>$.operations[k]</c> of its place in <paramref name="approved"/>: "operation 2 (set_values on
    /// 'Forecast'!A1:B2) needs operation 0 (add_sheet 'Forecast'), which is not approved."
    /// </summary>
    public IReadOnlyList<OperationError> Unmet(IReadOnlyList<int> approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var kept = approved.ToHashSet();
        var errors = new List<OperationError>();
        for (var k = 0; k < approved.Count; k++)
        {
            var index = approved[k];
            if (index < 0 || index >= DependsOn.Count)
            {
                continue;
            }

            foreach (var needed in DependsOn[index].Where(n => !kept.Contains(n)))
            {
                errors.Add(new($"$.operations[{k}]", "operation_dependency",
                    $"operation {index} ({_labels[index]}) needs operation {needed} ({_labels[needed]}), which is not approved."));
            }
        }

        return errors;
    }

    /// <summary>The change record of each operation, by index, when <paramref name="preview"/> matches the plan's write operations one for one.</summary>
    private static Change?[] Align(Plan plan, IReadOnlyList<Change>? preview)
    {
        var changes = new Change?[plan.Operations.Count];
        var writes = plan.Operations.Select((o, i) => (o, i)).Where(x => !x.o.IsRead).ToList();
        if (preview is null || preview.Count != writes.Count || writes.Where((w, n) => w.o.Op != preview[n].Op).Any())
        {
            return changes;
        }

        for (var n = 0; n < writes.Count; n++)
        {
            changes[writes[n].i] = preview[n];
        }

        return changes;
    }
}
