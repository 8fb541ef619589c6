using System.IO.Compression;
using System.Xml;
using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>
/// Reads every part of a package once, before the OpenXML SDK loads any of them: counts the
/// decompressed bytes against <see cref="PackageLimits.MaxDecompressedBytes"/> (so sizes a zip
/// header lies about are caught too, and parts each under the ratio check cannot add up past
/// the budget) and streams each XML
/// part through an <see cref="XmlReader"/>, which is not recursive, to refuse what would hurt
/// later — nesting deep enough to overflow the SDK's recursive loaders (a stack overflow ends
/// the process and cannot be caught), a DTD (XXE, entity expansion), XML that is not
/// well-formed (the SDK would throw deep inside an edit), and worksheet rows and cells
/// numbered outside Excel's grid (<see cref="SheetGrid"/>).
/// </summary>
internal static class PartScan
{
    /// <summary>The refusal's code when a package's parts add up past <see cref="PackageLimits.MaxDecompressedBytes"/>.</summary>
    public const string DecompressedTooLarge = "decompressed_too_large";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Scans every part and returns the package's decompressed size.</summary>
    public static long Run(ZipArchive zip, PackageLimits limits)
    {
        var budget = new DecompressionBudget(limits);
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            try
            {
                using var content = new CountingStream(entry.Open(), budget, entry);
                if (PackageXml.IsXml(entry.FullName))
                {
                    ScanXml(content, entry, limits);
                }

                while (content.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (InvalidDataException ex)
            {
                throw new DocumentRejectedException("damaged_zip",
                    $"The part '{entry.FullName}' of the zip package is damaged or truncated ({ex.Message}).", ex);
            }
        }

        return budget.Total;
    }

    private static void ScanXml(CountingStream content, ZipArchiveEntry entry, PackageLimits limits)
    {
        XmlException? malformed = null;
        try
        {
            using var reader = XmlReader.Create(content, XmlSettings);
            SheetGrid? grid = null;
            while (reader.Read())
            {
                if (reader.Depth > limits.MaxXmlDepth)
                {
                    throw new DocumentRejectedException("xml_too_deep",
                        $"The part '{entry.FullName}' nests XML elements more than {limits.MaxXmlDepth} deep (line {Line(reader)}); Office files never do, so it is refused as hostile.");
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.Depth == 0)
                    {
                        grid = SheetGrid.For(reader, entry.FullName);
                    }
                    else
                    {
                        grid?.Check(reader);
                    }
                }
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new DocumentRejectedException("xml_dtd",
                $"The part '{entry.FullName}' declares a DTD; Office files never do, and DTDs can read files or expand without end, so it is refused.", ex);
        }
        catch (XmlException ex)
        {
            malformed = ex;
        }

        if (malformed is not null)
        {
            // Read the rest first, so that a bomb is reported as one rather than as bad XML.
            var buffer = new byte[81920];
            while (content.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            // Unreadable document properties are dropped by MetadataRepair, as Office ignores them.
            if (MetadataRepair.IsMetadataPart(entry.FullName))
            {
                return;
            }

            throw new DocumentRejectedException("malformed_xml",
                $"The part '{entry.FullName}' is not well-formed XML ({malformed.Message}); the file is damaged.", malformed);
        }
    }

    private static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    /// <summary>The bytes decompressed so far, in the whole package and in one part, against the limits.</summary>
    private sealed class DecompressionBudget(PackageLimits limits)
    {
        public long Total { get; private set; }

        public void Add(ZipArchiveEntry entry, long partBytes, int justRead)
        {
            Total += justRead;
            if (Total > limits.MaxDecompressedBytes)
            {
                throw new DocumentRejectedException(DecompressedTooLarge,
                    $"The package expands to more than {PackageGuard.Megabytes(limits.MaxDecompressedBytes)} when decompressed (its parts counted as they are read; "
                    + $"the limit was passed in '{entry.FullName}'), and a document may load at most that much. If the file is genuine, raise the limit with {limits.DecompressedLimitSetting}.");
            }

            if (partBytes > limits.RatioCheckedAboveBytes && partBytes > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new DocumentRejectedException("zip_bomb",
                    $"The part '{entry.FullName}' expands more than {limits.MaxCompressionRatio:0}-fold; refused as a possible zip bomb.");
            }
        }
    }

    /// <summary>A part's decompressed content that charges every byte read to the budget.</summary>
    private sealed class CountingStream(Stream inner, DecompressionBudget budget, ZipArchiveEntry entry) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            budget.Add(entry, _read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
