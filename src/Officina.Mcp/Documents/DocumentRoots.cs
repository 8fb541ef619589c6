namespace Officina.Mcp.Documents;

/// <summary>
/// The folders an stdio server may read and write (<c>officina mcp --root DIR</c>). A path is
/// resolved before it is judged: made absolute, <c>..</c> removed, and every symbolic link along
/// it followed to its target; only what then lies under a root (itself resolved the same way) is
/// reachable. The resolved path is what the tools open, so a link cannot lead them out.
/// </summary>
public sealed class DocumentRoots
{
    private const int MaxLinkDepth = 32;
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public DocumentRoots(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var resolved = new List<string>();
        foreach (var root in roots)
        {
            var real = Resolve(root);
            if (!Directory.Exists(real))
            {
                throw new ArgumentException($"A root must be an existing folder. Given: '{root}'.", nameof(roots));
            }

            resolved.Add(Path.TrimEndingDirectorySeparator(real));
        }

        if (resolved.Count == 0)
        {
            throw new ArgumentException("Give at least one root folder (--root DIR): the server reads and writes only under its roots.", nameof(roots));
        }

        Folders = resolved;
    }

    /// <summary>The roots, resolved.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The resolved path of <paramref name="path"/> when it lies under a root; a <see cref="ToolRefusalException"/> otherwise.</summary>
    public string Require(string path, string argument = "$.path")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ToolRefusalException(argument, "required", "Give the document's path (absolute, or relative to the first root).");
        }

        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Folders[0], path);
        string real;
        try
        {
            real = Resolve(absolute);
        }
        catch (IOException ex)
        {
            throw new ToolRefusalException(argument, "path", $"The path cannot be resolved: {ex.Message} Given: '{path}'.");
        }

        if (!Folders.Any(root => IsUnder(real, root)))
        {
            throw new ToolRefusalException(argument, "outside_roots",
                $"The path is outside the folders this server may use ({string.Join(", ", Folders)}); after following links and '..' it is '{real}'. Given: '{path}'.");
        }

        return real;
    }

    /// <summary>The absolute path with <c>..</c> removed and every existing symbolic link along it replaced by its target.</summary>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Resolve(Path.GetFullPath(path), 0);
    }

    private static string Resolve(string full, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            throw new IOException($"More than {MaxLinkDepth} symbolic links were followed; the path loops.");
        }

        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is { } target)
            {
                // A link's target is relative to the folder holding the link; it may itself contain links and '..'.
                current = Resolve(Path.GetFullPath(target, Path.GetDirectoryName(current)!), depth + 1);
            }
        }

        return current;
    }

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, PathComparison)
        || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, PathComparison);
}
