using System.Diagnostics;
using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Planning.Model;
using Officina.Planning.Prompts;
using Officina.Planning.Tools;
using Officina.Sources;

namespace Officina.Planning;

/// <summary>
/// Turns an instruction into a verified plan: digest + instruction to the model, tool calls
/// run against the working copy (reads answered, writes validated and applied, bad
/// arguments returned as errors the model can fix), then verification, with findings fed
/// back for repair. Bounded by <see cref="LoopLimits"/>. The caller saves the working copy
/// only after a successful result; on a <see cref="PlanningException"/> it discards it.
/// </summary>
public sealed class ModelLoop(ModelSettings settings, OperationCatalog catalog, LoopLimits? limits = null, ModelClient? client = null)
{
    private readonly ModelClient _client = client ?? new ModelClient(settings);

    public LoopLimits Limits { get; } = limits ?? new LoopLimits();

    public ModelSettings Settings { get; } = settings;

    /// <summary>
    /// Progress while the model works: after each model request and each tool call, the
    /// operations applied so far (<see cref="PlanProgress.Done"/>; the total is unknown, 0)
    /// and what happened last, e.g. "step 3: set_formulas Forecast!B3:B7".
    /// </summary>
    public IProgress<PlanProgress>? Progress { get; set; }

    /// <summary>Checks run after the session's own verification, their findings merged into its report (e.g. house rules).</summary>
    public Func<IDocumentSession, CancellationToken, Task<VerificationReport>>? AdditionalChecks { get; init; }

    /// <summary>How the model will get full tool definitions with these settings.</summary>
    public ToolLoading Loading => Settings.ToolLoading switch
    {
        ToolLoading.All => ToolLoading.All,
        _ when Settings.UsesNativeToolSearch => ToolLoading.Native,
        _ => ToolLoading.Manifest,
    };

    public Task<PlanningResult> RunAsync(IDocumentSession session, string instruction, ReasoningEffort? effort = null, CancellationToken cancellationToken = default) =>
        RunAsync(session, instruction, [], effort, cancellationToken);

