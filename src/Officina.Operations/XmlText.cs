using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace Officina.Operations;

/// <summary>
/// What text an Office file can hold. Every part is XML 1.0, which has no way to store most
/// control characters (U+0000 to U+001F except tab, line feed and carriage return), the
/// non-characters U+FFFE and U+FFFF, or half of a surrogate pair: writing one fails deep inside
/// the XML writer. Plans are checked against this before any operation is built from them.
/// </summary>
public static class XmlText
{
    /// <summary>The index of the first character XML 1.0 cannot hold, or -1 when there is none.</summary>
    public static int FirstInvalid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary><paramref name="text"/> with control characters and unpaired surrogates shown as <c>\uXXXX</c>, for messages.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>How to name one character in a message: <c>U+0001</c>.</summary>
    public static string CodePoint(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");

    /// <summary>
    /// An error for every string in <paramref name="arguments"/> (an operation's JSON
    /// arguments, at any depth) that holds a character XML 1.0 cannot hold; paths are relative
    /// to the arguments (<c>$.values[0][1]</c>).
    /// </summary>
    public static IEnumerable<OperationError> Problems(JsonNode? arguments, string op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var found = new List<OperationError>();
        Walk(arguments, "$", op, found);
        return found;
    }

    private static void Walk(JsonNode? node, string path, string op, List<OperationError> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, $"{path}.{key}", op, found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", op, found);
                }

                break;
            case JsonValue value when Problem(value) is { } problem:
                found.Add(new OperationError(path, "xml_char",
                    $"'{op}': {path[2..]} holds {problem}, which an Office file cannot store "
                    + "(control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates)."));
                break;
        }
    }

    /// <summary>What in a JSON string value XML cannot hold, with the value shown; null when nothing (or not a string).</summary>
    private static string? Problem(JsonValue value)
    {
        string? text;
        try
        {
            if (!value.TryGetValue(out text))
            {
                return null;
            }
        }
        catch (InvalidOperationException)
        {
            // JSON can escape half a surrogate pair ("\ud800"), which System.Text.Json refuses to decode.
            return "half of a surrogate pair";
        }

        var at = FirstInvalid(text);
        if (at < 0)
        {
            return null;
        }

        var shown = Escape(text);
        return $"{CodePoint(text[at])} at character {at + 1} ('{(shown.Length <= 80 ? shown : shown[..77] + "...")}')";
    }
}
