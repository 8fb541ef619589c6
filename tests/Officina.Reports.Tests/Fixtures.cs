using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.Reports.Data;
using Officina.Reports.Output;
using Officina.Reports.Templates;
using Officina.Word;

namespace Officina.Reports.Tests;

/// <summary>Templates made with the engine itself, a scratch folder per test, and a batch runner.</summary>
internal sealed class Fixtures : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("officina-reports-").FullName;

    public static string Shipped(string path) => System.IO.Path.Combine(AppContext.BaseDirectory, "templates", path);

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>A Word template with the given body paragraphs, built through plan operations, saved under <paramref name="name"/>.</summary>
    public string Word(string name, params string[] operationsJson)
    {
        using var session = WordSession.Create();
        Apply(session, DocumentHost.Word, operationsJson);
        var path = Path(name);
        session.SaveAs(path);
        return path;
    }

    public string Excel(string name, params string[] operationsJson)
    {
        using var session = WorkbookSession.Create("Report");
        Apply(session, DocumentHost.Excel, operationsJson);
        var path = Path(name);
        session.SaveAs(path);
        return path;
    }

    public string PowerPoint(string name, params string[] operationsJson)
    {
        using var session = DeckSession.Create();
        Apply(session, DocumentHost.PowerPoint, operationsJson);
        var path = Path(name);
        session.SaveAs(path);
        return path;
    }

    public string File(string name, string content)
    {
        var path = Path(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public static Task<ReportSummary> RunAsync(string template, string data, string? plan, ReportOutput output, ReportOptions? options = null, IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReportBatch.RunAsync(ReportTemplate.Load(template), ReportData.Read(data), plan is null ? null : PlanTemplate.Parse(System.IO.File.ReadAllText(plan)), output, options, progress, cancellationToken);

    public static List<string> ZipEntries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    public static string WordText(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static void Apply(IDocumentSession session, DocumentHost host, string[] operationsJson)
    {
        var plan = new PlanSerializer(ReportBatch.Catalog).Read($$"""{"host":"{{host.ToName()}}","operations":[{{string.Join(",", operationsJson)}}]}""");
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        var applied = PlanRunner.Apply(session, plan.Plan!);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
