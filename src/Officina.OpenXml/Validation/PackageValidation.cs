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

    /// <summary>
    /// Each error as keys: its exact place (part, XPath, error id) and, numbered per
    /// occurrence, its loose form (part, error id, description) for errors whose XPath moved.
    /// </summary>
    public static HashSet<string> Errors(OpenXmlPackage package)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in Validate(package))
        {
            keys.Add(Key(error));
            var loose = LooseKey(error);
            var n = occurrences.GetValueOrDefault(loose);
            occurrences[loose] = n + 1;
            keys.Add($"{loose}#{n}");
        }

        return keys;
    }

    /// <summary>
    /// Splits the schema errors of the edited package into those the edit introduced (Error)
    /// and those the input already had (Info). An error is the input's when the input has it at
    /// the same part and XPath with the same id, or — as content inserted above it shifts its
    /// XPath (<c>w:p[5]</c> becomes <c>w:p[6]</c>) — in the same part with the same id and
    /// description, one-to-one, as many times as the input has it. Only parts whose XML was
    /// loaded in this session are validated: a part never loaded is saved exactly as it came,
    /// so its errors, if any, are the input's own. The baseline (a full validation of the input)
    /// is only taken when the output has errors at all. Cancellation is checked before each part.
    /// </summary>
    public static (IReadOnlyList<Finding> Introduced, IReadOnlyList<Finding> PreExisting) Judge(
        OpenXmlPackage package, Func<IReadOnlySet<string>> baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(baseline);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019) { MaxNumberOfErrors = MaxErrors };
        var errors = LoadedParts(package).SelectMany(part =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return validator.Validate(part);
        }).Take(MaxErrors).ToList();
        if (errors.Count == 0)
        {
            return ([], []);
        }

        var known = baseline();
        var exact = errors.Select(e => known.Contains(Key(e))).ToArray();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in errors.Where((_, i) => exact[i]))
        {
            used[LooseKey(error)] = used.GetValueOrDefault(LooseKey(error)) + 1;
        }

        var introduced = new List<Finding>();
        var preExisting = new List<Finding>();
        for (var i = 0; i < errors.Count; i++)
        {
            var finding = new Finding(FindingSeverity.Error, "schema", $"{errors[i].Part?.Uri}{errors[i].Path?.XPath}", $"{errors[i].Description} ({errors[i].Id})");
            var loose = LooseKey(errors[i]);
            var seen = exact[i] || known.Contains($"{loose}#{used.GetValueOrDefault(loose)}");
            if (!exact[i] && seen)
            {
                used[loose] = used.GetValueOrDefault(loose) + 1;
            }

            (seen ? preExisting : introduced).Add(seen ? FindingBaseline.AsPreExisting(finding) : finding);
        }

        return (introduced, preExisting);
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

    private static string LooseKey(ValidationErrorInfo e) => $"{e.Part?.Uri}|*|{e.Id}|{e.Description}";
}
