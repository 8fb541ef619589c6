using System.CommandLine;

namespace Officina.Cli.Commands;

/// <summary>
/// The arguments <c>run</c> and <c>plan</c> share: <c>FILE INSTRUCTION</c>, or only
/// <c>INSTRUCTION</c> with <c>--new PATH</c>; <c>--source</c> (repeatable), <c>--effort</c>, <c>--json</c>,
/// <c>--track-changes</c>, <c>--quiet</c>.
/// </summary>
internal sealed class ModelArguments
{
    public Argument<string[]> Positional { get; } = new("FILE INSTRUCTION")
    {
        Description = "The document to change (never modified itself) and what to do in plain language; with --new, only the instruction",
        Arity = new ArgumentArity(1, 2),
    };

    public Option<string?> New { get; } = new("--new") { Description = "Make a new document at this path instead of changing a FILE (.xlsx, .docx or .pptx)" };

    public Option<string?> Template { get; } = new("--template") { Description = "With --new NAME.pptx: build the deck on this template (.potx/.pptx: its masters, layouts and theme) or built-in design (corporate, dark, consulting)" };

    public Option<string[]> Sources { get; } = new("--source")
    {
        Description = "A source file the model reads and cites (PDF, CSV, JSON, xlsx, docx, pptx); repeat for several",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Effort { get; } = new("--effort") { Description = "Reasoning effort: none, low, medium, high, xhigh (default: chosen from the instruction)" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress lines on stderr while the model works (each model step and tool call)" };

    public Option<bool> TrackChanges { get; } = new("--track-changes") { Description = "Record every write as a tracked revision (Word); also on when the instruction asks for tracked changes" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Positional);
        command.Options.Add(New);
        command.Options.Add(Template);
        command.Options.Add(Sources);
        command.Options.Add(Effort);
        command.Options.Add(Json);
        command.Options.Add(TrackChanges);
        command.Options.Add(Quiet);
    }

    /// <summary>The request these arguments make, or an error message when FILE/INSTRUCTION and --new do not fit together or a budget is not a number.</summary>
    public (ModelRequest? Request, string? Error) Read(ParseResult parse)
    {
        EngineBudgets budgets;
        try
        {
            budgets = EngineBudgets.From(parse);
        }
        catch (UsageException ex)
        {
            return (null, ex.Message);
        }

        var positional = parse.GetValue(Positional) ?? [];
        var newPath = parse.GetValue(New);
        var sources = parse.GetValue(Sources) ?? [];
        var effort = parse.GetValue(Effort);
        var json = parse.GetValue(Json);
        var track = parse.GetValue(TrackChanges);
        var quiet = parse.GetValue(Quiet);
        var template = parse.GetValue(Template);
        if (template is not null && newPath is null)
        {
            return (null, "--template builds a new deck: use it with --new NAME.pptx.");
        }

        if (newPath is not null)
        {
            return positional.Length == 1
                ? (new ModelRequest(newPath, true, positional[0], effort, sources, json, track) { Quiet = quiet, Budgets = budgets, Template = template }, null)
                : (null, $"With --new, give only the instruction (the new document is '{newPath}'). Given {positional.Length} arguments.");
        }

        return positional.Length == 2
            ? (new ModelRequest(positional[0], false, positional[1], effort, sources, json, track) { Quiet = quiet, Budgets = budgets }, null)
            : (null, "Give FILE and INSTRUCTION, or --new PATH and INSTRUCTION to make a new document.");
    }
}
