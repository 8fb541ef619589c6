using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>An input accepted for editing: the in-memory working copy, the input's bytes as opened, what the guard found and what was mended.</summary>
public sealed record LoadedPackage(MemoryStream Working, byte[] Original, PackageInfo Info, IReadOnlyList<string> Repairs);

/// <summary>
/// What every host's session does the same way: copy the input into memory (the input is
/// never written to), check it with <see cref="PackageGuard"/>, mend what Office reads but
/// the SDK refuses (<see cref="ContentTypesRepair"/>, <see cref="RelationshipTargetRepair"/>,
/// <see cref="PackageRepair"/>, <see cref="DerivedNameRepair"/>, <see cref="MetadataRepair"/>,
/// <see cref="PartContentTypeRepair"/>, <see cref="SingletonPartRepair"/>), translate Strict Open XML
/// (<see cref="StrictTranslation"/>), open it with the OpenXML SDK, save by cloning (the
/// session stays open), and take the input's schema-error baseline when asked.
/// </summary>
public static class WorkingCopy
{
    /// <summary>
    /// Copies and checks <paramref name="input"/>; refuses a package of another host, naming
    /// what it is. A caller that already ran <see cref="PackageGuard"/> on exactly this stream
    /// passes its <paramref name="inspected"/> result, so the package is not decompressed twice.
    /// </summary>
    public static LoadedPackage Load(Stream input, PackageLimits? limits, DocumentHost host, string noun, PackageInfo? inspected = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var working = new MemoryStream();
        input.CopyTo(working);
        working.Position = 0;
        var info = inspected ?? PackageGuard.Inspect(working, limits);
        if (info.Host != host)
        {
            throw new DocumentRejectedException("wrong_host", $"The file is a {info.Host.ToName()} document, not {noun}.");
        }

        var repairs = new List<string>();
        repairs.AddRange(ContentTypesRepair.Mend(working));
        repairs.AddRange(RelationshipTargetRepair.Mend(working));
        repairs.AddRange(StrictTranslation.Translate(working));
        repairs.AddRange(PackageRepair.MendRelationships(working));
        repairs.AddRange(DerivedNameRepair.Mend(working));
        repairs.AddRange(MetadataRepair.Mend(working));
        repairs.AddRange(PartContentTypeRepair.Mend(working, host));
        repairs.AddRange(SingletonPartRepair.Mend(working));
        return new LoadedPackage(working, working.ToArray(), info, repairs);
    }

    /// <summary>Opens the working copy with the SDK; a package it cannot read is refused with the reason.</summary>
    public static T Open<T>(Func<T> open, string noun)
        where T : OpenXmlPackage
    {
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            throw new DocumentRejectedException("damaged_package", $"The {noun} package cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads what opening needs from <paramref name="document"/>, such as the main part's root
    /// element, which the SDK loads only when first asked (a workbook part whose root is in
    /// another namespace, as in files from Office 2007's pre-release, fails here). A part it
    /// cannot read is refused with the reason, and the document is disposed.
    /// </summary>
    public static TResult Read<TResult>(OpenXmlPackage document, Func<TResult> read, string noun)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            document.Dispose();
            var detail = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} {inner.Message}" : ex.Message;
            throw new DocumentRejectedException("damaged_package", $"The {noun} package cannot be read: {detail}", ex);
        }
    }

    /// <summary>
    /// What was mended on load, and the parts <paramref name="document"/> (the working copy as
    /// the SDK opened it) does not reach and so will not save (<see cref="UnreachedParts"/>):
    /// the repairs a session reports.
    /// </summary>
    public static IReadOnlyList<string> Repairs(LoadedPackage loaded, OpenXmlPackage document)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return [.. loaded.Repairs, .. UnreachedParts.Describe(document, loaded.Original)];
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            // Walking the parts loads every relationship, which the SDK does lazily.
            throw new DocumentRejectedException("damaged_package", $"The package cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Writes <paramref name="document"/> as a complete package. It is cloned rather than
    /// flushed: System.IO.Packaging writes a zip only when it is closed, and the session stays open.
    /// </summary>
    public static void Save(OpenXmlPackage document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            if (output.CanSeek && output.CanRead)
            {
                document.Clone(output, isEditable: true).Dispose();
                return;
            }

            using var buffer = new MemoryStream();
            document.Clone(buffer, isEditable: true).Dispose();
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
        catch (OpenXmlPackageException ex)
        {
            // The SDK checks some package rules only when it copies parts (one part of a kind
            // allowed once per parent, for example); what the repairs on load do not mend ends here.
            throw new DocumentRejectedException("damaged_package", $"The package cannot be written back: {ex.Message}", ex);
        }
    }

    /// <summary>What <paramref name="save"/> writes, as bytes.</summary>
    public static byte[] ToArray(Action<Stream> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        using var buffer = new MemoryStream();
        save(buffer);
        return buffer.ToArray();
    }

    /// <summary>The schema errors of the input as opened (empty for a document created here).</summary>
    public static HashSet<string> Baseline(byte[]? original, Func<Stream, OpenXmlPackage> openReadOnly)
    {
        ArgumentNullException.ThrowIfNull(openReadOnly);
        if (original is null)
        {
            return [];
        }

        using var package = openReadOnly(new MemoryStream(original, writable: false));
        return PackageValidation.Errors(package);
    }
}
