using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.PowerPoint.Deck;

/// <summary>Builds the package of a new, empty 16:9 deck: theme, one slide master, the standard layouts, a notes master.</summary>
internal static class DeckTemplate
{
    public const uint FirstMasterId = 2147483648;

    public static void Build(Stream target)
    {
        using var document = PresentationDocument.Create(target, PresentationDocumentType.Presentation);
        var presentation = document.AddPresentationPart();
        var master = presentation.AddNewPart<SlideMasterPart>("rId1");
        var layouts = new List<(uint, string)>();
        var layoutId = FirstMasterId;
        for (var i = 0; i < TemplateXml.Layouts.Count; i++)
        {
            var (name, type, placeholders) = TemplateXml.Layouts[i];
            var relationshipId = $"rId{i + 1}";
            var layout = master.AddNewPart<SlideLayoutPart>(relationshipId);
            Feed(layout, TemplateXml.Layout(name, type, placeholders));
            layout.AddPart(master, "rId1");
            layouts.Add((++layoutId, relationshipId));
        }

        var theme = master.AddNewPart<ThemePart>($"rId{TemplateXml.Layouts.Count + 1}");
        Feed(theme, TemplateXml.Theme);
        Feed(master, TemplateXml.Master(layouts));

        var notesMaster = presentation.AddNewPart<NotesMasterPart>("rId2");
        Feed(notesMaster.AddNewPart<ThemePart>("rId1"), TemplateXml.Theme);
        Feed(notesMaster, TemplateXml.NotesMaster);

        presentation.AddPart(theme, "rId3");
        Feed(presentation.AddNewPart<PresentationPropertiesPart>("rId4"), TemplateXml.PresentationProperties);
        Feed(presentation.AddNewPart<ViewPropertiesPart>("rId5"), TemplateXml.ViewProperties);
        Feed(presentation.AddNewPart<TableStylesPart>("rId6"), TemplateXml.TableStyles);
        Feed(presentation, TemplateXml.Presentation("rId1", "rId2"));
    }

    /// <summary>Writes <paramref name="xml"/> as the whole content of <paramref name="part"/>.</summary>
    public static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml));
        part.FeedData(stream);
    }

    /// <summary>The notes master of <paramref name="presentation"/>, added (with its own theme) when the deck has none.</summary>
    public static NotesMasterPart EnsureNotesMaster(PresentationPart presentation)
    {
        if (presentation.NotesMasterPart is { } existing)
        {
            return existing;
        }

        var notesMaster = presentation.AddNewPart<NotesMasterPart>();
        Feed(notesMaster.AddNewPart<ThemePart>(), TemplateXml.Theme);
        Feed(notesMaster, TemplateXml.NotesMaster);
        var root = presentation.Presentation;
        var list = new DocumentFormat.OpenXml.Presentation.NotesMasterIdList(
            new DocumentFormat.OpenXml.Presentation.NotesMasterId { Id = presentation.GetIdOfPart(notesMaster) });
        root.NotesMasterIdList?.Remove();
        root.InsertAfter(list, root.SlideMasterIdList);
        return notesMaster;
    }
}
