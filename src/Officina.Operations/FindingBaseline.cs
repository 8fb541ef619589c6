namespace Officina.Operations;

/// <summary>
/// Splits an edited document's findings into those the edit introduced and those the input
/// already had. A finding matches one of the input's when it has the same code and message and
/// either the same location or — when the edit moved things (a paragraph inserted above, a
/// slide moved) — any location the input's finding has not been matched to already. Matching
/// is one-to-one: an input with one "[Insert name]" left and an output with two reports one as
/// pre-existing and one as new (the one at the input's location counts as pre-existing).
/// </summary>
public static class FindingBaseline
{
    /// <summary>
    /// Returns the introduced findings (as they came) and the pre-existing ones (severity Info).
    /// <paramref name="locationOf"/> gives the location to compare (a slide's id rather than its
    /// position, say); by default the finding's own <see cref="Finding.Location"/>. With
    /// <paramref name="matchElsewhere"/> false only the same location matches (for locations that
    /// never move, such as a slide's id).
    /// </summary>
    public static (List<Finding> Introduced, List<Finding> PreExisting) Split(
        IEnumerable<Finding> output, IEnumerable<Finding> input, Func<Finding, string>? locationOf = null, bool matchElsewhere = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        locationOf ??= f => f.Location;
        var found = output.ToList();
        var exact = Count(input, f => (f.Code, locationOf(f), f.Message));
        var anywhere = Count(input, f => (f.Code, "", f.Message));
        var matched = new bool[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var key = (found[i].Code, locationOf(found[i]), found[i].Message);
            if (Take(exact, key))
            {
                Take(anywhere, (key.Code, "", key.Message));
                matched[i] = true;
            }
        }

        for (var i = 0; i < found.Count; i++)
        {
            matched[i] = matched[i] || (matchElsewhere && Take(anywhere, (found[i].Code, "", found[i].Message)));
        }

        var introduced = new List<Finding>();
        var preExisting = new List<Finding>();
        for (var i = 0; i < found.Count; i++)
        {
            if (matched[i])
            {
                preExisting.Add(AsPreExisting(found[i]));
            }
            else
            {
                introduced.Add(found[i]);
            }
        }

        return (introduced, preExisting);
    }

    /// <summary>The finding as pre-existing: severity Info, the rest unchanged.</summary>
    public static Finding AsPreExisting(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding with { Severity = FindingSeverity.Info };
    }

    private static Dictionary<(string, string, string), int> Count(IEnumerable<Finding> findings, Func<Finding, (string, string, string)> key)
    {
        var counts = new Dictionary<(string, string, string), int>();
        foreach (var finding in findings)
        {
            var k = key(finding);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return counts;
    }

    private static bool Take(Dictionary<(string, string, string), int> counts, (string, string, string) key)
    {
        if (counts.GetValueOrDefault(key) is var n && n > 0)
        {
            counts[key] = n - 1;
            return true;
        }

        return false;
    }
}
