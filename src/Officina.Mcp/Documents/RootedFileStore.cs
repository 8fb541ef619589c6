using Officina.Mcp.Sessions;
using AtomicFile = Officina.OpenXml.Packaging.AtomicFile;
using Officina.Operations;

namespace Officina.Mcp.Documents;

/// <summary>
/// The stdio server's documents: files under <see cref="DocumentRoots"/>, read whole and saved
/// atomically (a temporary file beside the target, then a rename). A save never replaces the
/// input, or any other existing file, unless the call says <c>overwrite</c>; saving again to the
/// file the session saved to before is allowed.
/// </summary>
public sealed class RootedFileStore(DocumentRoots roots) : IDocumentStore
{
    public const string LocalOwner = "local";

    private static readonly Dictionary<DocumentHost, string[]> Extensions = new()
    {
        [DocumentHost.Excel] = [".xlsx", ".xlsm"],
        [DocumentHost.Word] = [".docx", ".docm"],
        [DocumentHost.PowerPoint] = [".pptx", ".pptm"],
    };

    public DocumentRoots Roots { get; } = roots;

    public string Owner => LocalOwner;

    public string PathHelp => $"a file path under {string.Join(" or ", Roots.Folders)} (relative paths start at the first)";

    public async Task<StoredDocument> ReadAsync(string location, CancellationToken cancellationToken)
    {
        var path = Roots.Require(location);
        if (!File.Exists(path))
        {
            throw new ToolRefusalException("$.path", "not_found", $"There is no file at '{path}'. Given: '{location}'.");
        }

        return new(path, Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
    }

    public Task<string> SaveAsync(WorkingCopy copy, byte[] content, VerificationReport report, SaveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(request);
        var target = Roots.Require(request.Target ?? DefaultTarget(copy.Location), "$.path");
        var allowed = Extensions[copy.Host];
        if (!allowed.Contains(Path.GetExtension(target), StringComparer.OrdinalIgnoreCase))
        {
            throw new ToolRefusalException("$.path", "extension", $"A {copy.Host.ToName()} document is saved as {string.Join(" or ", allowed)}. Given: '{Path.GetFileName(target)}'.");
        }

        if (!request.Overwrite && string.Equals(target, copy.Location, StringComparison.Ordinal))
        {
            throw new ToolRefusalException("$.overwrite", "input", $"Saving to '{target}' would replace the input; choose another path, or pass overwrite: true to replace it.");
        }

        if (!request.Overwrite && File.Exists(target) && !string.Equals(target, copy.SavedTo, StringComparison.Ordinal))
        {
            throw new ToolRefusalException("$.overwrite", "exists", $"There is already a file at '{target}'; choose another path, or pass overwrite: true to replace it.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            throw new ToolRefusalException("$.path", "folder", $"The folder of '{target}' does not exist.");
        }

        AtomicFile.Write(target, stream => stream.Write(content));
        return Task.FromResult(target);
    }

    /// <summary>Beside the input, with <c>-officina</c> before the extension: <c>budget.xlsx</c> → <c>budget-officina.xlsx</c>.</summary>
    private static string DefaultTarget(string input) =>
        Path.Combine(Path.GetDirectoryName(input)!, $"{Path.GetFileNameWithoutExtension(input)}-officina{Path.GetExtension(input)}");
}
