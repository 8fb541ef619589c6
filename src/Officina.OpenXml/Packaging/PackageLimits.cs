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

    /// <summary>
    /// Parts that expand past <see cref="RatioCheckedAboveBytes"/> by more than this factor are
    /// refused as bombs. Real spreadsheet XML compresses 5–50-fold; deflate tops out near 1000.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public long RatioCheckedAboveBytes { get; init; } = 50L * 1024 * 1024;

    public static PackageLimits Default { get; } = new();
}
