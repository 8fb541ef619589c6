using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Officina.Testing;

/// <summary>
/// Damaged variants of real packages, made with a fixed seed so every run tries the same
/// files: bit flips, truncations and byte runs in the zip itself, and inside one XML part
/// (recompressed, so the zip stays valid): byte flips, deleted or doubled ranges, numbers
/// made huge or negative, attribute values emptied, elements dropped.
/// </summary>
internal static partial class FuzzedPackages
{
    public static IEnumerable<(string Name, byte[] Package)> Variants(byte[] original, string label, int count, int seed)
    {
        var random = new Random(seed);
        var parts = XmlParts(original);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(8);
            var name = $"{label}-{i:000}";
            switch (kind)
            {
                case 0:
                    yield return ($"{name}-bitflip", FlipBits(original, random));
                    break;
                case 1:
                    yield return ($"{name}-truncated", original[..random.Next(1, original.Length)]);
                    break;
                case 2:
                    yield return ($"{name}-byterun", ByteRun(original, random));
                    break;
                default:
                    var part = parts[random.Next(parts.Count)];
                    var (how, changed) = ChangePart(ReadPart(original, part), random, kind);
                    yield return ($"{name}-{how}-{part.Replace('/', '_')}", HostilePackages.Replace(original, part, changed));
                    break;
            }
        }
    }

    private static byte[] FlipBits(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] ByteRun(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var length = Math.Min(random.Next(16, 257), copy.Length);
        var at = random.Next(copy.Length - length + 1);
        random.NextBytes(copy.AsSpan(at, length));
        return copy;
    }

    private static (string How, byte[] Content) ChangePart(byte[] content, Random random, int kind)
    {
        var text = Encoding.UTF8.GetString(content);
        switch (kind)
        {
            case 3:
                return ("bytes", FlipBits(content, random));
            case 4:
                {
                    var at = random.Next(content.Length);
                    var length = Math.Min(random.Next(1, 200), content.Length - at);
                    return random.Next(2) == 0
                        ? ("deleted", [.. content[..at], .. content[(at + length)..]])
                        : ("doubled", [.. content[..(at + length)], .. content[at..]]);
                }

            case 5:
                {
                    var numbers = Number().Matches(text);
                    if (numbers.Count == 0)
                    {
                        return ("bytes", FlipBits(content, random));
                    }

                    var match = numbers[random.Next(numbers.Count)];
                    string[] replacements = ["99999999999", "4294967296", "-1", "0", "1e309", "18446744073709551616", "-2147483649"];
                    var replacement = replacements[random.Next(replacements.Length)];
                    return ("number", Encoding.UTF8.GetBytes(text[..match.Index] + replacement + text[(match.Index + match.Length)..]));
                }

            case 6:
                {
                    var values = AttributeValue().Matches(text);
                    if (values.Count == 0)
                    {
                        return ("bytes", FlipBits(content, random));
                    }

                    var match = values[random.Next(values.Count)];
                    string[] replacements = ["", "\u0001", "A0", "ZZZZ99999999", "#REF!", "../../../../etc/passwd", "&amp;&lt;", "NaN"];
                    var replacement = replacements[random.Next(replacements.Length)];
                    var value = match.Groups[1];
                    return ("attribute", Encoding.UTF8.GetBytes(text[..value.Index] + replacement + text[(value.Index + value.Length)..]));
                }

            default:
                {
                    var elements = EmptyElement().Matches(text);
                    if (elements.Count == 0)
                    {
                        return ("bytes", FlipBits(content, random));
                    }

                    var match = elements[random.Next(elements.Count)];
                    return ("dropped", Encoding.UTF8.GetBytes(text[..match.Index] + text[(match.Index + match.Length)..]));
                }
        }
    }

    private static List<string> XmlParts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    private static byte[] ReadPart(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(part)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex("(?<=[\"'>])-?[0-9]+(?=[\"'<])")]
    private static partial Regex Number();

    [GeneratedRegex("=\"([^\"]*)\"")]
    private static partial Regex AttributeValue();

    [GeneratedRegex("<[A-Za-z][\\w:.-]*(\\s[^<>]*)?/>")]
    private static partial Regex EmptyElement();
}
