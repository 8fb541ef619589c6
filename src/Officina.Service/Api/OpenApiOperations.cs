using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Officina.Service.Api;

/// <summary>
/// Completes the OpenAPI document from what the endpoints declare: each <see cref="RequestForm"/> becomes
/// the <c>multipart/form-data</c> body, field by field; <see cref="IdempotencyKeyHeader"/> the header
/// parameter; endpoints behind API keys get the security requirement; every error response says when
/// it happens. Nothing here lists fields or endpoints of its own.
/// </summary>
public sealed class OpenApiOperations : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string SecurityScheme = "ApiKey";

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["400"] = "Invalid request: nothing was queued or changed. `errors[0].path` names the field (`$.mode`, `$.file`, ...), `rule` the rule it breaks, `message` the value given.",
        ["401"] = "No API key, or one that is not valid: send `Authorization: Bearer KEY` or `X-Api-Key: KEY`.",
        ["404"] = "Nothing with this id for this API key's tenant (jobs expire after the retention time).",
        ["409"] = "Not possible in the current state (`detail` says why), or a request with this Idempotency-Key is still being processed.",
        ["410"] = "The file is no longer stored.",
        ["413"] = "The request is larger than the upload limit (Officina:MaxUploadBytes).",
        ["415"] = "The body is not multipart/form-data.",
        ["422"] = "The Idempotency-Key was used within 24 h for a different request; use a new key.",
        ["429"] = "This API key sent more requests in a minute than Officina:RateLimitPerMinute allows; retry after Retry-After seconds.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Officina";
        document.Info.Description = "Plan, apply and verify changes to Excel, Word and PowerPoint files; report batches and schedules. Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key as 'Authorization: Bearer KEY' (or 'X-Api-Key: KEY'). Not needed when the service runs open on a loopback address with no keys configured.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequestForm>().LastOrDefault() is { } form)
        {
            operation.RequestBody = Body(form);
        }

        if (metadata.OfType<IdempotencyKeyHeader>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyHeader.Name,
                In = ParameterLocation.Header,
                Description = "Repeating the request with the same key and body within 24 h returns the first answer instead of doing it again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyHeader.MaxLength },
            });
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any() && context.Document is { } document)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Meanings.TryGetValue(status, out var meaning) && response is OpenApiResponse described)
            {
                described.Description = meaning;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The <c>multipart/form-data</c> body of <paramref name="form"/>: one property per field, required ones listed.</summary>
    public static OpenApiRequestBody Body(RequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var field in form.Fields)
        {
            schema.Properties[field.Name] = Describe(field);
            if (field.Required)
            {
                schema.Required.Add(field.Name);
            }
        }

        return new OpenApiRequestBody
        {
            Required = schema.Required.Count > 0,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["multipart/form-data"] = new() { Schema = schema } },
        };
    }

    private static OpenApiSchema Describe(FormField field)
    {
        var schema = field.Kind switch
        {
            FormFieldKind.File => Binary(),
            FormFieldKind.Files => new OpenApiSchema { Type = JsonSchemaType.Array, Items = Binary() },
            FormFieldKind.WholeNumber => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = field.Minimum?.ToString(CultureInfo.InvariantCulture),
                Maximum = field.Maximum?.ToString(CultureInfo.InvariantCulture),
            },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
        schema.Description = field.Description;
        if (field.Values is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        if (field.Default is { } value)
        {
            schema.Default = field.Kind == FormFieldKind.WholeNumber ? JsonValue.Create(int.Parse(value, CultureInfo.InvariantCulture)) : JsonValue.Create(value);
        }

        return schema;
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
