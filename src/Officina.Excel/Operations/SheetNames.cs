using System.Buffers;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Excel's rules for sheet names, shared by the operations that create or rename sheets.</summary>
public static class SheetNames
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("[]:*?/\\");

    /// <summary>C0 controls (tab and line breaks too), DEL and C1 controls: Excel takes none of them in a sheet name.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    /// <summary>Why <paramref name="name"/> cannot name a sheet, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A sheet name must not be empty.";
        }

        if (BadCharacterAt(name) is var at and >= 0)
        {
            return $"A sheet name must not contain control characters such as tabs or line breaks (nor U+FFFE, U+FFFF or half a surrogate pair). Given: '{XmlText.Escape(name)}' ({XmlText.CodePoint(name[at])} at character {at + 1}).";
        }

        if (name.Length > 31)
        {
            return $"A sheet name must be at most 31 characters. Given: '{name}' ({name.Length}).";
        }

        if (name.AsSpan().ContainsAny(Forbidden))
        {
            return $"A sheet name must not contain [ ] : * ? / \\. Given: '{name}'.";
        }

        if (name.StartsWith('\'') || name.EndsWith('\''))
        {
            return $"A sheet name must not begin or end with an apostrophe. Given: '{name}'.";
        }

        return name.Equals("History", StringComparison.OrdinalIgnoreCase) ? "'History' is reserved by Excel." : null;
    }

    private static int BadCharacterAt(string name)
    {
        var control = name.AsSpan().IndexOfAny(Controls);
        var invalid = XmlText.FirstInvalid(name);
        return control < 0 ? invalid : invalid < 0 ? control : Math.Min(control, invalid);
    }
}
