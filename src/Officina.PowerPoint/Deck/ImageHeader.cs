using System.Buffers.Binary;

namespace Officina.PowerPoint.Deck;

/// <summary>The image formats a slide picture can come from, known by their magic bytes.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
}

/// <summary>The format and pixel size of a PNG, JPEG or GIF image, read from its header.</summary>
public readonly record struct ImageHeader(ImageFormat Format, int Width, int Height)
{
    public const string Accepted = "PNG, JPEG or GIF";

    public bool IsPng => Format == ImageFormat.Png;

    /// <summary>Reads the header of <paramref name="stream"/>; null when it is not a PNG, JPEG or GIF with a size.</summary>
    public static ImageHeader? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[24];
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
        {
            return null;
        }

        if (head[0] == 0x89 && head[1] == (byte)'P' && head[2] == (byte)'N' && head[3] == (byte)'G')
        {
            var width = BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16));
            var height = BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20));
            return width > 0 && height > 0 ? new ImageHeader(ImageFormat.Png, width, height) : null;
        }

        // "GIF87a" or "GIF89a", then the logical screen's width and height (little-endian).
        if (head[0] == (byte)'G' && head[1] == (byte)'I' && head[2] == (byte)'F' && head[3] == (byte)'8' && head[4] is (byte)'7' or (byte)'9' && head[5] == (byte)'a')
        {
            var width = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(6));
            var height = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(8));
            return width > 0 && height > 0 ? new ImageHeader(ImageFormat.Gif, width, height) : null;
        }

        return head[0] == 0xFF && head[1] == 0xD8 ? JpegSize(head, stream) : null;
    }

    /// <summary>The first bytes of <paramref name="stream"/> in hex ("25 50 44 46"), to say what a refused file starts with.</summary>
    public static string Magic(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read == 0 ? "nothing (the source is empty)" : Convert.ToHexString(head, 0, read).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b);
    }

    private static ImageHeader? JpegSize(byte[] head, Stream stream)
    {
        // Walk the segments after SOI to the first start-of-frame marker (C0–CF, except C4, C8, CC).
        using var buffer = new MemoryStream();
        buffer.Write(head);
        stream.CopyTo(buffer);
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]);
                return width > 0 && height > 0 ? new ImageHeader(ImageFormat.Jpeg, width, height) : null;
            }

            at += 2 + length;
        }

        return null;
    }
}
