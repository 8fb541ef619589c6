using Officina.OpenXml.Charts;
using Officina.Operations;
using Officina.PowerPoint.Operations;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// The deck templates shipped under <c>templates/decks/</c>: for each built-in
/// <see cref="DeckDesign"/>, a deck on that design with one sample slide per layout, so that a
/// person opening the file sees every layout filled. Used as <c>--template</c>, its slides are
/// dropped and only the masters, layouts and theme remain. Rebuilt with
/// <c>OFFICINA_WRITE_DECK_TEMPLATES=1</c> (see templates/README.md).
/// </summary>
public static class DeckTemplates
{
    /// <summary>The file name of <paramref name="design"/>'s template, e.g. <c>corporate.pptx</c>.</summary>
    public static string FileName(DeckDesign design) => $"{design?.Name}.pptx";

    /// <summary>A deck in <paramref name="design"/> with a sample slide on each layout, slide numbers and a footer shown.</summary>
    public static DeckSession Showcase(DeckDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var deck = DeckSession.Create(design);
        Operation[] operations =
        [
            new AddSlide("Title Slide", "Market entry: Southern Europe", [new("Board discussion"), new("June 2026")]),
            new AddSlide("Title and Content", "Three levers close 80% of the margin gap by 2027",
            [
                new("Pricing: move 40% of contracts to indexed terms"),
                new("Adds 1.8 pts of margin", 2),
                new("Procurement: consolidate 140 suppliers to 60"),
                new("Footprint: close two of nine warehouses"),
            ]),
            new AddSlide("Section Header", "Where we stand", [new("Market, customers and economics")]),
            new AddSlide("Two Content", "Growth comes from new customers, margin from existing ones",
                [new("New customers"), new("62% of revenue growth", 2), new("Acquired through partners", 2)]),
            new AddSlide("Comparison", "Indexed contracts protect margin when input costs rise", [new("Fixed price")]),
            new AddSlide("Title Only", "The plan in one page"),
            new AddSlide("Big Number", "Customer churn fell by a third after the service redesign", [new("-33%")]),
            new AddSlide("Chart", "Revenue has grown 12% a year since 2022, faster than the market", [new("Source: company filings; team analysis")]),
            new AddSlide("Closing", "Thank you", [new("Questions and next steps")]),
        ];
        foreach (var operation in operations)
        {
            Run(deck, operation);
        }

        Run(deck, new AddChart(8, ChartKind.Column, ["2022", "2023", "2024", "2025"],
            [new SlideChartSeries("Company", [100, 112, 125, 140]), new SlideChartSeries("Market", [100, 105, 109, 114])], YAxisTitle: "Index (2022 = 100)"));
        Run(deck, new SetText(4, "Content Placeholder 3", [new("Existing customers"), new("Price increases held", 2), new("Service costs down 9%", 2)]));
        Run(deck, new SetText(5, "Content Placeholder 3", [new("Margin falls 4 pts when steel rises 10%"), new("Renegotiated yearly")]));
        Run(deck, new SetText(5, "Text Placeholder 4", [new("Indexed price")]));
        Run(deck, new SetText(5, "Content Placeholder 5", [new("Margin holds within 0.5 pts"), new("Adjusts every quarter")]));
        Run(deck, new SetText(7, "Text Placeholder 3", [new("Monthly churn, 2025 vs 2024, all segments; source: CRM")]));
        Run(deck, new SetFooter(Footer: "Confidential", SlideNumber: true, SkipTitleSlides: true));
        return deck;
    }

    /// <summary>Writes every built-in design's template into <paramref name="folder"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var design in DeckDesign.BuiltIn)
        {
            using var deck = Showcase(design);
            var path = Path.Combine(folder, FileName(design));
            deck.SaveAs(path);
            written.Add(path);
        }

        return written;
    }

    private static void Run(DeckSession deck, Operation operation)
    {
        var outcome = deck.Execute(operation);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The showcase of a deck design failed at {operation.GetType().Name}: {string.Join("; ", outcome.Errors)}");
        }
    }
}
