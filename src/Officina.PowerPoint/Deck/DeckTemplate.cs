using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Builds the package of a new, empty 16:9 deck in a <see cref="DeckDesign"/>: its theme, one
/// slide master with the design's layouts (see <see cref="DesignLayouts"/>), its table style and
/// a notes master. The same code builds the default new deck and the files under <c>templates/decks/</c>.
/// </summary>
internal static class DeckTemplate
{
    public const uint FirstMasterId = 2147483648;

    public static void Build(Stream target, DeckDesign? design = null)
    {
        design ??= DeckDesign.BuiltIn[0];
        using var document = PresentationDocument.Create(target, PresentationDocumentType.Presentation);
        var presentation = document.AddPresentationPart();
        var master = presentation.AddNewPart<SlideMasterPart>("rId1");
        var layouts = new List<(uint, string)>();
        var layoutId = FirstMasterId;
        var i = 0;
        foreach (var xml in DesignLayouts.All(design))
        {
            var relationshipId = $"rId{++i}";
            var layout = master.AddNewPart<SlideLayoutPart>(relationshipId);
            Feed(layout, xml);
            layout.AddPart(master, "rId1");
            layouts.Add((++layoutId, relationshipId));
        }

        var theme = master.AddNewPart<ThemePart>($"rId{i + 1}");
        var themeXml = DesignXml.Theme(design);
        Feed(theme, themeXml);
        Feed(master, DesignXml.Master(design, layouts));

        var notesMaster = presentation.AddNewPart<NotesMasterPart>("rId2");
        Feed(notesMaster.AddNewPart<ThemePart>("rId1"), themeXml);
        Feed(notesMaster, TemplateXml.NotesMaster);

        presentation.AddPart(theme, "rId3");
        Feed(presentation.AddNewPart<PresentationPropertiesPart>("rId4"), TemplateXml.PresentationProperties);
        Feed(presentation.AddNewPart<ViewPropertiesPart>("rId5"), TemplateXml.ViewProperties);
        Feed(presentation.AddNewPart<TableStylesPart>("rId6"), DesignXml.TableStyles(design));
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
