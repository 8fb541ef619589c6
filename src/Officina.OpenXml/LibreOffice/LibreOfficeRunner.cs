using System.Diagnostics;
using System.Text;
using Officina.OpenXml.Packaging;

namespace Officina.OpenXml.LibreOffice;

/// <summary>
/// Runs LibreOffice headless (<c>soffice --convert-to</c>) for recalculation and rendering.
/// Every run gets its own fresh profile directory, so runs can overlap and never see each
/// other's settings, and that profile makes Calc recalculate every formula on load: by
/// default LibreOffice keeps an .xlsx file's cached values, so a stale value would stay stale.
/// The whole process tree is killed when the run exceeds <see cref="Timeout"/> (then
/// <see cref="LibreOfficeTimeoutException"/>, naming <see cref="TimeoutSetting"/>) or is
/// cancelled; temporary directories are removed afterwards. Front ends make one runner from
/// their configuration (the program, the timeout) and hand it to every use: verification's
/// recalculation, operations that read formula values, rendering. LibreOffice sees a copy of the input whose
/// external links point nowhere (<see cref="ExternalTargets"/>), and runs inside
/// <see cref="LibreOfficeSandbox"/> (no network, a private view of the filesystem).
/// </summary>
/// <param name="executable">The <c>soffice</c> to run; null to look for it (<see cref="FindExecutable"/>).</param>
/// <param name="timeout">How long one run may take; <see cref="DefaultTimeout"/> when null.</param>
/// <param name="sandbox">How runs are isolated; what this machine offers when null.</param>
/// <param name="timeoutSetting">Where the timeout is configured (a setting, an option), named when a run times out.</param>
public sealed class LibreOfficeRunner(string? executable = null, TimeSpan? timeout = null, LibreOfficeSandbox? sandbox = null, string? timeoutSetting = null)
{
    /// <summary>What to run when LibreOffice is missing; names the Debian packages.</summary>
    public const string InstallHint =
        "LibreOffice is not installed: apt-get install libreoffice-calc-nogui (and libreoffice-writer-nogui, libreoffice-impress-nogui for documents and slides).";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Calc's filter for .xlsx output.</summary>
    public const string XlsxFormat = "xlsx:Calc MS Excel 2007 XML";

    private static readonly string[] SearchDirectories = ["/usr/bin", "/usr/lib/libreoffice/program", "/opt/libreoffice/program"];

    /// <summary>
    /// Settings for each run's profile: recalculate always (0) on load, for OOXML and ODF files.
    /// </summary>
    internal const string RecalculatingProfile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    /// <summary>The <c>soffice</c> this runner uses, or null when none was found.</summary>
    public string? Executable { get; } = executable ?? FindExecutable();

    public TimeSpan Timeout { get; } = timeout ?? DefaultTimeout;

    /// <summary>Where <see cref="Timeout"/> is configured, in words for a message ("Officina:RenderTimeoutSeconds").</summary>
    public string TimeoutSetting { get; } = timeoutSetting ?? "the LibreOffice timeout";

    /// <summary>How each run is isolated (by default what this machine offers).</summary>
    public LibreOfficeSandbox Sandbox { get; } = sandbox ?? LibreOfficeSandbox.Current;

    /// <summary>
    /// LibreOffice processes this process runs at once, across all runners: a conversion keeps
    /// a core busy and takes a few hundred MB, so more than one per core only makes every
    /// conversion slower (a service runs several jobs at once). Others wait their turn; the
    /// wait does not count toward <see cref="Timeout"/>.
    /// </summary>
    public static int MaxConcurrentProcesses { get; } = Math.Max(1, Environment.ProcessorCount);

    private static readonly SemaphoreSlim Slots = new(MaxConcurrentProcesses, MaxConcurrentProcesses);

    public bool IsInstalled => Executable is not null && File.Exists(Executable);

