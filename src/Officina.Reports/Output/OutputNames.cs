using System.Globalization;
using System.Text;
using Officina.Reports.Data;
using Officina.Reports.Templates;

namespace Officina.Reports.Output;

/// <summary>
/// File names for a batch's documents from a pattern such as <c>{{customer}}-{{month}}</c>
/// (default <c>report-{{#}}</c>: <c>report-0001.docx</c>, …). Names are made safe for every
/// file system and for zip entries: path separators, reserved and control characters become
/// <c>_</c>, runs of dots become one dot, leading and trailing dots and spaces go, Windows device
/// names (CON, NUL, COM1, …) get a leading <c>_</c>, and a name is at most 120 characters (and
/// 200 UTF-8 bytes) before the extension. The template's extension is added when missing. A name
/// already used in the batch gets <c>-2</c>, <c>-3</c>, … (compared without regard to case).
/// </summary>
public sealed class OutputNames(string? pattern, string extension, int total)
{
    public const string DefaultPattern = "report-{{#}}";
    public const int MaxStemChars = 120;
    public const int MaxStemBytes = 200;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _pattern = string.IsNullOrWhiteSpace(pattern) ? DefaultPattern : pattern;
    private readonly int _width = Math.Max(4, total.ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>The name for <paramref name="record"/>; throws <see cref="ReportFieldException"/> when the pattern names a field the record lacks (under <see cref="MissingFieldPolicy.Fail"/>).</summary>
    public string Next(ReportRecord record, MissingFieldPolicy missing = MissingFieldPolicy.Fail)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rendered = Placeholder.Substitute(_pattern, p => p.Field == Placeholder.RecordNumberField && p.Format is null
            ? record.Number.ToString(CultureInfo.InvariantCulture).PadLeft(_width, '0')
            : TemplateFill.Text(record, p.Raw, missing));
        var stem = rendered.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? rendered[..^extension.Length] : rendered;
        stem = SafeStem(stem);
        if (stem.Length == 0)
        {
            stem = "report-" + record.Number.ToString(CultureInfo.InvariantCulture).PadLeft(_width, '0');
        }

        var name = stem + extension;
        for (var n = 2; !_used.Add(name); n++)
        {
            name = $"{stem}-{n}{extension}";
        }

        return name;
    }

    /// <summary>A file-name stem safe on Linux, macOS and Windows and inside zips.</summary>
    public static string SafeStem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(char.IsControl(ch) || ch is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : ch);
        }

        var stem = builder.ToString();
        while (stem.Contains("..", StringComparison.Ordinal))
        {
            stem = stem.Replace("..", ".", StringComparison.Ordinal);
        }

        stem = stem.Trim(' ', '.', '\u00A0');
        if (stem.Length > MaxStemChars)
        {
            stem = Cut(stem, MaxStemChars);
        }

        while (Encoding.UTF8.GetByteCount(stem) > MaxStemBytes)
        {
            stem = Cut(stem, stem.Length - 1);
        }

        stem = stem.TrimEnd(' ', '.');
        var device = stem.Split('.')[0].TrimEnd();
        return DeviceNames.Contains(device) ? "_" + stem : stem;
    }

    private static string Cut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
