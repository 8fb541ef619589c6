using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Officina.OpenXml.Packaging;
using Officina.OpenXml.Validation;
using Officina.Operations;
using Officina.PowerPoint.Deck;
using Officina.PowerPoint.Inspection;
using Officina.PowerPoint.Verification;

namespace Officina.PowerPoint;

/// <summary>
/// A working copy of a deck, edited in place through the OpenXML SDK so that every part no
/// operation touches (masters, layouts, media, charts, notes, VBA) is saved back as it came.
/// The input stream is copied on open and never written to. Slides are addressed by their
/// 1-based position at the time an operation runs; shapes by id or name.
/// </summary>
public sealed class DeckSession : IHostSession, IDataSources
{
    private readonly MemoryStream _working;
    private readonly List<Change> _changes = [];
    private readonly byte[]? _original;
    private readonly Dictionary<string, Func<Stream>> _sources = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlySet<string>? _baseline;

    private DeckSession(MemoryStream working, PresentationDocument document, PackageInfo? info, byte[]? original = null)
    {
        _working = working;
        _original = original;
        Document = document;
        Package = info;
    }

    public static DocumentHost HostKind => DocumentHost.PowerPoint;

    public DocumentHost Host => DocumentHost.PowerPoint;

    public PresentationDocument Document { get; }

    /// <summary>What the package guard found on open; null for a deck created here.</summary>
    public PackageInfo? Package { get; }

    public PresentationPart PresentationPart => Document.PresentationPart!;

    public Presentation Presentation => PresentationPart.Presentation;

    public IReadOnlyList<Change> Changes => _changes;

    /// <summary>Defects in the input that were mended on open (they held no content); verification reports them.</summary>
    public IReadOnlyList<string> Repairs { get; private init; } = [];

    /// <summary>Schema errors the input already had (computed on first use from the input's bytes), so verification reports only new ones.</summary>
    public IReadOnlySet<string> Baseline => _baseline ??= ValidateOriginal();

    private HashSet<string> ValidateOriginal() =>
        WorkingCopy.Baseline(_original, stream => PresentationDocument.Open(stream, false));

    /// <summary>
    /// The input as it was opened, in a session of its own, for verification to compare the
    /// edit's findings with; null for a document created here. The caller disposes it. The guard
    /// already accepted these bytes under the caller's limits when the session was opened, so they
    /// are not scanned again (nor refused by default limits lower than the caller's).
    /// </summary>
    internal DeckSession? OpenInput() => _original is null ? null : Open(new MemoryStream(_original, writable: false), inspected: Package);

    /// <summary>Opens a copy of <paramref name="input"/> after the package guard accepts it as a PowerPoint deck.</summary>
    /// <param name="inspected">What <see cref="PackageGuard"/> found in exactly this stream, when the caller already checked it.</param>
    public static DeckSession Open(Stream input, PackageLimits? limits = null, PackageInfo? inspected = null)
    {
        var loaded = WorkingCopy.Load(input, limits, DocumentHost.PowerPoint, "a PowerPoint deck", inspected);
        var document = WorkingCopy.Open(() => PresentationDocument.Open(loaded.Working, true, new OpenSettings { AutoSave = false }), "presentation");
        if (WorkingCopy.Read(document, () => document.PresentationPart?.Presentation, "presentation") is null)
        {
            document.Dispose();
            throw new DocumentRejectedException("damaged_package", "The package declares a presentation but its presentation part is missing.");
        }

        return new DeckSession(loaded.Working, document, loaded.Info, loaded.Original) { Repairs = WorkingCopy.Repairs(loaded, document) };
    }

    public static DeckSession Open(string path, PackageLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Open(stream, limits);
    }

    /// <summary>
    /// A new, empty 16:9 deck in <paramref name="design"/> (null for the first built-in design,
    /// <see cref="DeckDesign.Corporate"/>): its theme, one slide master and the layouts Title Slide,
    /// Title and Content, Section Header, Two Content, Comparison, Title Only, Big Number, Chart,
    /// Closing and Blank, its table style and a notes master.
    /// </summary>
    public static DeckSession Create(DeckDesign? design = null)
    {
        var working = new MemoryStream();
        DeckTemplate.Build(working, design);
        return Created(working);
    }

