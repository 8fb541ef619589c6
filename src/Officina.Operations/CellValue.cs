using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Officina.Operations;

/// <summary>The kinds of literal a cell can hold.</summary>
public enum CellValueKind
{
    Empty,
    Text,
    Number,
    Boolean,
}

/// <summary>
/// A literal cell value as it appears in plan JSON: a string, a number, a boolean or null.
/// Strings are always text, never formulas (a leading <c>=</c> stays literal).
/// An optional cell-valued operation property is declared <c>CellValue? Value = null</c>
/// (a non-nullable struct default cannot be written into a JSON schema).
/// </summary>
[JsonConverter(typeof(CellValueJsonConverter))]
public readonly record struct CellValue
{
    private CellValue(CellValueKind kind, string? text, double number, bool boolean)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
    }

    public CellValueKind Kind { get; }

    public string? Text { get; }

    public double Number { get; }

    public bool Boolean { get; }

    public bool IsEmpty => Kind == CellValueKind.Empty;

    public static CellValue Empty => default;

    public static CellValue FromText(string text) => new(CellValueKind.Text, text ?? throw new ArgumentNullException(nameof(text)), 0, false);

    public static CellValue FromNumber(double number) =>
        double.IsFinite(number) ? new(CellValueKind.Number, null, number, false)
            : throw new ArgumentOutOfRangeException(nameof(number), number, "Cell numbers must be finite.");

    public static CellValue FromBoolean(bool value) => new(CellValueKind.Boolean, null, 0, value);

    public static implicit operator CellValue(string text) => FromText(text);

    public static implicit operator CellValue(double number) => FromNumber(number);

    public static implicit operator CellValue(bool value) => FromBoolean(value);

    public override string ToString() => Kind switch
    {
        CellValueKind.Text => Text!,
        CellValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellValueKind.Boolean => Boolean ? "TRUE" : "FALSE",
        _ => "",
    };
}

/// <summary>Reads and writes <see cref="CellValue"/> as a bare JSON string, number, boolean or null.</summary>
public sealed class CellValueJsonConverter : JsonConverter<CellValue>
{
    public override bool HandleNull => true;

    public override CellValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => CellValue.Empty,
            JsonTokenType.String => CellValue.FromText(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetDouble(out var d) && double.IsFinite(d) => CellValue.FromNumber(d),
            JsonTokenType.True => CellValue.FromBoolean(true),
            JsonTokenType.False => CellValue.FromBoolean(false),
            _ => throw new JsonException($"A cell value must be a string, a finite number, a boolean or null. Given: {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, CellValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case CellValueKind.Text: writer.WriteStringValue(value.Text); break;
            case CellValueKind.Number: writer.WriteNumberValue(value.Number); break;
            case CellValueKind.Boolean: writer.WriteBooleanValue(value.Boolean); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
