using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests;

/// <summary>What the tests share: run ops from JSON, save and reopen, check schema validity, find assets, read slides.</summary>
internal static class Decks
{
    public static readonly PlanSerializer Serializer = new(PowerPointOperations.Catalog);

    public static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", "pptx", name);

    public static DeckSession OpenAsset(string name) => DeckSession.Open(Asset(name));

    /// <summary>
    /// A new deck in the default design with its automatic footers off: most tests name shapes
    /// as add_slide numbers them ('Chart 3'), and the design's slide number placeholder would take
    /// an id first. SlideFootersTests and the template tests cover the footers themselves.
    /// </summary>
    public static DeckSession Create()
    {
        var deck = DeckSession.Create();
        foreach (var master in deck.PresentationPart.SlideMasterParts)
        {
            master.SlideMaster.HeaderFooter = new DocumentFormat.OpenXml.Presentation.HeaderFooter { SlideNumber = false, Footer = false, DateTime = false, Header = false };
        }

        return deck;
    }

    /// <summary>A new deck with <paramref name="slides"/> 'Title and Content' slides titled "Slide 1", "Slide 2", …</summary>
    public static DeckSession WithSlides(int slides)
    {
        var deck = Create();
        for (var i = 1; i <= slides; i++)
        {
            deck.Run($$"""{"op":"add_slide","title":"Slide {{i}}","bullets":[{"text":"Point {{i}}"}]}""");
        }

        return deck;
    }

    public static Operation Op(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var name = (string)node["op"]!;
        node.Remove("op");
        var (operation, errors) = Serializer.ReadOperation(DocumentHost.PowerPoint, name, node);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return operation!;
    }

    public static OperationOutcome Run(this DeckSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome;
    }

    public static IReadOnlyList<OperationError> Fail(this DeckSession session, string json)
    {
        var outcome = session.Execute(Op(json));
        Assert.False(outcome.Succeeded, "The operation was expected to fail validation.");
        return outcome.Errors;
    }

    /// <summary>Saves, reopens from the bytes, and checks the saved package adds no schema errors.</summary>
    public static DeckSession Reopen(this DeckSession session)
    {
        var baseline = session.Baseline;
        var bytes = session.ToArray();
        var reopened = DeckSession.Open(new MemoryStream(bytes));
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        var added = validator.Validate(reopened.Document)
            .Where(e => !baseline.Contains($"{e.Part?.Uri}|{e.Path?.XPath}|{e.Id}"))
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(added.Count == 0, "The saved deck has new schema errors:\n" + string.Join("\n", added.Take(10)));
        return reopened;
    }

    public static SlidePart Slide(this DeckSession deck, int position) => deck.SlideAt(position) ?? throw new InvalidOperationException($"No slide {position}.");

    /// <summary>The title text of a slide ("" when it has none).</summary>
    public static string Title(this DeckSession deck, int position) =>
        SlideShapes.All(deck.Slide(position)).FirstOrDefault(SlideShapes.IsTitle) is { } t ? ShapeText.Text(t) : "";

    /// <summary>Every shape's text on a slide, joined by newlines.</summary>
    public static string AllText(this DeckSession deck, int position) =>
        string.Join("\n", SlideShapes.All(deck.Slide(position)).Select(ShapeText.Text).Where(t => t.Length > 0));

    public static OpenXmlCompositeElement Shape(this DeckSession deck, int position, string reference) =>
        SlideShapes.TryFind(deck.Slide(position), reference, out var shape, out var error) ? shape : throw new InvalidOperationException(error);

    /// <summary>A small valid PNG of <paramref name="width"/> × <paramref name="height"/> pixels, one colour.</summary>
    public static byte[] Png(int width, int height, byte red = 0x44, byte green = 0x72, byte blue = 0xC4)
    {
        using var output = new MemoryStream();
        void Chunk(string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            output.Write(length);
            var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            output.Write(typed);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc.Compute(typed));
            output.Write(crc);
        }

        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk("IHDR", header);
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write([red, green, blue]);
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        Chunk("IDAT", compressed.ToArray());
        Chunk("IEND", []);
        return output.ToArray();
    }
}
