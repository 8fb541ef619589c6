using System.Buffers.Binary;

namespace Officina.PowerPoint.Deck;

/// <summary>The format and pixel size of a PNG or JPEG image, read from its header.</summary>
public readonly record struct ImageHeader(bool IsPng, int Width, int Height)
{
    /// <summary>Reads the header of <paramref name="stream"/>; null when it is neither a PNG nor a JPEG with a size.</summary>
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
            return width > 0 && height > 0 ? new ImageHeader(true, width, height) : null;
        }

        return head[0] == 0xFF && head[1] == 0xD8 ? JpegSize(head, stream) : null;
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
                return width > 0 && height > 0 ? new ImageHeader(false, width, height) : null;
            }

            at += 2 + length;
        }

        return null;
    }
}
