using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Officina.Operations;

/// <summary>One registered operation: its name, summary, host, kind and CLR type.</summary>
public sealed record OperationDescriptor(string Name, string Summary, DocumentHost Host, bool IsRead, Type Type)
{
    private JsonObject? _schema;

    /// <summary>"read" or "write".</summary>
    public string Kind => IsRead ? "read" : "write";

    /// <summary>The OpenAI strict-mode JSON schema of the operation's arguments (without <c>op</c>).</summary>
    public JsonObject Schema => _schema ??= OperationSchemas.For(Type);
}

/// <summary>
/// Every operation the loaded hosts offer, found by reflection on the
/// <see cref="OperationAttribute"/> of concrete <see cref="Operation"/> records.
/// </summary>
public sealed class OperationCatalog
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private readonly Dictionary<(DocumentHost, string), OperationDescriptor> _byName;

    private OperationCatalog(IReadOnlyList<OperationDescriptor> operations)
    {
        Operations = operations;
        _byName = operations.ToDictionary(o => (o.Host, o.Name));
    }

    public IReadOnlyList<OperationDescriptor> Operations { get; }

    /// <summary>Scans <paramref name="assemblies"/> for operations. Throws when a name repeats within a host or is not a valid function name.</summary>
    public static OperationCatalog Create(params IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var found = new List<OperationDescriptor>();
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(Operation)))
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<OperationAttribute>()
                ?? throw new InvalidOperationException($"Operation type {type.FullName} has no [Operation] attribute.");
            if (!IsFunctionName(attribute.Name))
            {
                throw new InvalidOperationException(
                    $"Operation names must be snake_case, start with a letter and be at most 64 characters. Given: '{attribute.Name}' on {type.FullName}.");
            }

            var instance = (Operation)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            found.Add(new OperationDescriptor(attribute.Name, attribute.Summary, instance.Host, instance.IsRead, type));
        }

        var duplicate = found.GroupBy(o => (o.Host, o.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Operation names must be unique within a host. Given: '{duplicate.Key.Name}' on {string.Join(", ", duplicate.Select(d => d.Type.FullName))}.");
        }

        return new OperationCatalog([.. found.OrderBy(o => o.Host).ThenBy(o => o.IsRead ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal)]);
    }

    public OperationDescriptor? Find(DocumentHost host, string name) =>
        _byName.TryGetValue((host, name), out var descriptor) ? descriptor : null;

    public IEnumerable<OperationDescriptor> ForHost(DocumentHost host) => Operations.Where(o => o.Host == host);

    /// <summary>The closest registered names to <paramref name="name"/>, for "did you mean" messages.</summary>
    public IEnumerable<string> Suggest(DocumentHost host, string name, int count = 3) =>
        ForHost(host)
            .Select(o => (o.Name, Distance: Levenshtein(o.Name, name)))
            .Where(x => x.Distance <= Math.Max(3, name.Length / 2))
            .OrderBy(x => x.Distance)
            .Take(count)
            .Select(x => x.Name);

    internal static string NameOf(Type type) => Names.GetOrAdd(type, t =>
        t.GetCustomAttribute<OperationAttribute>()?.Name
            ?? throw new InvalidOperationException($"Operation type {t.FullName} has no [Operation] attribute."));

    private static bool IsFunctionName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
