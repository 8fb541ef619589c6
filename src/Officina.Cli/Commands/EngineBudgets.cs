using System.CommandLine;
using System.Globalization;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;

namespace Officina.Cli.Commands;

/// <summary>
/// The budgets every command applies to the documents it opens, the same the service takes from
/// its settings: how many decompressed bytes a document may load (<see cref="PackageLimits"/>)
/// and how long one LibreOffice run may take (<see cref="LibreOfficeRunner"/>: rendering,
/// recalculation during verification, formula values operations read). Each is an option any
/// command takes or an environment variable; the option wins.
/// </summary>
internal sealed record EngineBudgets(PackageLimits Limits, LibreOfficeRunner LibreOffice)
{
    public const string MaxDecompressedOption = "--max-decompressed-mb";
    public const string MaxDecompressedVariable = "OFFICINA_MAX_DECOMPRESSED_MB";
    public const string LibreOfficeTimeoutOption = "--libreoffice-timeout";
    public const string LibreOfficeTimeoutVariable = "OFFICINA_LIBREOFFICE_TIMEOUT_SECONDS";

    /// <summary>The options, for the root command (they apply to every command).</summary>
    public static IEnumerable<Option> Options() =>
    [
        new Option<double?>(MaxDecompressedOption)
        {
            Description = $"Most megabytes a document may hold once decompressed, every part counted as read (default {PackageLimits.DefaultMaxDecompressedBytes / (1024 * 1024)}; or {MaxDecompressedVariable})",
            Recursive = true,
        },
        new Option<double?>(LibreOfficeTimeoutOption)
        {
            Description = $"Seconds one LibreOffice run may take: rendering, recalculation in verification (default {LibreOfficeRunner.DefaultTimeout.TotalSeconds:0}; or {LibreOfficeTimeoutVariable})",
            Recursive = true,
        },
    ];

    /// <summary>The budgets from the command line, then the environment, then the defaults; a value that is not a positive number is a usage error.</summary>
    public static EngineBudgets From(ParseResult parse, double? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var megabytes = Positive(parse.GetValue<double?>(MaxDecompressedOption), MaxDecompressedOption, MaxDecompressedVariable);
        var seconds = timeoutSeconds ?? Positive(parse.GetValue<double?>(LibreOfficeTimeoutOption), LibreOfficeTimeoutOption, LibreOfficeTimeoutVariable);
        var limits = new PackageLimits
        {
            MaxDecompressedBytes = megabytes is { } mb ? (long)(mb * 1024 * 1024) : PackageLimits.DefaultMaxDecompressedBytes,
            DecompressedLimitSetting = $"{MaxDecompressedOption} MB (or {MaxDecompressedVariable})",
        };
        var runner = new LibreOfficeRunner(
            timeout: seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            timeoutSetting: $"{LibreOfficeTimeoutOption} SECONDS (or {LibreOfficeTimeoutVariable})");
        return new EngineBudgets(limits, runner);
    }

    private static double? Positive(double? given, string option, string variable)
    {
        if (given is { } value)
        {
            return value > 0 && double.IsFinite(value)
                ? value
                : throw new UsageException($"{option} must be a positive number. Given: {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && double.IsFinite(parsed)
            ? parsed
            : throw new UsageException($"{variable} must be a positive number. Given: '{text}'.");
    }
}

/// <summary>A command line or environment value the command cannot use; exit 2 with the message.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
