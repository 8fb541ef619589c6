using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Officina.Operations;

namespace Officina.OpenXml.Validation;

/// <summary>
/// Schema validation with <see cref="OpenXmlValidator"/>, compared against the input's own
/// baseline: files from the wild often carry errors Office tolerates, and what matters is
/// that an edit adds none.
/// </summary>
public static class PackageValidation
{
    /// <summary>Cap on reported errors, so a badly broken file cannot flood a report.</summary>
    public const int MaxErrors = 500;

    /// <summary>Each error as a stable key: part, XPath, error id.</summary>
    public static HashSet<string> Errors(OpenXmlPackage package) =>
        [.. Validate(package).Select(Key)];

    /// <summary>Findings for schema errors not in <paramref name="baseline"/>.</summary>
    public static IReadOnlyList<Finding> NewErrors(OpenXmlPackage package, IReadOnlySet<string> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return [.. Validate(package)
            .Where(e => !baseline.Contains(Key(e)))
            .Select(e => new Finding(FindingSeverity.Error, "schema", $"{e.Part?.Uri}{e.Path?.XPath}", $"{e.Description} ({e.Id})"))];
    }

    private static IEnumerable<ValidationErrorInfo> Validate(OpenXmlPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019) { MaxNumberOfErrors = MaxErrors };
        return validator.Validate(package);
    }

    private static string Key(ValidationErrorInfo e) => $"{e.Part?.Uri}|{e.Path?.XPath}|{e.Id}";
}
