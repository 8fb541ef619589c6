namespace Officina.OpenXml.Packaging;

/// <summary>
/// How large a package may be before it is refused: the file itself, its decompressed
/// content (zip bombs), the number of parts, the compression ratio of any one part, and how
/// deep XML may nest.
/// </summary>
public sealed record PackageLimits
{
    /// <summary>The default of <see cref="MaxDecompressedBytes"/>: 256 MB.</summary>
    public const long DefaultMaxDecompressedBytes = 256L * 1024 * 1024;

    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// The decompressed bytes one package may hold: every part counted as it is actually read
    /// (never the size its zip header claims), whatever its compression ratio, so that many
    /// parts each small enough to pass the ratio check cannot add up to gigabytes. Editing takes
    /// many times the XML loaded (the benchmarks' 38 MB workbook peaks at 758 MB when a plan
    /// writes to its large sheet), so the default 256 MB already allows gigabytes for one
    /// document; past it the package is refused with <c>decompressed_too_large</c>.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;

    /// <summary>
    /// How the user raises <see cref="MaxDecompressedBytes"/> where these limits came from (a
    /// setting, an option), named in the refusal's message.
    /// </summary>
    public string DecompressedLimitSetting { get; init; } = "PackageLimits.MaxDecompressedBytes";

    public int MaxParts { get; init; } = 20_000;

    /// <summary>
    /// Parts that expand past <see cref="RatioCheckedAboveBytes"/> by more than this factor are
    /// refused as bombs. Real spreadsheet XML compresses 5–50-fold; deflate tops out near 1000.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>
    /// Parts smaller than this are not ratio-checked. Low enough that a small upload cannot
    /// expand into hundreds of megabytes of XML (which the SDK's DOM then multiplies).
    /// </summary>
    public long RatioCheckedAboveBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>
    /// How deep XML elements may nest in any part. Office writes a few dozen levels (Word's
    /// 63 nested tables are about 320); the SDK loads elements recursively, so 100,000 levels
    /// would overflow the stack and end the process.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 512;

    public static PackageLimits Default { get; } = new();
}
