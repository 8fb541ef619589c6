using Officina.Excel.Verification;

namespace Officina.Excel.Tests.Verification;

/// <summary>The dependency graph against a brute-force walk: same circles, and an order in which each formula follows what it reads.</summary>
public sealed class FormulaGraphTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Build_FindsTheCirclesABruteForceWalkFinds_AndOrdersTheRest(int seed)
    {
        var random = new Random(seed);
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Two"}""");
        var sheets = new[] { "Sheet1", "Two" };
        foreach (var name in sheets)
        {
            var sheet = book.Sheet(name)!;
            for (var row = 1; row <= 8; row++)
            {
                for (var column = 1; column <= 4; column++)
                {
                    if (random.Next(3) == 0)
                    {
                        sheet.SetValue(row, column, row);
                        continue;
                    }

                    // One to three references: a cell, a block, a whole column, on either sheet.
                    var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                    {
                        var target = random.Next(4) == 0 ? "Two!" : "";
                        var (r1, c1) = (random.Next(1, 9), random.Next(1, 5));
                        return random.Next(4) switch
                        {
                            0 => $"{target}{Column(c1)}{r1}",
                            1 => $"SUM({target}{Column(c1)}{r1}:{Column(Math.Min(4, c1 + random.Next(2)))}{Math.Min(8, r1 + random.Next(4))})",
                            2 => $"SUM({target}{Column(c1)}:{Column(c1)})",
                            _ => "1",
                        };
                    });
                    sheet.SetFormula(row, column, "=" + string.Join("+", parts));
                }
            }
        }

        var formulas = FormulaCells.Of(book);
        var graph = FormulaGraph.Build(book, formulas);

        var reads = formulas.Select((f, i) => formulas.Select((g, j) => (g, j))
            .Where(x => graph.Precedents[i].Ranges.Any(r => string.Equals(r.Sheet, x.g.Formula.Sheet, StringComparison.OrdinalIgnoreCase)
                && r.Contains(x.g.Formula.Address.Row, x.g.Formula.Address.Column)))
            .Select(x => x.j).ToList()).ToList();
        for (var i = 0; i < formulas.Count; i++)
        {
            Assert.True(Reaches(reads, i, i) == graph.Circular[i], $"{formulas[i].Formula.Location} {formulas[i].Formula.Formula}");
        }

        var position = new Dictionary<int, int>();
        foreach (var i in graph.Order)
        {
            position[i] = position.Count;
        }

        Assert.Equal(formulas.Count, position.Count + graph.Circular.Count(c => c));
        foreach (var (i, at) in position)
        {
            Assert.All(reads[i].Where(j => !graph.Circular[j]), j => Assert.True(position[j] < at, $"{formulas[i].Formula.Location} comes before {formulas[j].Formula.Location}, which it reads"));
        }

        Assert.Equal(graph.Circular.Count(c => c), graph.Cycles.Sum(c => c.Length));
    }

    private static string Column(int column) => ((char)('A' + column - 1)).ToString();

    private static bool Reaches(List<List<int>> reads, int from, int to)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(reads[from]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node == to)
            {
                return true;
            }

            if (seen.Add(node))
            {
                reads[node].ForEach(stack.Push);
            }
        }

        return false;
    }
}
