using System.Diagnostics;

namespace Officina.OpenXml.LibreOffice;

/// <summary>
/// How LibreOffice is fenced in. It opens files users upload, and a document can make it
/// fetch a URL or read a file (a linked picture, an external workbook, a field, a
/// <c>WEBSERVICE</c> formula), so each run is started, where the machine allows it, without
/// network access and with a private view of the filesystem: Debian's bubblewrap with only
/// what LibreOffice needs to run (/usr, its configuration, fonts) and the run's own folders.
/// Where bubblewrap cannot run, <c>unshare</c> at least takes the network away; where neither
/// can, runs are not isolated and <see cref="Warning"/> says so.
/// <c>OFFICINA_LIBREOFFICE_SANDBOX</c> (<c>auto</c>, <c>bwrap</c>, <c>unshare</c>, <c>none</c>) overrides the choice.
/// </summary>
public sealed class LibreOfficeSandbox
{
    private const string Bwrap = "/usr/bin/bwrap";
    private const string Unshare = "/usr/bin/unshare";

    private static readonly Lazy<LibreOfficeSandbox> Detected = new(Detect);

    private static readonly string[] ReadOnlyPaths =
        ["/etc/fonts", "/etc/ld.so.cache", "/etc/alternatives", "/etc/libreoffice", "/var/cache/fontconfig", "/opt"];

    private readonly string[] _unsharePrefix;

    private LibreOfficeSandbox(SandboxKind kind, string[] unsharePrefix, string description)
    {
        Kind = kind;
        _unsharePrefix = unsharePrefix;
        Description = description;
    }

    /// <summary>No isolation, for a caller that runs a stand-in it trusts (tests).</summary>
    public static LibreOfficeSandbox Off { get; } = new(SandboxKind.None, [], "none: switched off by the caller");

    /// <summary>The sandbox this machine offers, probed once per process.</summary>
    public static LibreOfficeSandbox Current => Detected.Value;

    public SandboxKind Kind { get; }

    /// <summary>What a run is kept from, in words, for logs.</summary>
    public string Description { get; }

    /// <summary>A warning to log when runs are not fully isolated; null when they are.</summary>
    public string? Warning => Kind switch
    {
        SandboxKind.Bubblewrap => null,
        SandboxKind.Unshare => "LibreOffice runs without network access but sees this machine's files: install bubblewrap (apt-get install bubblewrap) to give it a private view of the filesystem.",
        _ => "LibreOffice runs without isolation: a document it renders or recalculates could make it fetch URLs or read local files. Install bubblewrap (apt-get install bubblewrap), or allow unshare.",
    };

    /// <summary>
    /// A process start for <paramref name="program"/> with <paramref name="arguments"/> inside
    /// the sandbox, seeing only <paramref name="readable"/> and <paramref name="writable"/>
    /// folders beyond what it needs to run.
    /// </summary>
    public ProcessStartInfo Start(string program, IEnumerable<string> arguments, IEnumerable<string> readable, IEnumerable<string> writable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        switch (Kind)
        {
            case SandboxKind.Bubblewrap:
                start.FileName = Bwrap;
                foreach (var argument in BwrapArguments(readable, writable))
                {
                    start.ArgumentList.Add(argument);
                }

                start.ArgumentList.Add(program);
                break;
            case SandboxKind.Unshare:
                start.FileName = Unshare;
                foreach (var argument in _unsharePrefix)
                {
                    start.ArgumentList.Add(argument);
                }

                start.ArgumentList.Add(program);
                break;
            default:
                start.FileName = program;
                break;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static IEnumerable<string> BwrapArguments(IEnumerable<string> readable, IEnumerable<string> writable)
    {
        string[] system =
        [
            "--unshare-all", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ];
        foreach (var argument in system)
        {
            yield return argument;
        }

        foreach (var path in ReadOnlyPaths)
        {
            yield return "--ro-bind-try";
            yield return path;
            yield return path;
        }

        foreach (var path in readable)
        {
            yield return "--ro-bind";
            yield return path;
            yield return path;
        }

        foreach (var path in writable)
        {
            yield return "--bind";
            yield return path;
            yield return path;
        }
    }

    private static LibreOfficeSandbox Detect()
    {
        var wanted = (Environment.GetEnvironmentVariable("OFFICINA_LIBREOFFICE_SANDBOX") ?? "auto").Trim().ToLowerInvariant();
        if (wanted is "auto" or "bwrap" && File.Exists(Bwrap) && Probe(Bwrap, [.. BwrapArguments([], []), "/usr/bin/true"]))
        {
            return new(SandboxKind.Bubblewrap, [], "bubblewrap: no network, a private view of the filesystem");
        }

        if (wanted is "auto" or "bwrap" or "unshare" && File.Exists(Unshare))
        {
            // As root a network namespace needs nothing more; otherwise map the user to root in a user namespace.
            foreach (var prefix in new[] { new[] { "--net", "--kill-child" }, ["--net", "--map-root-user", "--kill-child"] })
            {
                if (Probe(Unshare, [.. prefix, "/usr/bin/true"]))
                {
                    return new(SandboxKind.Unshare, prefix, "unshare: no network");
                }
            }
        }

        return new(SandboxKind.None, [], "none: LibreOffice has network access and sees the filesystem");
    }

    private static bool Probe(string program, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>How LibreOffice runs are isolated on this machine.</summary>
public enum SandboxKind
{
    None,
    Unshare,
    Bubblewrap,
}
