namespace Officina.OpenXml.Packaging;

/// <summary>
/// How large a package may be before it is refused: the file itself, its decompressed
/// content (zip bombs), the number of parts, and the compression ratio of any one part.
/// </summary>
public sealed record PackageLimits
{
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    public long MaxUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public int MaxParts { get; init; } = 20_000;

    /// <summary>Parts that expand by more than this factor (and past 10 MB) are refused as bombs.</summary>
    public double MaxCompressionRatio { get; init; } = 1000;

    public static PackageLimits Default { get; } = new();
}
