using Officina.Testing;

namespace Officina.Cli.Tests;

/// <summary>
/// Damaged and hostile variants of real files (a fixed seed, the same every run) through
/// <c>officina apply</c>: each one is applied (exit 0 or 3) or refused with a code (exit 2,
/// nothing written); never a crash, a stack trace or a changed input.
/// </summary>
public sealed class FuzzedInputTests : IDisposable
{
    private static readonly Dictionary<string, string> Plans = new(StringComparer.Ordinal)
    {
        ["xlsx"] = """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "zz_fuzz" }, { "op": "set_values", "range": "zz_fuzz!A1", "values": [["fuzz"]] } ] }""",
        ["docx"] = """{ "host": "word", "operations": [ { "op": "insert_paragraph", "anchor": "end", "position": "after", "text": "zz fuzz" } ] }""",
        ["pptx"] = """{ "host": "powerpoint", "operations": [ { "op": "set_notes", "slide": 1, "text": "zz fuzz" } ] }""",
    };

    private readonly CliRun _cli = new();

    public static TheoryData<string, string, int> Corpora() => new()
    {
        { "xlsx", "simple-monthly-budget.xlsx", 130 },
        { "docx", "python-docx-report.docx", 100 },
        { "pptx", "libreoffice-features.pptx", 100 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task Apply_AppliesOrRefusesEveryVariant_NeverCrashes(string kind, string asset, int count)
    {
        var original = File.ReadAllBytes(HostilePackages.Asset(kind, asset));
        var plan = _cli.Write($"plan-{kind}.json", Plans[kind]);
        var crashes = new List<string>();
        var outcomes = new Dictionary<int, int>();
        foreach (var (name, package) in FuzzedPackages.Variants(original, kind, count, seed: 20261203))
        {
            var input = _cli.Write(name + "." + kind, package);
            var output = _cli.PathOf(name + "-out." + kind);
            int exit;
            string error;
            try
            {
                (exit, _, error) = await _cli.RunAsync("apply", input, plan, "-o", output);
            }
            catch (Exception ex)
            {
                crashes.Add($"{name}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            outcomes[exit] = outcomes.GetValueOrDefault(exit) + 1;
            if (exit is not (0 or 2 or 3) || error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal))
            {
                crashes.Add($"{name}: exit {exit}: {error.Trim().Split('\n')[0]}");
            }
            else if (exit == 2 && (File.Exists(output) || !error.Contains('[', StringComparison.Ordinal)))
            {
                crashes.Add($"{name}: refused without a code or with an output: {error.Trim()}");
            }

            if (!package.AsSpan().SequenceEqual(File.ReadAllBytes(input)))
            {
                crashes.Add($"{name}: the input was changed");
            }

            File.Delete(input);
            File.Delete(output);
        }

        Assert.True(crashes.Count == 0, $"{crashes.Count} of {count} variants crashed (outcomes {string.Join(", ", outcomes.Select(o => $"exit {o.Key}: {o.Value}"))}):\n" + string.Join("\n", crashes));
    }

    public void Dispose() => _cli.Dispose();
}
