using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.Service.Tests;

/// <summary>Report batch requests from the shipped templates (templates/ copied next to the tests), and what a user reads off the result zip.</summary>
internal static class ReportForms
{
    public static byte[] Shipped(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "templates", path));

    public static MultipartFormDataContent Invoice(string? data = null, string? name = "{{invoice_number}}", bool plan = true)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Shipped("invoice/invoice.docx")), "template", "invoice.docx" },
            { new ByteArrayContent(data is null ? Shipped("invoice/data.json") : Encoding.UTF8.GetBytes(data)), "data", "data.json" },
        };
        if (plan)
        {
            form.Add(new ByteArrayContent(Shipped("invoice/plan.json")), "plan", "plan.json");
        }

        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        return form;
    }

    /// <summary>The shipped invoice data with some records changed by <paramref name="edit"/>.</summary>
    public static string InvoiceData(Action<JsonArray> edit)
    {
        var root = JsonNode.Parse(Shipped("invoice/data.json"))!.AsObject();
        edit(root["invoices"]!.AsArray());
        return root.ToJsonString();
    }

    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    public static List<string> EntryNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>A Word document's text: body, headers and footers, opened with the OpenXML SDK.</summary>
    public static string WordText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        return string.Join("\n", [main.Document.Body!.InnerText, .. main.HeaderParts.Select(h => h.Header.InnerText), .. main.FooterParts.Select(f => f.Footer.InnerText)]);
    }
}
