using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Images a plan names by source (registered by the caller, never a path): checking that a
/// source exists and is a PNG, JPEG or GIF (by its magic bytes, not its name), and adding it to a slide as an image part.
/// </summary>
public static class ImageSources
{
    /// <summary>Adds an error at <paramref name="path"/> when <paramref name="source"/> is not a registered, readable PNG, JPEG or GIF.</summary>
    public static void Check(DeckSession session, string? source, string path, ICollection<OperationError> errors)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        if (source is null || session.FindSource(source) is not { } open)
        {
            errors.Add(new(path, "source_exists", session.SourceNames.Count == 0
                ? $"No image sources are registered, so '{source}' cannot be read; the caller must register the image (e.g. officina run --source logo.png)."
                : $"There is no source named '{source}'. Sources: {string.Join(", ", session.SourceNames.Select(s => $"'{s}'"))}."));
            return;
        }

        try
        {
            using var stream = open();
            if (ImageHeader.Read(stream) is null)
            {
                using var again = open();
                errors.Add(new(path, "image_format", $"Source '{source}' is not a {ImageHeader.Accepted} image (checked by its first bytes; it starts with {ImageHeader.Magic(again)})."));
            }
        }
        catch (IOException ex)
        {
            errors.Add(new(path, "source_readable", $"Source '{source}' cannot be read: {ex.Message}"));
        }
    }

    /// <summary>Reads a source that <see cref="Check"/> accepted.</summary>
    public static (byte[] Bytes, ImageHeader Header) Read(DeckSession session, string source)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var stream = session.FindSource(source)!();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, ImageHeader.Read(new MemoryStream(bytes))!.Value);
    }

    /// <summary>Adds the image to <paramref name="slide"/> as a new image part and returns its relationship id.</summary>
    public static string AddTo(SlidePart slide, byte[] bytes, ImageHeader header)
    {
        ArgumentNullException.ThrowIfNull(slide);
        var image = slide.AddImagePart(header.Format switch
        {
            ImageFormat.Png => ImagePartType.Png,
            ImageFormat.Gif => ImagePartType.Gif,
            _ => ImagePartType.Jpeg,
        });
        using var data = new MemoryStream(bytes);
        image.FeedData(data);
        return slide.GetIdOfPart(image);
    }

    /// <summary>
    /// Drops the relationships behind <paramref name="relationshipIds"/> that <paramref name="slide"/>
    /// no longer refers to. The SDK deletes a part with its last relationship and keeps one that
    /// another slide still shows (a duplicated slide's picture, a background used on every slide).
    /// </summary>
    public static void DropUnused(SlidePart slide, IEnumerable<string> relationshipIds)
    {
        ArgumentNullException.ThrowIfNull(slide);
        ArgumentNullException.ThrowIfNull(relationshipIds);
        var remaining = slide.Slide.OuterXml;
        foreach (var id in relationshipIds.Distinct())
        {
            if (!remaining.Contains($"\"{id}\"", StringComparison.Ordinal) && slide.TryGetPartById(id, out var part))
            {
                slide.DeletePart(part);
            }
        }
    }
}