    /// <summary>
    /// A new, empty deck on the masters, layouts and theme of a company template (.potx, or a
    /// .pptx used as one): the template's slides are dropped and a template becomes a presentation.
    /// Throws <see cref="DocumentRejectedException"/> when <paramref name="template"/> is not a usable
    /// PowerPoint template (another kind of file, macro-enabled, no layouts).
    /// </summary>
    public static DeckSession Create(Stream template, PackageLimits? limits = null) => Created(TemplateDeck.Build(template, limits));

    /// <summary>A new deck from the built-in design named <paramref name="nameOrPath"/>, else from the template file at that path.</summary>
    public static DeckSession CreateFromTemplate(string nameOrPath, PackageLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (DeckDesign.Find(nameOrPath) is { } design)
        {
            return Create(design);
        }

        if (!File.Exists(nameOrPath))
        {
            throw new DocumentRejectedException("template_not_found", $"There is no template file at '{nameOrPath}', and it is not a built-in design ({DeckDesign.Names}).");
        }

        using var stream = File.OpenRead(nameOrPath);
        return Create(stream, limits);
    }

    private static DeckSession Created(MemoryStream working)
    {
        working.Position = 0;
        var document = PresentationDocument.Open(working, true, new OpenSettings { AutoSave = false });
        return new DeckSession(working, document, null);
    }

    /// <summary>Slide size in EMU.</summary>
    public (long Width, long Height) SlideSize =>
        Presentation.SlideSize is { } size ? (size.Cx?.Value ?? 12192000, size.Cy?.Value ?? 6858000) : (12192000, 6858000);

    /// <summary>The slides in show order.</summary>
    public IReadOnlyList<SlidePart> Slides =>
        [.. (Presentation.SlideIdList?.Elements<SlideId>() ?? [])
            .Select(s => s.RelationshipId?.Value is { } id && PresentationPart.TryGetPartById(id, out var part) ? part as SlidePart : null)
            .OfType<SlidePart>()];

    /// <summary>The slide at 1-based <paramref name="position"/>, or null.</summary>
    public SlidePart? SlideAt(int position)
    {
        var slides = Slides;
        return position >= 1 && position <= slides.Count ? slides[position - 1] : null;
    }

