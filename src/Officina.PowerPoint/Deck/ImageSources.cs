using DocumentFormat.OpenXml.Packaging;
using Officina.Operations;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Images a plan names by source (registered by the caller, never a path): checking that a
/// source exists and is a PNG or JPEG, and adding it to a slide as an image part.
/// </summary>
public static class ImageSources
{
    /// <summary>Adds an error at <paramref name="path"/> when <paramref name="source"/> is not a registered, readable PNG or JPEG.</summary>
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
                errors.Add(new(path, "image_format", $"Source '{source}' is not a PNG or JPEG image."));
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
        var image = slide.AddImagePart(header.IsPng ? ImagePartType.Png : ImagePartType.Jpeg);
        using var data = new MemoryStream(bytes);
        image.FeedData(data);
        return slide.GetIdOfPart(image);
    }

    /// <summary>
    /// Deletes the parts behind <paramref name="relationshipIds"/> that <paramref name="slide"/>
    /// no longer refers to, unless another part of the deck still uses them.
    /// </summary>
    public static void DropUnused(DeckSession session, SlidePart slide, IEnumerable<string> relationshipIds)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(slide);
        var remaining = slide.Slide.OuterXml;
        foreach (var id in relationshipIds.Distinct())
        {
            if (remaining.Contains($"\"{id}\"", StringComparison.Ordinal) || !slide.TryGetPartById(id, out var part))
            {
                continue;
            }

            var shared = part is not ChartPart && session.Document.GetAllParts().Count(p => p.Parts.Any(r => r.OpenXmlPart == part)) > 1;
            if (!shared)
            {
                slide.DeletePart(part);
            }
        }
    }
}
