using System.Diagnostics;

namespace Officina.Testing;

/// <summary>
/// A stand-in <c>soffice</c> that never finishes: a shell script in a folder of its own that
/// starts a second copy of itself and both sleep for ten minutes, so a run that honours its
/// timeout has a whole process tree to kill. <see cref="Survivors"/> lists every process still
/// running the script (found by its unique path in <c>/proc/*/cmdline</c>, whatever process
/// namespace a sandbox put it in).
/// </summary>
internal sealed class HungLibreOffice : IDisposable
{
    public HungLibreOffice()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Program, """
            #!/bin/sh
            # A LibreOffice that hangs: it starts a child copy of itself, and both sleep.
            if [ "$1" != "--child" ]; then "$0" --child & fi
            sleep 600

            """);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-in soffice is a shell script; the LibreOffice timeout tests run on Linux.");
        }

        File.SetUnixFileMode(Program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>The folder holding the script, alone: put it first on PATH to make it the <c>soffice</c> found.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "officina-hung-lo-" + Guid.NewGuid().ToString("N"));

    public string Program => Path.Combine(Folder, "soffice");

    /// <summary>The processes whose command line names the script, now.</summary>
    public IReadOnlyList<int> Survivors()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(Folder, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Waits up to <paramref name="limit"/> for every process of the script to be gone; returns those left.</summary>
    public async Task<IReadOnlyList<int>> SurvivorsAfterAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var left = Survivors();
        while (left.Count > 0 && clock.Elapsed < limit)
        {
            await Task.Delay(100);
            left = Survivors();
        }

        return left;
    }

    public void Dispose()
    {
        foreach (var pid in Survivors())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
