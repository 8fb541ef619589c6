using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Testing;
using Officina.Word.Operations;

namespace Officina.Word.Tests;

/// <summary>
/// A cancelled job stops inside the Word operation or check it is running: each test starts one
/// long piece of work on a large document, cancels from another thread once it is under way, and
/// expects <see cref="OperationCanceledException"/> with the file it came from untouched.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private static readonly TimeSpan ShortWhile = TimeSpan.FromMilliseconds(300);
    private readonly string _folder = Directory.CreateTempSubdirectory("officina-cancel-").FullName;

    [Fact]
    public async Task ReplaceText_StopsInsideTheReplacements_AndTheFileIsUntouched_WhenCancelled()
    {
        var path = Path.Combine(_folder, "long.docx");
        File.WriteAllBytes(path, LongDocument(20_000));
        var bytes = File.ReadAllBytes(path);
        using var document = WordSession.Open(path);

        var error = await Cancellation.WhileApplyingAsync(document, new ReplaceText("quarterly figure", "annual figure for the whole group"), ShortWhile, trackChanges: true);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Verify_StopsInsideThePlaceholderCheck_WhenCancelled()
    {
        using var document = WordSession.Open(new MemoryStream(LongDocument(50_000)));

        var error = await Cancellation.WhileRunningAsync((started, token) =>
        {
            started();
            document.VerifyAsync(token).GetAwaiter().GetResult();
        }, TimeSpan.FromMilliseconds(20));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    /// <summary>
    /// <paramref name="paragraphs"/> paragraphs, each with the text "quarterly figure" split over
    /// several runs (as spell-check and editing history leave it), so every replacement splits runs.
    /// </summary>
    private static byte[] LongDocument(int paragraphs)
    {
        using var stream = new MemoryStream();
        using (var created = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            for (var i = 0; i < paragraphs; i++)
            {
                body.AppendChild(new Paragraph(
                    new Run(new Text($"Line {i}: the quar") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new RunProperties(new Bold()), new Text("terly fig") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text("ure stays.") { Space = SpaceProcessingModeValues.Preserve })));
            }

            created.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
