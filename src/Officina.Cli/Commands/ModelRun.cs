using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Planning;
using Officina.Planning.Model;
using Officina.Sources;

namespace Officina.Cli.Commands;

/// <summary>What <c>run</c>, <c>plan</c> and <c>eval</c> ask of the model loop: the document (a file, or a new one), the instruction, effort and sources.</summary>
/// <param name="File">The input document, or the path of the new document when <paramref name="IsNew"/>.</param>
internal sealed record ModelRequest(string File, bool IsNew, string Instruction, string? Effort, IReadOnlyList<string> Sources, bool Json, bool TrackChanges = false)
{
    /// <summary>With <see cref="IsNew"/>: the template or built-in design a new deck is built on; null for the default design.</summary>
    public string? Template { get; init; }

    /// <summary>No progress lines on stderr while the model works (errors are still written).</summary>
    public bool Quiet { get; init; }

    /// <summary>The decompressed-bytes and LibreOffice budgets for the document and sources; the defaults when null.</summary>
    public EngineBudgets? Budgets { get; init; }
}

/// <summary>What <c>run</c> and <c>plan</c> share: reading the model settings and effort, opening or creating the document, reading sources, running the loop (its progress on stderr), reporting usage and failures.</summary>
internal static class ModelRun
{
    /// <summary>Runs the loop on a working copy of <paramref name="file"/>; returns the session and result, or an exit code when it could not.</summary>
    public static Task<(IDocumentSession? Session, PlanningResult? Result, int Exit)> RunAsync(
        CliOutput o, string file, string instruction, string? effortText, bool json, CancellationToken cancellationToken) =>
        RunAsync(o, new ModelRequest(file, false, instruction, effortText, [], json), null, cancellationToken);

    public static async Task<(IDocumentSession? Session, PlanningResult? Result, int Exit)> RunAsync(
        CliOutput o, ModelRequest request, ModelSettings? settingsOverride, CancellationToken cancellationToken)
    {
        ReasoningEffort? effort = null;
        if (request.Effort is not null)
        {
            if (!ReasoningEfforts.TryParse(request.Effort, out var parsed))
            {
                o.Error.WriteLine($"error: --effort must be one of none, low, medium, high, xhigh. Given: '{request.Effort}'.");
                return (null, null, ExitCodes.Invalid);
            }

            effort = parsed;
        }

        ModelSettings settings;
        try
        {
            settings = settingsOverride ?? ModelSettings.FromEnvironment();
        }
        catch (ModelNotConfiguredException ex)
        {
            if (request.Json)
            {
                o.WriteJson(new { ok = false, reason = "model_not_configured", message = ex.Message });
            }

            o.Error.WriteLine($"error: {ex.Message}");
            return (null, null, ExitCodes.Invalid);
        }

        var images = request.Sources.Where(IsImage).ToList();
        var sources = ReadSources([.. request.Sources.Except(images)], request.Budgets?.Limits);
        var session = request.IsNew
            ? NewDocument.Create(request.File, request.Budgets?.LibreOffice, request.Template, request.Budgets?.Limits)
            : DocumentSessions.Open(request.File, request.Budgets?.Limits, request.Budgets?.LibreOffice);
        try
        {
            RegisterImages(session, images);
            var loop = new ModelLoop(settings, DocumentSessions.Catalog);
            if (request.TrackChanges && session is IRevisionTracking tracking)
            {
                tracking.TrackChanges = true;
            }

            // One line per model step and tool call on stderr (like the service's job progress), not a
            // spinner: a run takes minutes and the lines say what the model is doing.
            if (!request.Quiet)
            {
                o.Error.WriteLine($"Planning with {settings.Model}…");
                loop.Progress = new ProgressLines(o.Error);
            }

            var result = await loop.RunAsync(session, request.Instruction, sources, effort, cancellationToken).ConfigureAwait(false);
            return (session, result, ExitCodes.Ok);
        }
        catch (PlanningException ex)
        {
            session.Dispose();
            if (request.Json)
            {
                o.WriteJson(new { ok = false, reason = ex.Reason, message = ex.Message, usage = Usage(ex.Usage) });
            }

            o.Error.WriteLine($"error: {ex.Message} [{ex.Reason}]");
            o.Error.WriteLine($"usage: {ex.Usage}");
            return (null, null, ExitCodes.Failure);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>PNG and JPEG sources are pictures for a deck (add_image), not text for the model.</summary>
    private static bool IsImage(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        return Officina.PowerPoint.Deck.ImageHeader.Read(stream) is not null;
    }

    /// <summary>Registers image sources by file name with a deck; other hosts cannot use pictures yet, which is said plainly.</summary>
    private static void RegisterImages(IDocumentSession session, List<string> images)
    {
        if (images.Count == 0)
        {
            return;
        }

        if (session is not Officina.PowerPoint.DeckSession deck)
        {
            throw new DocumentRejectedException("source_rejected",
                $"Pictures can be placed on PowerPoint slides only; '{Path.GetFileName(images[0])}' is a PNG, JPEG or GIF and the document is a {session.Host.ToName()} document.");
        }

        foreach (var path in images)
        {
            var full = Path.GetFullPath(path);
            deck.AddSource(Path.GetFileName(path), () => File.OpenRead(full));
        }
    }

    /// <summary>Reads every <c>--source</c> file; names are the file names, made unique with a number when two collide.</summary>
    public static IReadOnlyList<SourceDocument> ReadSources(IReadOnlyList<string> paths, PackageLimits? limits = null)
    {
        var sources = new List<SourceDocument>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            for (var n = 2; sources.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)); n++)
            {
                name = $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}";
            }

            try
            {
                sources.Add(SourceReader.Read(path, name, limits: limits));
            }
            catch (SourceRejectedException ex)
            {
                throw new DocumentRejectedException("source_rejected", ex.Message);
            }
        }

        return sources;
    }

    public static object Usage(ModelUsage usage) => new
    {
        requests = usage.Requests,
        input_tokens = usage.InputTokens,
        cached_input_tokens = usage.CachedInputTokens,
        output_tokens = usage.OutputTokens,
        reasoning_tokens = usage.ReasoningTokens,
        estimated_cost_usd = usage.EstimatedCostUsd,
    };

    public static void WriteSummary(CliOutput o, PlanningResult result)
    {
        foreach (var change in result.Changes)
        {
            o.Out.WriteLine($"  {change.Op}: {change.Summary}");
        }

        foreach (var citation in result.Citations)
        {
            o.Out.WriteLine($"  source: {citation.Cells} <- {citation.Source} {citation.Location}");
        }

        if (!string.IsNullOrWhiteSpace(result.Message))
        {
            o.Out.WriteLine($"Model: {result.Message}");
        }

        o.Out.WriteLine($"Effort {result.Effort.ToName()}, {result.Steps} step(s), {result.RepairRounds} repair round(s); {result.Usage}");
    }
}