    /// <summary>The 1-based position of <paramref name="slide"/>.</summary>
    public int PositionOf(SlidePart slide)
    {
        var slides = Slides;
        for (var i = 0; i < slides.Count; i++)
        {
            if (slides[i] == slide)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Every layout of every master, in master order.</summary>
    public IReadOnlyList<SlideLayoutPart> Layouts =>
        [.. (Presentation.SlideMasterIdList?.Elements<SlideMasterId>() ?? [])
            .Select(m => m.RelationshipId?.Value is { } id && PresentationPart.TryGetPartById(id, out var part) ? part as SlideMasterPart : null)
            .OfType<SlideMasterPart>()
            .SelectMany(m => (m.SlideMaster?.SlideLayoutIdList?.Elements<SlideLayoutId>() ?? [])
                .Select(l => l.RelationshipId?.Value is { } id && m.TryGetPartById(id, out var part) ? part as SlideLayoutPart : null)
                .OfType<SlideLayoutPart>())];

    public static string LayoutName(SlideLayoutPart layout) => layout?.SlideLayout?.CommonSlideData?.Name?.Value ?? "";

    /// <summary>The layout named <paramref name="name"/> (case-insensitive), or null.</summary>
    public SlideLayoutPart? FindLayout(string name) =>
        Layouts.FirstOrDefault(l => string.Equals(LayoutName(l), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Resolves a 1-based slide position, adding an error naming <paramref name="property"/> when there is no such slide.</summary>
    public bool TryResolveSlide(int position, string property, ICollection<OperationError> errors, out SlidePart slide)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var found = SlideAt(position);
        if (found is null)
        {
            var count = Slides.Count;
            errors.Add(new OperationError(property, "slide_exists",
                count == 0 ? $"The deck has no slides yet; add one with add_slide. Given: slide {position}."
                    : $"slide must be a position from 1 to {count} (the deck has {count} slide(s)). Given: {position}."));
            slide = null!;
            return false;
        }

        slide = found;
        return true;
    }

    /// <summary>Resolves a slide and a shape on it by id or name, adding errors that list the shapes when the reference matches none or several.</summary>
    public bool TryResolveShape(int position, string? shape, ICollection<OperationError> errors, out SlidePart slide, out OpenXmlCompositeElement element)
    {
        element = null!;
        if (!TryResolveSlide(position, "slide", errors, out slide))
        {
            return false;
        }

        if (!SlideShapes.TryFind(slide, shape, out element, out var error))
        {
            errors.Add(new OperationError("shape", "shape_exists", $"On slide {position}: {error}"));
            return false;
        }

        return true;
    }

    /// <summary>Like <see cref="TryResolveShape"/> for callers that already validated.</summary>
    public (SlidePart Slide, OpenXmlCompositeElement Shape) ResolveShape(int position, string shape)
    {
        var errors = new List<OperationError>();
        return TryResolveShape(position, shape, errors, out var slide, out var element)
            ? (slide, element)
            : throw new InvalidOperationException(errors[0].Message);
    }

    /// <summary>Lists <paramref name="slide"/> at 0-based <paramref name="index"/> in the slide list (null appends).</summary>
    public void InsertSlideId(SlidePart slide, int? index)
    {
        ArgumentNullException.ThrowIfNull(slide);
        var list = Presentation.SlideIdList;
        if (list is null)
        {
            list = new SlideIdList();
            var after = (OpenXmlElement?)Presentation.HandoutMasterIdList ?? (OpenXmlElement?)Presentation.NotesMasterIdList ?? Presentation.SlideMasterIdList;
            if (after is null)
            {
                Presentation.PrependChild(list);
            }
            else
            {
                Presentation.InsertAfter(list, after);
            }
        }

        var ids = list.Elements<SlideId>().ToList();
        var next = ids.Select(s => s.Id?.Value ?? 0).DefaultIfEmpty(255u).Max() + 1;
        var entry = new SlideId { Id = Math.Max(256u, next), RelationshipId = PresentationPart.GetIdOfPart(slide) };
        if (index is { } i && i < ids.Count)
        {
            list.InsertBefore(entry, ids[Math.Max(0, i)]);
        }
        else
        {
            list.AppendChild(entry);
        }

        SlideSections.Place(Presentation, entry.Id!.Value, (entry.PreviousSibling() as SlideId)?.Id?.Value);
    }

    /// <summary>
    /// The cancellation of the <see cref="Execute"/> call in progress (none outside one):
    /// operations with long loops check it, so that a cancelled job stops within its current operation.
    /// </summary>
    internal CancellationToken Cancellation { get; private set; }

    public OperationOutcome Execute(Operation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        Cancellation = cancellationToken;
        try
        {
            var outcome = operation.ExecuteOn(this);
            if (outcome.Change is not null)
            {
                _changes.Add(outcome.Change);
            }

            return outcome;
        }
        finally
        {
            Cancellation = CancellationToken.None;
        }
    }

    public string Inspect(int tokenBudget = Digest.DefaultTokenBudget) => DeckDigest.Create(this, tokenBudget);

    public Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default) => DeckVerifier.VerifyAsync(this, cancellationToken);

    /// <summary>Writes the working copy as a complete package (cloned: System.IO.Packaging writes a zip only when closed, and the session stays open).</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WorkingCopy.Save(Document, output);
    }

    /// <summary>Writes the working copy to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public void SaveAs(string path) => AtomicFile.Write(path, Save);

    /// <summary>The working copy as bytes (a complete package).</summary>
    public byte[] ToArray() => WorkingCopy.ToArray(Save);

    /// <summary>
    /// Registers a source that plans may read by <paramref name="name"/> (add_image). The caller
    /// decides which files or blobs a plan can reach: a plan names a source, never a path.
    /// <paramref name="open"/> must return a fresh readable stream on every call.
    /// </summary>
    public void AddSource(string name, Func<Stream> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        _sources[name] = open;
    }

    /// <summary>The names of the registered sources, sorted.</summary>
    public IReadOnlyList<string> SourceNames => [.. _sources.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The opener of the source named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Func<Stream>? FindSource(string name) => name is not null && _sources.TryGetValue(name, out var open) ? open : null;

    public void Dispose()
    {
        Document.Dispose();
        _working.Dispose();
    }
}
