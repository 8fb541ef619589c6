namespace Officina.Excel.Operations;

/// <summary>Excel's rules for sheet names, shared by the operations that create or rename sheets.</summary>
public static class SheetNames
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("[]:*?/\\");

    /// <summary>Why <paramref name="name"/> cannot name a sheet, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A sheet name must not be empty.";
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
}
