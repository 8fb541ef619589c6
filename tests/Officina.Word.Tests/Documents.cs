using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Operations;
using Officina.Word.Paragraphs;

namespace Officina.Word.Tests;

/// <summary>What the tests share: run ops from JSON, save and reopen, check schema validity, find assets.</summary>
internal static class Documents
{
    public static readonly PlanSerializer Serializer = new(WordOperations.Catalog);

    public static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", "docx", name);

    public static WordSession OpenAsset(string name) => WordSession.Open(Asset(name));

    /// <summary>A new document holding <paramref name="paragraphs"/> as Normal paragraphs.</summary>
    public static WordSession With(params string[] paragraphs)
    {
        var session = WordSession.Create();
        foreach (var text in paragraphs)
        {
            session.Run($$"""{"op":"insert_paragraph","anchor":"end","text":{{JsonValue.Create(text).ToJsonString()}}}""");
        }

        return session;
    }

    /// <summary>Reads one operation from its JSON form, as a plan or a model would give it.</summary>
    public static Operation Op(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var name = (string)node["op"]!;
        node.Remove("op");
        var (operation, errors) = Serializer.ReadOperation(DocumentHost.Word, name, node);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return operation!;
    }

    public static OperationOutcome Run(this WordSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome;
    }

    public static IReadOnlyList<OperationError> Fail(this WordSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.False(outcome.Succeeded, "The operation was expected to fail validation.");
        return outcome.Errors;
    }

    /// <summary>Saves, reopens from the bytes, and checks the saved package adds no schema errors.</summary>
    public static WordSession Reopen(this WordSession session)
    {
        var baseline = session.Baseline;
        var bytes = session.ToArray();
        var reopened = WordSession.Open(new MemoryStream(bytes));
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        var added = validator.Validate(reopened.Document)
            .Where(e => !baseline.Contains($"{e.Part?.Uri}|{e.Path?.XPath}|{e.Id}"))
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(added.Count == 0, "The saved document has new schema errors:\n" + string.Join("\n", added.Take(10)));
        return reopened;
    }

    /// <summary>The visible text of every body paragraph, in order.</summary>
    public static List<string> Texts(this WordSession session) => [.. session.Paragraphs.Select(ParagraphText.Of)];

    public static Paragraph Paragraph(this WordSession session, string text) =>
        session.Paragraphs.First(p => ParagraphText.Of(p) == text);

    public static string IdOf(this WordSession session, string text) => session.Paragraph(text).ParagraphId!.Value!;

    public static string BodyXml(this WordSession session) => session.Body.OuterXml;
}
