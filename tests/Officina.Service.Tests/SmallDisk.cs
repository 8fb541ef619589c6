using System.Diagnostics;

namespace Officina.Service.Tests;

/// <summary>
/// A real 2 MB file system (tmpfs, mounted for the test and unmounted after) that the test can fill to the last
/// few kilobytes and free again: the service gets the same ENOSPC a full production disk gives. Needs root (or
/// CAP_SYS_ADMIN); fails with a message saying so otherwise.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    public SmallDisk()
    {
        Folder = Directory.CreateTempSubdirectory("officina-small-disk-").FullName;
        Run("mount", $"-t tmpfs -o size=2m tmpfs \"{Folder}\"",
            "Mounting a 2 MB tmpfs failed; the disk-full tests need root (or CAP_SYS_ADMIN) to mount one. Run them as root, e.g. in the CI container.");
        Data = Directory.CreateDirectory(Path.Combine(Folder, "data")).FullName;
        _filler = Path.Combine(Folder, "filler");
    }

    /// <summary>The service's data folder (Officina:DataPath), on the small disk.</summary>
    public string Data { get; }

    public string Folder { get; }

    /// <summary>Fills the disk until <paramref name="leaveBytes"/> (rounded to pages) stay free.</summary>
    public void Fill(int leaveBytes)
    {
        var reserve = Path.Combine(Folder, "reserve");
        File.WriteAllBytes(reserve, new byte[leaveBytes]);
        using (var filler = new FileStream(_filler, FileMode.Append))
        {
            var chunk = new byte[4096];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                    filler.Flush();
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        File.Delete(reserve);
    }

    /// <summary>Space returns: the filler goes.</summary>
    public void Free() => File.Delete(_filler);

    /// <summary>Every file under the data folder, relative to it.</summary>
    public IReadOnlyList<string> DataFiles() =>
        [.. Directory.EnumerateFileSystemEntries(Data, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Data, p)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Run("umount", $"-l \"{Folder}\"", "Unmounting the test's tmpfs failed.");
        Directory.Delete(Folder, recursive: true);
    }

    private static void Run(string command, string arguments, string failure)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{command} did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{failure} ({command} {arguments}: {error.Trim()})");
        }
    }
}