    /// <summary>
    /// Runs the loop with source material: each source's text (within
    /// <see cref="LoopLimits.SourceTokens"/>, shared between them) goes into the first message,
    /// <c>read_source</c> reads the rest, and <c>cite_source</c> citations end up on a "Sources"
    /// sheet (Excel) and in <see cref="PlanningResult.Citations"/>. CSV sources are registered
    /// with a workbook session by name, so <c>import_csv</c> can read them.
    /// </summary>
    public async Task<PlanningResult> RunAsync(IDocumentSession session, string instruction, IReadOnlyList<SourceDocument> sources, ReasoningEffort? effort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(instruction);
        ArgumentNullException.ThrowIfNull(sources);
        var chosenEffort = effort ?? Settings.Effort ?? ReasoningEfforts.For(instruction);
        if (session is IRevisionTracking tracking && PlanningPrompts.AsksForTrackedChanges(instruction))
        {
            tracking.TrackChanges = true;
        }

        var tools = new ToolDefinitions([.. catalog.ForHost(session.Host)]);
        var handler = new ToolCallHandler(session, new PlanSerializer(catalog), tools);
        var sourceTools = sources.Count == 0 ? null : new SourceTools(sources, session, Limits.ReadSourceTokens);
        foreach (var source in sources.Where(s => s.Kind == SourceKind.Csv && s.Open is not null))
        {
            (session as IDataSources)?.AddSource(source.Name, source.Open!);
        }

        var loading = Loading;
        var perSource = sources.Count == 0 ? 0 : Math.Max(500, Limits.SourceTokens / sources.Count);
        var conversation = ModelConversation.Start(
            _client,
            PlanningPrompts.Instructions(session.Host, loading, loading == ToolLoading.Manifest ? tools.Manifest() : null, sources.Count > 0),
            PlanningPrompts.FirstMessage(instruction, session.Inspect(Limits.DigestTokens), [.. sources.Select(s => s.Text(perSource))]));

        using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wall.CancelAfter(Limits.WallTime);
        var state = new RunState();
        var clock = Stopwatch.StartNew();
        try
        {
            return await LoopAsync(session, instruction, chosenEffort, tools, handler, sourceTools, loading, conversation, state, wall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(state, "wall_time", $"The run took longer than its {Limits.WallTime.TotalMinutes:0.#} minute limit ({clock.Elapsed.TotalSeconds:0} s); nothing was saved.", ex);
        }
        catch (ModelRequestException ex)
        {
            throw Fail(state, "model_request", ex.Message + " Nothing was saved.", ex);
        }
    }

    private async Task<PlanningResult> LoopAsync(
        IDocumentSession session, string instruction, ReasoningEffort effort, ToolDefinitions tools, ToolCallHandler handler,
        SourceTools? sourceTools, ToolLoading loading, ModelConversation conversation, RunState state, CancellationToken cancellationToken)
    {
        var operations = new List<Operation>();
        var changes = new List<Change>();
        var repairRounds = 0;
        var truncations = 0;
        var failuresInARow = 0;
        var citationSheet = new CitationSheet();
        while (true)
        {
            if (state.Steps >= Limits.MaxSteps)
            {
                throw Fail(state, "step_limit", $"The model was still calling tools after {Limits.MaxSteps} requests (the step limit); nothing was saved. Try a narrower instruction or raise the limit.");
            }

            var requestTools = loading switch
            {
                ToolLoading.Native => tools.NativeSearchTools(),
                ToolLoading.Manifest => tools.ManifestTools(Settings.Style, handler.Loaded),
                _ => tools.AllTools(Settings.Style),
            };
            foreach (var sourceTool in sourceTools?.Definitions(Settings.Style) ?? [])
            {
                requestTools.Add(sourceTool);
            }

            Progress?.Report(new PlanProgress(operations.Count, 0, $"step {state.Steps + 1}: asking the model"));
            var turn = await conversation.NextAsync(requestTools, effort, Limits.MaxOutputTokens, cancellationToken).ConfigureAwait(false);
            state.Steps++;
            state.Usage = state.Usage.Add(turn.Usage);
            handler.MarkLoaded(turn.SearchLoaded);
            if (state.Usage.TotalTokens > Limits.MaxTokens)
            {
                throw Fail(state, "token_limit", $"The run used {state.Usage.TotalTokens:N0} tokens, over its limit of {Limits.MaxTokens:N0}; nothing was saved.");
            }

            if (turn.Refusal is { } refusal)
            {
                throw Fail(state, "refusal", $"The model refused the instruction: {refusal}");
            }

            if (turn.Truncated)
            {
                if (++truncations > Limits.MaxTruncations)
                {
                    throw Fail(state, "truncated", $"The model's answer was cut off ({turn.TruncatedBecause}) {truncations} times; nothing was saved. Try a smaller instruction or a lower effort.");
                }

                conversation.AddUserText(PlanningPrompts.Truncated(turn.TruncatedBecause!));
                continue;
            }

            if (turn.Calls.Count == 0)
            {
                foreach (var written in citationSheet.Flush(sourceTools?.Citations ?? [], handler, session).Where(r => r.Applied is not null))
                {
                    operations.Add(written.Applied!);
                    changes.Add(written.Change!);
                }

                var report = await session.VerifyAsync(cancellationToken).ConfigureAwait(false);
                if (AdditionalChecks is not null)
                {
                    report = report.Merge(await AdditionalChecks(session, cancellationToken).ConfigureAwait(false));
                }

                if (!report.HasErrors || repairRounds >= Limits.MaxRepairRounds)
                {
                    var plan = new Plan(session.Host, instruction, (session as IRevisionTracking)?.TrackChanges ?? false, operations);
                    return new PlanningResult(plan, changes, report, Priced(state.Usage), effort, state.Steps, repairRounds, turn.Text, [.. handler.Loaded])
                    {
                        Citations = sourceTools?.Citations ?? [],
                    };
                }

                repairRounds++;
                conversation.AddUserText(PlanningPrompts.Findings(report, repairRounds, Limits.MaxRepairRounds));
                continue;
            }

            foreach (var call in turn.Calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bareName = call.Name.Contains('.', StringComparison.Ordinal) ? call.Name[(call.Name.LastIndexOf('.') + 1)..] : call.Name;
                var result = sourceTools is not null && SourceTools.Handles(bareName)
                    ? sourceTools.Handle(bareName, call.Arguments)
                    : handler.Handle(call.Name, call.Arguments, cancellationToken);
                conversation.AddToolOutput(call, result.Output);
                if (result.Applied is not null)
                {
                    operations.Add(result.Applied);
                    changes.Add(result.Change!);
                }

                Progress?.Report(new PlanProgress(operations.Count, 0,
                    $"step {state.Steps}: {bareName}{(string.IsNullOrEmpty(result.Target) ? "" : " " + result.Target)}{(result.Succeeded ? "" : " (invalid, sent back to the model)")}"));

                failuresInARow = result.Succeeded ? 0 : failuresInARow + 1;
                if (failuresInARow > Limits.MaxConsecutiveFailures)
                {
                    throw Fail(state, "invalid_tool_calls", $"The model made {failuresInARow} invalid tool calls in a row; nothing was saved. Last error: {result.Output}");
                }
            }
        }
    }

    private ModelUsage Priced(ModelUsage usage) => usage.PricedWith(Settings.Prices.For(Settings.Model));

    private PlanningException Fail(RunState state, string reason, string message, Exception? inner = null) =>
        new(reason, message, Priced(state.Usage), inner);

    private sealed class RunState
    {
        public int Steps { get; set; }

        public ModelUsage Usage { get; set; } = ModelUsage.Zero;
    }

    /// <summary>The tools of a first request with these settings, for inspection and measurement.</summary>
    public JsonArray FirstRequestTools(DocumentHost host)
    {
        var tools = new ToolDefinitions([.. catalog.ForHost(host)]);
        return Loading switch
        {
            ToolLoading.Native => tools.NativeSearchTools(),
            ToolLoading.Manifest => tools.ManifestTools(Settings.Style, []),
            _ => tools.AllTools(Settings.Style),
        };
    }
}
