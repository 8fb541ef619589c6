using System.IO.Compression;
using Officina.OpenXml.Packaging;

namespace Officina.Reports.Output;

/// <summary>
/// Where a batch writes its documents. <see cref="Folder"/>: each document atomically (a
/// temporary file beside it, then a rename), so a failed or cancelled record leaves no partial
/// file; documents of earlier records stay. <see cref="Zip(string)"/>: one archive, streamed
/// entry by entry to a temporary file beside the target and renamed into place only when the
/// batch completes, so a cancelled or failed batch leaves no zip at all.
/// </summary>
public abstract class ReportOutput : IDisposable
{
    private protected ReportOutput()
    {
    }

    /// <summary>The folder or zip written, for the summary (null for a caller's stream).</summary>
    public abstract string? Location { get; }

    public static ReportOutput Folder(string path) => new FolderOutput(Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path))));

    public static ReportOutput Zip(string path) => new ZipFileOutput(Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path))));

    /// <summary>A zip written to <paramref name="stream"/> (left open); the caller owns what a cancelled batch leaves in it.</summary>
    public static ReportOutput Zip(Stream stream) => new ZipStreamOutput(stream ?? throw new ArgumentNullException(nameof(stream)));

    /// <summary>The full path a document named <paramref name="name"/> would get, or null inside a zip.</summary>
    internal virtual string? PathOf(string name) => null;

    /// <summary>Writes one complete document; <paramref name="save"/> writes the package.</summary>
    internal abstract void Write(string name, Action<Stream> save);

    /// <summary>Finishes the output after the last record.</summary>
    internal virtual void Complete()
    {
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class FolderOutput(string folder) : ReportOutput
    {
        public override string Location => folder;

        internal override string PathOf(string name) => Path.Combine(folder, name);

        internal override void Write(string name, Action<Stream> save) => AtomicFile.Write(PathOf(name), save);
    }

    private class ZipStreamOutput(Stream stream) : ReportOutput
    {
        private ZipArchive? _archive = new(stream, ZipArchiveMode.Create, leaveOpen: true);

        public override string? Location => null;

        internal override void Write(string name, Action<Stream> save)
        {
            // The document is complete in memory before its entry starts, so a failing save never leaves half an entry.
            using var buffer = new MemoryStream();
            save(buffer);
            buffer.Position = 0;
            var entry = _archive!.CreateEntry(name, CompressionLevel.NoCompression); // Office packages are compressed already
            using var target = entry.Open();
            buffer.CopyTo(target);
        }

        internal override void Complete()
        {
            _archive?.Dispose();
            _archive = null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _archive?.Dispose();
                _archive = null;
            }

            base.Dispose(disposing);
        }
    }

    private sealed class ZipFileOutput : ReportOutput
    {
        private readonly string _path;
        private readonly string _temporary;
        private readonly FileStream _file;
        private readonly ZipStreamOutput _zip;
        private bool _completed;

        public ZipFileOutput(string path)
        {
            _path = path;
            var directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            _temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            _file = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite);
            _zip = new ZipStreamOutput(_file);
        }

        public override string Location => _path;

        internal override void Write(string name, Action<Stream> save) => _zip.Write(name, save);

        internal override void Complete()
        {
            _zip.Complete();
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            File.Move(_temporary, _path, overwrite: true);
            _completed = true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _zip.Dispose();
                _file.Dispose();
                if (!_completed && File.Exists(_temporary))
                {
                    File.Delete(_temporary);
                }
            }

            base.Dispose(disposing);
        }
    }
}
