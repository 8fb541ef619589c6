using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.OpenXml.Packaging;
using Officina.OpenXml.Validation;
using Officina.Operations;
using Officina.Word.Formatting;
using Officina.Word.Inspection;
using Officina.Word.Paragraphs;
using Officina.Word.Revisions;
using Officina.Word.Verification;

namespace Officina.Word;

/// <summary>
/// A working copy of a Word document, edited in place through the OpenXML SDK so that every
/// part no operation touches is saved back as it came. The input stream is copied on open and
/// never written to. Every paragraph of the body gets a stable <c>w14:paraId</c> (kept where
/// it exists, added where missing): operations address paragraphs by these ids.
/// </summary>
public sealed class WordSession : IHostSession, IRevisionTracking
{
    private readonly MemoryStream _working;
    private readonly List<Change> _changes = [];
    private readonly byte[]? _original;
    private IReadOnlySet<string>? _baseline;
    private ParagraphIds? _ids;
    private RevisionMarks? _revisions;
    private DocumentStyles? _styles;

    private WordSession(MemoryStream working, WordprocessingDocument document, PackageInfo? info, byte[]? original = null)
    {
        _working = working;
        _original = original;
        Document = document;
        Package = info;
    }

    public static DocumentHost HostKind => DocumentHost.Word;

    public DocumentHost Host => DocumentHost.Word;

    public WordprocessingDocument Document { get; }

    /// <summary>What the package guard found on open; null for a document created here.</summary>
    public PackageInfo? Package { get; }

    public MainDocumentPart MainPart => Document.MainDocumentPart!;

    public Body Body => MainPart.Document.Body!;

    public IReadOnlyList<Change> Changes => _changes;

    /// <summary>Defects in the input that were mended on open (they held no content); verification reports them.</summary>
    public IReadOnlyList<string> Repairs { get; private init; } = [];

    /// <summary>
    /// When true (the plan's <c>track_changes</c>), every write becomes a tracked revision
    /// (<c>w:ins</c>/<c>w:del</c>, <c>w:rPrChange</c>/<c>w:pPrChange</c>) by <see cref="RevisionAuthor"/>
    /// that Word shows and can accept or reject. Set by the caller that runs the plan.
    /// </summary>
    public bool TrackChanges { get; set; }

    /// <summary>The author recorded on tracked revisions and comments.</summary>
    public string RevisionAuthor { get; set; } = "Officina";

    /// <summary>Schema errors the input already had, so verification reports only new ones.</summary>
    public IReadOnlySet<string> Baseline => _baseline ??= ValidateOriginal();

    /// <summary>Paragraph ids: lookup by <c>w14:paraId</c> and assignment of new ones.</summary>
    public ParagraphIds Ids => _ids ??= new ParagraphIds(this);

    /// <summary>Revision marks (ids, author, date) for tracked changes.</summary>
    public RevisionMarks Revisions => _revisions ??= new RevisionMarks(this);

    /// <summary>Paragraph, character and table styles: lookup by id or name, built-in ones added on demand.</summary>
    public DocumentStyles Styles => _styles ??= new DocumentStyles(MainPart);

    private HashSet<string> ValidateOriginal() =>
        WorkingCopy.Baseline(_original, stream => WordprocessingDocument.Open(stream, false));

    /// <summary>
    /// The input as it was opened, in a session of its own, for verification to compare the
    /// edit's findings with; null for a document created here. The caller disposes it. The guard
    /// already accepted these bytes under the caller's limits when the session was opened, so they
    /// are not scanned again (nor refused by default limits lower than the caller's).
    /// </summary>
    internal WordSession? OpenInput() => _original is null ? null : Open(new MemoryStream(_original, writable: false), inspected: Package);

