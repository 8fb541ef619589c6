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

    /// <summary>
    /// Findings for schema errors not in the input's baseline. Only parts whose XML was loaded
    /// in this session are validated: a part never loaded is saved exactly as it came, so its
    /// errors, if any, are the input's own. The baseline (a full validation of the input) is
    /// only taken when the output has errors at all.
    /// </summary>
    public static IReadOnlyList<Finding> NewErrors(OpenXmlPackage package, Func<IReadOnlySet<string>> baseline)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(baseline);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019) { MaxNumberOfErrors = MaxErrors };
        var errors = LoadedParts(package).SelectMany(validator.Validate).Take(MaxErrors).ToList();
        if (errors.Count == 0)
        {
            return [];
        }

        var known = baseline();
        return [.. errors
            .Where(e => !known.Contains(Key(e)))
            .Select(e => new Finding(FindingSeverity.Error, "schema", $"{e.Part?.Uri}{e.Path?.XPath}", $"{e.Description} ({e.Id})"))];
    }

    private static IEnumerable<OpenXmlPart> LoadedParts(OpenXmlPackage package)
    {
        var seen = new HashSet<OpenXmlPart>();
        var pending = new Stack<OpenXmlPart>(package.Parts.Select(p => p.OpenXmlPart));
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (!seen.Add(part))
            {
                continue;
            }

            if (part.IsRootElementLoaded)
            {
                yield return part;
            }

            foreach (var child in part.Parts)
            {
                pending.Push(child.OpenXmlPart);
            }
        }
    }

    private static IEnumerable<ValidationErrorInfo> Validate(OpenXmlPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019) { MaxNumberOfErrors = MaxErrors };
        return validator.Validate(package);
    }

    private static string Key(ValidationErrorInfo e) => $"{e.Part?.Uri}|{e.Path?.XPath}|{e.Id}";
}
