using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Turns a company template (.potx, or a .pptx/.ppsx used as one) into the package of a new,
/// empty deck on its masters, layouts and theme, as PowerPoint's "New from template" does: the
/// template content type becomes a presentation, and the template's own slides (with their
/// notes, comments and sections) are dropped. Macro-enabled templates are refused: a new deck
/// made here is a plain .pptx.
/// </summary>
internal static class TemplateDeck
{
    /// <summary>The bytes of a new deck made from <paramref name="template"/>; throws <see cref="DocumentRejectedException"/> for anything that is not a usable PowerPoint template.</summary>
    public static MemoryStream Build(Stream template, PackageLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(template);
        LoadedPackage loaded;
        try
        {
            loaded = WorkingCopy.Load(template, limits, DocumentHost.PowerPoint, "a PowerPoint template or deck");
        }
        catch (DocumentRejectedException ex)
        {
            throw new DocumentRejectedException(ex.Reason, $"The template cannot be used: {ex.Message}", ex);
        }

        if (loaded.Info.HasMacros)
        {
            throw new DocumentRejectedException("template_macros", "The template is macro-enabled (.potm/.pptm); a new deck is a plain .pptx. Save the template as .potx (PowerPoint Template) and try again.");
        }

        using var document = WorkingCopy.Open(() => PresentationDocument.Open(loaded.Working, true, new OpenSettings { AutoSave = false }), "PowerPoint template");
        if (document.DocumentType != PresentationDocumentType.Presentation && document.PresentationPart is not null)
        {
            // Replaces the main part (and every reference to it), so it comes before anything reads the presentation.
            document.ChangeDocumentType(PresentationDocumentType.Presentation);
        }

        var presentation = document.PresentationPart?.Presentation
            ?? throw new DocumentRejectedException("damaged_package", "The template declares a presentation but its presentation part is missing.");
        var part = document.PresentationPart!;
        if (part.SlideMasterParts.FirstOrDefault()?.SlideMaster?.SlideLayoutIdList?.Elements<P.SlideLayoutId>().Any() != true)
        {
            throw new DocumentRejectedException("template_layouts", "The template has no slide master with layouts, so there is nothing to build slides on.");
        }

        foreach (var id in presentation.SlideIdList?.Elements<P.SlideId>().ToList() ?? [])
        {
            if (id.RelationshipId?.Value is { } rid && part.TryGetPartById(rid, out var slide))
            {
                part.DeletePart(slide);
            }
        }

        presentation.SlideIdList?.Remove();
        presentation.CustomShowList?.Remove();
        SlideSections.Of(presentation)?.Ancestors<P.PresentationExtension>().FirstOrDefault()?.Remove();
        if (presentation.PresentationExtensionList is { HasChildren: false } empty)
        {
            empty.Remove();
        }

        presentation.Save();
        var output = new MemoryStream();
        WorkingCopy.Save(document, output);
        output.Position = 0;
        return output;
    }
}
