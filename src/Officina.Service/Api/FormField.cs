using System.Globalization;
using Officina.Operations;

namespace Officina.Service.Api;

/// <summary>How a multipart form field is sent: a text value, a whole number, one file part, repeated file parts, or either text or a file part.</summary>
public enum FormFieldKind
{
    Text,
    WholeNumber,
    File,
    Files,
    TextOrFile,
}

/// <summary>
/// One field of a multipart form as the endpoint reads it and the OpenAPI document describes it:
/// its name, kind, meaning, whether it is required, the values it takes and its default.
/// </summary>
public sealed record FormField(string Name, FormFieldKind Kind, string Description)
{
    /// <summary>True when the request is refused without the field (fields required only in some cases say so in <see cref="Description"/>).</summary>
    public bool Required { get; init; }

    /// <summary>The only values the field takes, or null for free text.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The value used when the field is missing, or null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>The lowest and highest value of an integer field.</summary>
    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    /// <summary>True when the field may come as a file part (the form reader refuses file parts no field allows).</summary>
    public bool AllowsFilePart => Kind is FormFieldKind.File or FormFieldKind.Files or FormFieldKind.TextOrFile;

    /// <summary>The error for a value that is not one of <see cref="Values"/> (path <c>$.name</c>, rule the field's name), or null when it is one or any value goes.</summary>
    public OperationError? CheckChoice(string value) =>
        Values is null || Values.Contains(value, StringComparer.Ordinal)
            ? null
            : new OperationError($"$.{Name}", Name, $"{Name} must be one of {string.Join(", ", Values)}. Given: '{value}'.");

    public static FormField Text(string name, string description, bool required = false) => new(name, FormFieldKind.Text, description) { Required = required };

    public static FormField Choice(string name, IReadOnlyList<string> values, string description, string? defaultValue = null) =>
        new(name, FormFieldKind.Text, description) { Values = values, Default = defaultValue };

    public static FormField WholeNumber(string name, int minimum, int maximum, int defaultValue, string description) =>
        new(name, FormFieldKind.WholeNumber, description) { Minimum = minimum, Maximum = maximum, Default = defaultValue.ToString(CultureInfo.InvariantCulture) };

    public static FormField File(string name, string description, bool required = false) => new(name, FormFieldKind.File, description) { Required = required };
}
