using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.Excel.Import;

/// <summary>
/// Saves a workbook some of whose sheets receive large imports that were never loaded into
/// the DOM. The package (small: those sheets are still empty in it) is cloned as usual; then
/// every zip entry is copied unchanged into the output except the streamed sheets' parts,
/// whose XML is rewritten with a <c>dimension</c> and a <c>sheetData</c> streamed from the
/// source record by record. Memory stays flat in the number of rows: nothing holds the rows.
/// </summary>
internal static class StreamedPackage
{
    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, CloseInput = false };

    public static void Save(SpreadsheetDocument document, IReadOnlyDictionary<WorksheetPart, (string Sheet, CsvImport Import)> streamed, Stream output)
    {
        using var clone = new MemoryStream();
        document.Clone(clone, isEditable: true).Dispose();
        clone.Position = 0;

        var attached = document.WorkbookPart!.WorksheetParts.ToHashSet();
        var byEntry = new Dictionary<string, (string Sheet, CsvImport Import)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (part, content) in streamed)
        {
            if (attached.Contains(part))
            {
                byEntry[Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/')] = content;
            }
        }

        using var source = new ZipArchive(clone, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var written = 0;
        foreach (var entry in source.Entries)
        {
            if (byEntry.TryGetValue(Uri.UnescapeDataString(entry.FullName), out var content))
            {
                var rewritten = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var from = entry.Open();
                using var to = rewritten.Open();
                WriteWorksheet(from, to, content.Sheet, content.Import);
                written++;
            }
            else
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        if (written != byEntry.Count)
        {
            throw new InvalidOperationException($"The saved package lacks the part of {byEntry.Count - written} streamed sheet(s); the import cannot be written.");
        }
    }

    /// <summary>Copies a worksheet's XML, replacing its dimension and its (empty) sheetData.</summary>
    private static void WriteWorksheet(Stream original, Stream destination, string sheet, CsvImport import)
    {
        using var reader = XmlReader.Create(original, ReaderSettings);
        using var writer = XmlWriter.Create(destination, WriterSettings);
        writer.WriteStartDocument(standalone: true);
        reader.MoveToContent();
        var ns = reader.NamespaceURI;
        writer.WriteStartElement(reader.Prefix, reader.LocalName, ns);
        writer.WriteAttributes(reader, defattr: false);
        bool dimensionWritten = false, dataWritten = false;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var main = reader.NamespaceURI == ns;
                if (main && reader.LocalName == "dimension")
                {
                    reader.Skip();
                    continue;
                }

                if (!dimensionWritten && !(main && reader.LocalName == "sheetPr"))
                {
                    writer.WriteStartElement("dimension", ns);
                    writer.WriteAttributeString("ref", import.Range(sheet).Reference);
                    writer.WriteEndElement();
                    dimensionWritten = true;
                }

                if (main && reader.LocalName == "sheetData")
                {
                    import.WriteSheetData(writer, ns);
                    dataWritten = true;
                    reader.Skip();
                    continue;
                }

                writer.WriteNode(reader, defattr: false);
            }
        }

        if (!dataWritten)
        {
            throw new InvalidOperationException($"The worksheet '{sheet}' has no sheetData element to stream the import into.");
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
