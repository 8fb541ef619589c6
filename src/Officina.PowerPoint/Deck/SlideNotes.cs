using DocumentFormat.OpenXml.Packaging;
using Officina.PowerPoint.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>Speaker notes: the body placeholder of a slide's notes slide.</summary>
public static class SlideNotes
{
    /// <summary>The notes text of <paramref name="slide"/> (paragraphs joined by newlines), or null when it has no notes slide.</summary>
    public static string? Text(SlidePart slide) =>
        slide?.NotesSlidePart?.NotesSlide is { } notes && Body(notes) is { } body ? ShapeText.Text(body) : null;

    private static P.Shape? Body(P.NotesSlide notes) =>
        SlideShapes.All(notes.CommonSlideData?.ShapeTree).OfType<P.Shape>().FirstOrDefault(s => SlideShapes.PlaceholderType(s) is "body" or "obj");

    /// <summary>Sets the notes of <paramref name="slide"/> to <paramref name="text"/>, adding a notes slide (and notes master) when missing.</summary>
    public static void Set(DeckSession deck, SlidePart slide, string text)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(slide);
        var notesPart = slide.NotesSlidePart;
        if (notesPart?.NotesSlide is null)
        {
            var master = DeckTemplate.EnsureNotesMaster(deck.PresentationPart);
            notesPart ??= slide.AddNewPart<NotesSlidePart>();
            DeckTemplate.Feed(notesPart, $"<p:notes {TemplateXml.Namespaces}><p:cSld><p:spTree>{TemplateXml.GroupProperties}" +
                "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>" +
                "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>" +
                "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>" +
                "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>" +
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>");
            if (!notesPart.Parts.Any(p => p.OpenXmlPart == master))
            {
                notesPart.AddPart(master);
            }

            if (!notesPart.Parts.Any(p => p.OpenXmlPart == slide))
            {
                notesPart.AddPart(slide);
            }
        }

        var notes = notesPart.NotesSlide!;
        var body = Body(notes);
        if (body is null)
        {
            var tree = notes.CommonSlideData!.ShapeTree!;
            var id = tree.Descendants<P.NonVisualDrawingProperties>().Select(p => p.Id?.Value ?? 0).DefaultIfEmpty(1u).Max() + 1;
            body = new P.Shape(
                new P.NonVisualShapeProperties(
                    new P.NonVisualDrawingProperties { Id = id, Name = $"Notes Placeholder {id - 1}" },
                    new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                    new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.Body, Index = 1 })),
                new P.ShapeProperties(),
                new P.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph()));
            tree.AppendChild(body);
        }

        body.TextBody ??= new P.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph());
        ShapeText.SetParagraphs(body.TextBody, [new TextParagraph(text)]);
    }
}