    /// <summary>Opens a copy of <paramref name="input"/> after the package guard accepts it.</summary>
    /// <param name="inspected">What <see cref="PackageGuard"/> found in exactly this stream, when the caller already checked it.</param>
    public static WordSession Open(Stream input, PackageLimits? limits = null, PackageInfo? inspected = null)
    {
        var loaded = WorkingCopy.Load(input, limits, DocumentHost.Word, "a Word document", inspected);
        var document = WorkingCopy.Open(() => WordprocessingDocument.Open(loaded.Working, true, new OpenSettings { AutoSave = false }), "document");
        if (WorkingCopy.Read(document, () => document.MainDocumentPart?.Document?.Body, "document") is null)
        {
            document.Dispose();
            throw new DocumentRejectedException("damaged_package", "The package declares a Word document but its main document part or body is missing.");
        }

        var session = new WordSession(loaded.Working, document, loaded.Info, loaded.Original) { Repairs = WorkingCopy.Repairs(loaded, document) };
        session.Ids.AssignMissing();
        return session;
    }

    public static WordSession Open(string path, PackageLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Open(stream, limits);
    }

    /// <summary>A new blank document (US Letter, 1-inch margins) with Normal, Title, Heading 1–3 and List Paragraph styles.</summary>
    public static WordSession Create()
    {
        var working = new MemoryStream();
        using (var created = WordprocessingDocument.Create(working, WordprocessingDocumentType.Document))
        {
            var main = created.AddMainDocumentPart();
            main.Document = new Document(new Body(new SectionProperties(
                new PageSize { Width = 12240U, Height = 15840U },
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 720U, Footer = 720U, Gutter = 0U })));
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocumentStyles.CreateDefault();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new DefaultTabStop { Val = 720 }, new Compatibility(
                new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
        }

        working.Position = 0;
        var document = WordprocessingDocument.Open(working, true, new OpenSettings { AutoSave = false });
        var session = new WordSession(working, document, null);
        session.Ids.AssignMissing();
        return session;
    }

    /// <summary>The body's paragraphs in document order, including those in table cells and content controls.</summary>
    public IEnumerable<Paragraph> Paragraphs => Body.Descendants<Paragraph>().Where(ParagraphText.IsBodyLevel);

    /// <summary>
    /// Every paragraph a find-and-replace over the whole document reaches, as Word's "Replace
    /// All" does: the body (tables, content controls and text boxes included), then headers,
    /// footers, footnotes and endnotes. Comments are left out: they are reviewers' notes, not text.
    /// </summary>
    public IEnumerable<Paragraph> StoryParagraphs => StoryRoots().Where(r => r is not Comments).SelectMany(r => r.Descendants<Paragraph>());

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
                Ids.AssignMissing();
            }

            return outcome;
        }
        finally
        {
            Cancellation = CancellationToken.None;
        }
    }

    public string Inspect(int tokenBudget = Digest.DefaultTokenBudget) => DocumentDigest.Create(this, tokenBudget);

    public Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default) =>
        DocumentVerifier.VerifyAsync(this, cancellationToken);

    /// <summary>
    /// Writes the working copy as a complete package. The package is cloned rather than
    /// flushed: System.IO.Packaging writes a zip only when it is closed, and the session stays open.
    /// </summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WorkingCopy.Save(Document, output);
    }

    /// <summary>Writes the working copy to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public void SaveAs(string path) => AtomicFile.Write(path, Save);

    /// <summary>The working copy as bytes (a complete package).</summary>
    public byte[] ToArray() => WorkingCopy.ToArray(Save);

    /// <summary>The parts whose paragraphs hold document text: body, headers, footers, footnotes, endnotes, comments.</summary>
    public IEnumerable<OpenXmlPartRootElement> StoryRoots()
    {
        yield return MainPart.Document;
        foreach (var header in MainPart.HeaderParts)
        {
            if (header.Header is { } root)
            {
                yield return root;
            }
        }

        foreach (var footer in MainPart.FooterParts)
        {
            if (footer.Footer is { } root)
            {
                yield return root;
            }
        }

        if (MainPart.FootnotesPart?.Footnotes is { } footnotes)
        {
            yield return footnotes;
        }

        if (MainPart.EndnotesPart?.Endnotes is { } endnotes)
        {
            yield return endnotes;
        }

        if (MainPart.WordprocessingCommentsPart?.Comments is { } comments)
        {
            yield return comments;
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        _working.Dispose();
    }
}
