using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Officina.OpenXml.Rendering;
using Officina.Operations;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>
/// Documents without a plan: verify one (recalculation and validation as a job), render one to
/// PDF or PNG pages, or render a finished job's result.
/// </summary>
public static class DocumentsApi
{
    public static readonly FormField File = FormField.File("file", "The document (xlsx/xlsm, docx/docm, pptx/pptm, by content).", required: true);

    public static readonly FormField Format = FormField.Choice("format", [RenderRequest.Pdf, RenderRequest.Png],
        "pdf, or png: one image per page (a single PNG for one page, else a zip of page-NN.png).", RenderRequest.Pdf);

    public static readonly FormField Pages = FormField.Text("pages",
        "1-based page numbers and ranges, e.g. 1-3,5; default all pages. Slides are pages; a workbook's pages are its printed pages.");

    public static readonly FormField Dpi = FormField.WholeNumber("dpi", RenderRequest.MinDpi, RenderRequest.MaxDpi, RenderRequest.DefaultDpi, "PNG resolution; ignored for PDF.");

    /// <summary>The <c>POST /verify</c> form.</summary>
    public static readonly RequestForm VerifyForm = new([File]);

    /// <summary>The <c>POST /render</c> form.</summary>
    public static readonly RequestForm RenderForm = new([File, Format, Pages, Dpi]);

    /// <summary>The <c>POST /jobs/{id}/render</c> form: the render fields, no file (an empty body renders a PDF of every page).</summary>
    public static readonly RequestForm RenderResultForm = new([Format, Pages, Dpi]);

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/verify", VerifyAsync).AcceptsForm(VerifyForm).AcceptsIdempotencyKey().WithTags("Documents")
            .WithSummary("Recalculate and validate a document as a job; the result is the document as verified");
        api.MapPost("/render", RenderAsync).AcceptsForm(RenderForm).AcceptsIdempotencyKey().WithTags("Documents")
            .WithSummary("Render a document to PDF or PNG pages with LibreOffice as a job");
        api.MapPost("/jobs/{id}/render", RenderResultAsync).AcceptsForm(RenderResultForm).AcceptsIdempotencyKey()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone).WithTags("Jobs")
            .WithSummary("Render a finished job's result (e.g. slides after a plan) as a new render job");
        return api;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> VerifyAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (form, problem) = await JobForm.ReadAsync(http.Request, VerifyForm, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        var (file, host, rejected) = Document(form, documents, "verify");
        if (file is null)
        {
            return rejected!;
        }

        var draft = new JobRecord { Id = "pending", Tenant = http.User.Tenant(), Kind = JobKind.Verify, Host = host!, CreatedAt = default };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, file, [], cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> RenderAsync(
        HttpContext http, [FromServices] JobSubmitter submitter, [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (form, problem) = await JobForm.ReadAsync(http.Request, RenderForm, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            return problem!;
        }

        var (request, error) = RenderRequest.Create(form.Field(Format.Name), form.Field(Pages.Name), form.Field(Dpi.Name));
        if (request is null)
        {
            return Problems.Invalid(error!.Path, error.Rule, error.Message);
        }

        var (file, host, rejected) = Document(form, documents, "render");
        if (file is null)
        {
            return rejected!;
        }

        var draft = new JobRecord { Id = "pending", Tenant = http.User.Tenant(), Kind = JobKind.Render, Host = host!, Render = request, CreatedAt = default };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, file, [], cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> RenderResultAsync(
        string id, HttpContext http, ClaimsPrincipal user, [FromServices] IJobStore store, [FromServices] IFileStore files, [FromServices] JobSubmitter submitter,
        [FromServices] JobDocuments documents, [FromServices] IOptions<OfficinaOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var earlier = await JobsApi.FindAsync(store, id, user, cancellationToken).ConfigureAwait(false);
        if (earlier is null)
        {
            return Problems.NotFound(id);
        }

        if (earlier.Kind == JobKind.Render)
        {
            return Problems.Conflict($"Job '{id}' is a render job: its result is {JobFiles.Result(earlier).ContentType}, not an Office document; render the document it was made from.");
        }

        if (earlier.Kind == JobKind.Batch)
        {
            return Problems.Conflict($"Job '{id}' is a batch job: its result is a zip of documents; render one of them with POST /api/v1/render.");
        }

        if (earlier.Status != JobStatus.Succeeded)
        {
            return Problems.Conflict($"Job '{id}' has no result to render yet: it is {earlier.Status}{(earlier.Error is { } e ? $" ({e.Message})" : "")}.");
        }

        // The fields may come as a form or not at all (all defaults): an empty POST is a render to PDF.
        JobForm form;
        if (!http.Request.HasFormContentType && (http.Request.ContentLength ?? 0) == 0)
        {
            form = new JobForm(FormCollection.Empty, null, [], "");
        }
        else
        {
            var (read, problem) = await JobForm.ReadAsync(http.Request, RenderResultForm, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return problem!;
            }

            form = read;
        }

        var (request, error) = RenderRequest.Create(form.Field(Format.Name), form.Field(Pages.Name), form.Field(Dpi.Name));
        if (request is null)
        {
            return Problems.Invalid(error!.Path, error.Rule, error.Message);
        }

        var content = await files.ReadAsync(id, "result", cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Problems.Of(StatusCodes.Status410Gone, "Gone", $"The result file of job '{id}' is no longer stored.");
        }

        var draft = new JobRecord { Id = "pending", Tenant = earlier.Tenant, Kind = JobKind.Render, Host = earlier.Host, Render = request, RenderOf = id, CreatedAt = default };
        return await submitter.SubmitAsync(http, form.RequestHash, draft, new UploadedFile(JobFiles.Result(earlier).Name, content), [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form's document and its host, or the problem: no file, other parts, or a file the engines refuse (same rules and messages as /plans/apply).</summary>
    private static (UploadedFile? File, string? Host, ProblemHttpResult? Problem) Document(JobForm form, JobDocuments documents, string what)
    {
        if (form.File is not { } file)
        {
            return (null, null, Problems.Invalid("$.file", "required", $"Send the document to {what} as the 'file' part."));
        }

        try
        {
            return (file, documents.Inspect(file.Content).Host.ToName(), null);
        }
        catch (DocumentRejectedException ex)
        {
            return (null, null, Problems.BadRequest($"The file '{file.Name}' cannot be used: {ex.Message}", [new("$.file", ex.Reason, ex.Message)], ex.Reason));
        }
    }
}
