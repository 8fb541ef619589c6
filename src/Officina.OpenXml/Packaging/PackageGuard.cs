using System.IO.Compression;
using System.Text;
using System.Xml;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Decides, from content rather than the file name, whether a stream is an Office package
/// that is safe to open: a zip within the size, part-count and decompression limits, with
/// an Office main part, not encrypted, not a legacy binary file renamed, every XML part well-formed, without a DTD and nested no deeper than the limit (<see cref="PartScan"/>).
/// Everything it refuses raises <see cref="DocumentRejectedException"/> with a specific reason.
/// Strict Open XML passes: <see cref="StrictTranslation"/> reads it when the working copy is made.
/// </summary>
public static class PackageGuard
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, (DocumentHost Host, bool Macros)> MainContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = (DocumentHost.Excel, false),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"] = (DocumentHost.Excel, false),
        ["application/vnd.ms-excel.sheet.macroEnabled.main+xml"] = (DocumentHost.Excel, true),
        ["application/vnd.ms-excel.template.macroEnabled.main+xml"] = (DocumentHost.Excel, true),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = (DocumentHost.Word, false),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"] = (DocumentHost.Word, false),
        ["application/vnd.ms-word.document.macroEnabled.main+xml"] = (DocumentHost.Word, true),
        ["application/vnd.ms-word.template.macroEnabledTemplate.main+xml"] = (DocumentHost.Word, true),
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = (DocumentHost.PowerPoint, false),
        ["application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"] = (DocumentHost.PowerPoint, false),
        ["application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"] = (DocumentHost.PowerPoint, true),
        ["application/vnd.ms-powerpoint.template.macroEnabled.main+xml"] = (DocumentHost.PowerPoint, true),
        ["application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"] = (DocumentHost.PowerPoint, false),
        ["application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml"] = (DocumentHost.PowerPoint, true),
    };

    /// <summary>Checks a seekable stream and leaves its position at 0.</summary>
    public static PackageInfo Inspect(Stream stream, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The package stream must be seekable.", nameof(stream));
        }

        limits ??= PackageLimits.Default;
        stream.Position = 0;
        try
        {
            return InspectCore(stream, limits);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static PackageInfo InspectCore(Stream stream, PackageLimits limits)
    {
        if (stream.Length > limits.MaxFileBytes)
        {
            throw new DocumentRejectedException("too_large",
                $"The file is {Megabytes(stream.Length)}; the limit is {Megabytes(limits.MaxFileBytes)}.");
        }

        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            throw new DocumentRejectedException("empty", "The file is empty.");
        }

        if (read == 8 && head.SequenceEqual(OleSignature))
        {
            throw IsEncrypted(stream)
                ? new DocumentRejectedException("encrypted",
                    "The file is password-protected (an encrypted OLE compound file). Remove the password in Office (File > Info > Protect > Encrypt) and try again.")
                : new DocumentRejectedException("legacy_format",
                    "The file is a legacy binary Office file (.xls, .doc or .ppt), whatever its name says. Save it as .xlsx, .docx or .pptx and try again.");
        }

        if (read < 4 || head[0] != 'P' || head[1] != 'K')
        {
            var hex = Convert.ToHexString(head[..Math.Min(read, 4)]);
            throw new DocumentRejectedException("not_a_package",
                $"The file is not an Office document: Office files are zip packages starting with 'PK', this one starts with 0x{hex}.");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count; // the central directory is read here, not by the constructor
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException("damaged_zip",
                $"The file is a damaged or truncated zip package and cannot be opened safely ({ex.Message}).", ex);
        }

        using (zip)
        {
            RefuseDuplicateNames(zip);
            if (zip.Entries.Count > limits.MaxParts)
            {
                throw new DocumentRejectedException("too_many_parts",
                    $"The package has {zip.Entries.Count} parts; the limit is {limits.MaxParts}.");
            }

            var total = PartScan.Run(zip, limits);
            var contentTypes = zip.GetEntry("[Content_Types].xml")
                ?? throw new DocumentRejectedException("not_office", "The file is a zip but not an Office package: it has no [Content_Types].xml.");
            var (mainType, _) = FindMainPart(zip, contentTypes);
            if (mainType is null || !MainContentTypes.TryGetValue(mainType, out var kind))
            {
                throw new DocumentRejectedException("not_office",
                    "The file is a zip but not a Word, Excel or PowerPoint package (no workbook, document or presentation part was declared).");
            }

            return new PackageInfo(kind.Host, mainType, kind.Macros || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)), zip.Entries.Count, total);
        }
    }

    /// <summary>
    /// Part names are case-insensitive in a package (ECMA-376 Part 2): two entries whose names
    /// differ only in case, or repeat, leave it open which one a reader takes.
    /// </summary>
    private static void RefuseDuplicateNames(ZipArchive zip)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (!seen.Add(entry.FullName))
            {
                throw new DocumentRejectedException("duplicate_part",
                    $"The package holds the part '{entry.FullName}' twice (part names are compared without case); the file is damaged or made to confuse readers.");
            }
        }
    }

    /// <summary>
    /// The package's main part (the target of the officeDocument relationship in _rels/.rels)
    /// and its content type, from an Override or the Default for its extension.
    /// </summary>
    private static (string? ContentType, string? PartName) FindMainPart(ZipArchive zip, ZipArchiveEntry contentTypes)
    {
        var rels = zip.GetEntry("_rels/.rels");
        string? target = null;
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (rels is not null)
            {
                foreach (var element in Elements(rels, "Relationship"))
                {
                    if (element.Type?.EndsWith("/officeDocument", StringComparison.Ordinal) == true && element.Target is not null)
                    {
                        target = "/" + element.Target.TrimStart('/');
                        break;
                    }
                }
            }

            foreach (var element in Elements(contentTypes, "Override", "Default"))
            {
                if (element.Name == "Override" && element.PartName is not null && element.ContentType is not null)
                {
                    overrides[element.PartName] = element.ContentType;
                }
                else if (element.Name == "Default" && element.Extension is not null && element.ContentType is not null)
                {
                    defaults[element.Extension] = element.ContentType;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new DocumentRejectedException("damaged_package", $"The package's relationships or content types are not well-formed XML ({ex.Message}).", ex);
        }

        if (target is null)
        {
            return (null, null);
        }

        if (overrides.TryGetValue(target, out var type))
        {
            return (type, target);
        }

        var extension = Path.GetExtension(target).TrimStart('.');
        return (defaults.TryGetValue(extension, out var byDefault) ? byDefault : null, target);
    }

    private sealed record XmlItem(string Name, string? Type, string? Target, string? PartName, string? ContentType, string? Extension);

    private static List<XmlItem> Elements(ZipArchiveEntry entry, params string[] names)
    {
        var found = new List<XmlItem>();
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && names.Contains(reader.LocalName))
            {
                found.Add(new XmlItem(reader.LocalName, reader.GetAttribute("Type"), reader.GetAttribute("Target"),
                    reader.GetAttribute("PartName"), reader.GetAttribute("ContentType"), reader.GetAttribute("Extension")));
            }
        }

        return found;
    }

    /// <summary>Encrypted Office files are OLE compound files with an "EncryptionInfo" stream (its name is stored in UTF-16).</summary>
    private static bool IsEncrypted(Stream stream)
    {
        var marker = Encoding.Unicode.GetBytes("EncryptionInfo");
        var buffer = new byte[Math.Min(stream.Length, 4 * 1024 * 1024)];
        stream.Position = 0;
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return buffer.AsSpan(0, n).IndexOf(marker) >= 0;
    }

    /// <summary>A size in words: "256 MB", "2.5 MB", "40 KB", "512 bytes".</summary>
    internal static string Megabytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