    /// <summary>Looks for <c>soffice</c> on PATH, then where Debian and the LibreOffice packages put it.</summary>
    public static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(SearchDirectories);
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe", "soffice.com" } : ["soffice"];
        return directories.SelectMany(d => names.Select(n => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Converts <paramref name="content"/> (a file named <paramref name="fileName"/>, whose
    /// extension tells LibreOffice what it is) to <paramref name="format"/> (an extension, optionally
    /// <c>ext:Filter name</c>) and returns the converted bytes.
    /// </summary>
    public async Task<byte[]> ConvertAsync(byte[] content, string fileName, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        var work = Directory.CreateTempSubdirectory("officina-lo-");
        try
        {
            var input = Path.Combine(work.FullName, "in", Path.GetFileName(fileName));
            Directory.CreateDirectory(Path.GetDirectoryName(input)!);
            await File.WriteAllBytesAsync(input, content, cancellationToken).ConfigureAwait(false);
            var output = await ConvertFileAsync(input, format, Path.Combine(work.FullName, "out"), cancellationToken).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(work.FullName);
        }
    }

    /// <summary>Converts the file at <paramref name="inputPath"/> into <paramref name="outputDirectory"/>; returns the output path.</summary>
    public async Task<string> ConvertFileAsync(string inputPath, string format, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        if (!IsInstalled)
        {
            throw new LibreOfficeNotInstalledException(LibreOfficeNotInstalledException.MessageFor(Executable));
        }

        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException($"The file to convert does not exist: '{inputPath}'.", inputPath);
        }

        Directory.CreateDirectory(outputDirectory);
        var profile = Directory.CreateTempSubdirectory("officina-lo-profile-");
        try
        {
            var user = Directory.CreateDirectory(Path.Combine(profile.FullName, "user"));
            await File.WriteAllTextAsync(Path.Combine(user.FullName, "registrymodifications.xcu"), RecalculatingProfile, cancellationToken).ConfigureAwait(false);
            var (content, _) = ExternalTargets.Neutralize(await File.ReadAllBytesAsync(inputPath, cancellationToken).ConfigureAwait(false));
            var safeInput = Path.Combine(Directory.CreateDirectory(Path.Combine(profile.FullName, "in")).FullName, Path.GetFileName(inputPath));
            await File.WriteAllBytesAsync(safeInput, content, cancellationToken).ConfigureAwait(false);
            string[] arguments =
            [
                "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                "-env:UserInstallation=" + new Uri(profile.FullName + Path.DirectorySeparatorChar).AbsoluteUri,
                "--convert-to", format, "--outdir", Path.GetFullPath(outputDirectory), safeInput,
            ];
            var programFolder = Path.GetDirectoryName(Path.GetFullPath(Executable!))!;
            string[] readable = programFolder.StartsWith("/usr/", StringComparison.Ordinal) || programFolder.StartsWith("/opt/", StringComparison.Ordinal) ? [] : [programFolder];
            var start = Sandbox.Start(Executable!, arguments, readable, [profile.FullName, Path.GetFullPath(outputDirectory)]);
            start.Environment["HOME"] = profile.FullName;
            int exitCode;
            string log;
            await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                (exitCode, log) = await RunAsync(start, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Slots.Release();
            }

            var extension = format.Split(':', 2)[0];
            var output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(inputPath) + "." + extension);
            if (!File.Exists(output))
            {
                throw new LibreOfficeException(
                    $"LibreOffice did not convert '{Path.GetFileName(inputPath)}' to {format} (exit code {exitCode}). Output: {log.Trim()}");
            }

            return output;
        }
        finally
        {
            TryDelete(profile.FullName);
        }
    }

    /// <summary>Recalculates every formula of an .xlsx file and returns LibreOffice's rewrite (read values from it; never hand it to a user).</summary>
    public Task<byte[]> RecalculateXlsxAsync(byte[] xlsx, CancellationToken cancellationToken = default) =>
        ConvertAsync(xlsx, "workbook.xlsx", XlsxFormat, cancellationToken);

    /// <summary>Renders a document (named by <paramref name="fileName"/>'s extension) to PDF.</summary>
    public Task<byte[]> ConvertToPdfAsync(byte[] content, string fileName, CancellationToken cancellationToken = default) =>
        ConvertAsync(content, fileName, "pdf", cancellationToken);

    private async Task<(int ExitCode, string Log)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = start };
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LibreOfficeNotInstalledException(LibreOfficeNotInstalledException.MessageFor(start.FileName), ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LibreOfficeTimeoutException(Timeout,
                $"LibreOffice did not finish within {Timeout.TotalSeconds:0.#} s and was stopped with its child processes. "
                + $"If the document is genuine and only slow, raise the limit with {TimeoutSetting}.");
        }

        process.WaitForExit();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 8000)
            {
                log.AppendLine(line);
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A child that outlived the kill may still hold a file; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>LibreOffice is needed but there is no <c>soffice</c> to run.</summary>
public sealed class LibreOfficeNotInstalledException : Exception
{
    public LibreOfficeNotInstalledException()
        : base(LibreOfficeRunner.InstallHint)
    {
    }

    public LibreOfficeNotInstalledException(string message)
        : base(message)
    {
    }

    public LibreOfficeNotInstalledException(string message, Exception inner)
        : base(message, inner)
    {
    }

    internal static string MessageFor(string? executable) =>
        executable is null ? LibreOfficeRunner.InstallHint : $"{LibreOfficeRunner.InstallHint} (tried '{executable}')";
}

/// <summary>
/// A LibreOffice run took longer than its runner's timeout and was killed. Not a
/// <see cref="TimeoutException"/>: callers treat those as transient and retry, while a document
/// that hangs LibreOffice hangs it again. <see cref="Code"/> is the code callers report.
/// </summary>
public sealed class LibreOfficeTimeoutException : Exception
{
    public const string Code = "libreoffice_timeout";

    public LibreOfficeTimeoutException()
    {
    }

    public LibreOfficeTimeoutException(string message)
        : base(message)
    {
    }

    public LibreOfficeTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public LibreOfficeTimeoutException(TimeSpan timeout, string message)
        : base(message)
    {
        Timeout = timeout;
    }

    /// <summary>The limit the run passed.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>LibreOffice ran but did not produce what was asked.</summary>
public sealed class LibreOfficeException : Exception
{
    public LibreOfficeException()
    {
    }

    public LibreOfficeException(string message)
        : base(message)
    {
    }

    public LibreOfficeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
