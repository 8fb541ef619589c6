namespace Officina.Service.Api;

/// <summary>
/// The fields a multipart endpoint takes, declared once: <see cref="JobForm.ReadAsync"/> refuses file
/// parts it does not declare, the endpoint reads its fields by these names and values, and the
/// OpenAPI document (<see cref="OpenApiOperations"/>) describes the request body from it.
/// </summary>
public sealed record RequestForm(IReadOnlyList<FormField> Fields)
{
    /// <summary>The names of the fields that may come as file parts, in declared order.</summary>
    public IReadOnlyList<string> FileParts { get; } = [.. Fields.Where(f => f.AllowsFilePart).Select(f => f.Name)];

    /// <summary>This form with more fields after its own (a schedule is the report form plus cron and time zone).</summary>
    public RequestForm With(params IReadOnlyList<FormField> more) => new([.. Fields, .. more]);
}
