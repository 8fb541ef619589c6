using System.Buffers.Binary;
using Officina.Operations;
using Officina.Planning;

namespace Officina.Service.Tests;

/// <summary>Test documents for verify and render jobs: assets by folder, a deck made here, and what a user reads off a PNG.</summary>
internal static class DocumentFiles
{
    public static byte[] Asset(string folder, string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", folder, name));

    /// <summary>A new 16:9 deck (13.333 × 7.5 in) with three slides titled One, Two and Three, made with Officina's own operations.</summary>
    public static byte[] ThreeSlideDeck()
    {
        const string plan = """
            {"host":"powerpoint","operations":[
              {"op":"add_slide","layout":"Title Slide","title":"One","bullets":[{"text":"A deck of three slides"}]},
              {"op":"add_slide","title":"Two","bullets":[{"text":"Revenue grew 12%"},{"text":"Costs fell","level":2}]},
              {"op":"add_slide","title":"Three","bullets":[{"text":"Next steps"}]}]}
            """;
        using var deck = DocumentSessions.Create(DocumentHost.PowerPoint);
        var read = new PlanSerializer(DocumentSessions.Catalog).Read(plan);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var applied = PlanRunner.Apply(deck, read.Plan!);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        using var output = new MemoryStream();
        deck.Save(output);
        return output.ToArray();
    }

    /// <summary>Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type).</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
