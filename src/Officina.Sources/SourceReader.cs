using System.Text;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Sources.Office;
using Officina.Sources.Pdf;
using Officina.Sources.Tabular;

namespace Officina.Sources;

/// <summary>A source file that cannot be read; the message says which file and why.</summary>
public sealed class SourceRejectedException : Exception
{
    public SourceRejectedException()
    {
    }

    public SourceRejectedException(string message)
        : base(message)
    {
    }

    public SourceRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Reads a source file by its content: <c>%PDF</c> as PDF, a zip package as the Office file it
/// is (workbook, document, deck), text starting with <c>{</c> or <c>[</c> as JSON, any other
/// text as CSV (comma, semicolon, tab or pipe, from the first line).
/// </summary>
public static class SourceReader
{
    /// <summary>Largest source file read, in bytes.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public static SourceDocument Read(string path, string? name = null, int workbookTokens = 4000, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SourceRejectedException($"There is no source file at '{path}'.");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new SourceRejectedException($"The source '{path}' is {length / 1024 / 1024} MB; sources are read up to {MaxBytes / 1024 / 1024} MB.");
        }

        return Read(name ?? Path.GetFileName(path), File.ReadAllBytes(path), workbookTokens, limits);
    }

    /// <summary>
    /// Reads a source already in memory (an upload), recognised by its content as
    /// <see cref="Read(string, string?, int, PackageLimits?)"/> does. Office sources are checked
    /// against <paramref name="limits"/> (the defaults when null), as documents are.
    /// </summary>
    public static SourceDocument Read(string name, byte[] content, int workbookTokens = 4000, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxBytes)
        {
            throw new SourceRejectedException($"The source '{name}' is {content.LongLength / 1024 / 1024} MB; sources are read up to {MaxBytes / 1024 / 1024} MB.");
        }

        Stream Open() => new MemoryStream(content, writable: false);
        var head = content.AsSpan(0, Math.Min(8, content.Length));
        try
        {
            if (head.Length >= 4 && head[..4].SequenceEqual("%PDF"u8))
            {
                return PdfSourceReader.Read(name, content, Open);
            }

            if (head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            {
                return ReadPackage(name, content, workbookTokens, limits);
            }

            var firstChar = FirstNonSpace(head);
            if (firstChar is '{' or '[')
            {
                return JsonSourceReader.Read(name, new StreamReader(Open()).ReadToEnd());
            }

            return CsvSourceReader.Read(name, Open);
        }
        catch (Exception ex) when (ex is not SourceRejectedException and (IOException or InvalidOperationException or FormatException or ArgumentException or UglyToad.PdfPig.Core.PdfDocumentFormatException or Officina.Excel.Import.CsvFormatException or DocumentRejectedException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException))
        {
            throw new SourceRejectedException($"The source '{name}' could not be read: {ex.Message}", ex);
        }
    }

    private static SourceDocument ReadPackage(string name, byte[] bytes, int workbookTokens, PackageLimits? limits)
    {
        var info = PackageGuard.Inspect(new MemoryStream(bytes), limits);
        return info.Host switch
        {
            DocumentHost.Excel => OfficeSourceReader.ReadWorkbook(name, bytes, workbookTokens, limits),
            DocumentHost.Word => OfficeSourceReader.ReadDocument(name, bytes),
            _ => OfficeSourceReader.ReadPresentation(name, bytes),
        };
    }

    private static char FirstNonSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return (char)b;
        }

        return '\0';
    }
}
