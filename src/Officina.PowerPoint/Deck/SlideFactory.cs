using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Deck;

/// <summary>Makes new slides from layouts and copies of existing slides.</summary>
public static partial class SlideFactory
{
    /// <summary>
    /// A new slide on <paramref name="layout"/> with an empty placeholder for each of the
    /// layout's content placeholders (as PowerPoint adds them; date, footer and slide number
    /// are left to the layout), listed at 0-based <paramref name="index"/> (null appends).
    /// </summary>
    public static SlidePart Create(DeckSession deck, SlideLayoutPart layout, int? index)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(layout);
        var shapes = new StringBuilder();
        var id = 2;
        foreach (var source in SlideShapes.All(layout.SlideLayout?.CommonSlideData?.ShapeTree))
        {
            if (SlideShapes.Placeholder(source) is not { } ph || SlideShapes.PlaceholderType(source) is "dt" or "ftr" or "sldNum" or "hdr")
            {
                continue;
            }

            var name = TrailingNumber().Replace(SlideShapes.Name(source), "").Trim();
            var placeholder = (P.PlaceholderShape)ph.CloneNode(true);
            shapes.Append(
                $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{System.Security.SecurityElement.Escape(name.Length > 0 ? name : "Placeholder")} {id - 1}\"/>" +
                $"<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr>{placeholder.OuterXml}</p:nvPr></p:nvSpPr><p:spPr/>" +
                "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\" dirty=\"0\"/></a:p></p:txBody></p:sp>");
            id++;
        }

        var slide = deck.PresentationPart.AddNewPart<SlidePart>();
        DeckTemplate.Feed(slide, $"<p:sld {TemplateXml.Namespaces}><p:cSld><p:spTree>{TemplateXml.GroupProperties}{shapes}</p:spTree></p:cSld>" +
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
        slide.AddPart(layout);
        deck.InsertSlideId(slide, index);
        return slide;
    }

    /// <summary>
    /// A copy of <paramref name="source"/> listed at 0-based <paramref name="index"/>: the slide XML,
    /// its layout, its pictures and media (shared, as PowerPoint shares identical media), copies of
    /// its charts (sharing their embedded workbooks and styles) and a copy of its notes.
    /// Comments are not copied.
    /// </summary>
    public static SlidePart Duplicate(DeckSession deck, SlidePart source, int? index)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(source);
        // The source's DOM may hold edits not yet written to its part: write them first.
        source.Slide.Save();
        var copy = deck.PresentationPart.AddNewPart<SlidePart>();
        using (var data = source.GetStream(FileMode.Open, FileAccess.Read))
        {
            copy.FeedData(data);
        }

        foreach (var pair in source.Parts)
        {
            switch (pair.OpenXmlPart)
            {
                case ChartPart chart:
                    chart.ChartSpace?.Save();
                    var chartCopy = copy.AddNewPart<ChartPart>(pair.RelationshipId);
                    using (var data = chart.GetStream(FileMode.Open, FileAccess.Read))
                    {
                        chartCopy.FeedData(data);
                    }

                    foreach (var sub in chart.Parts)
                    {
                        chartCopy.AddPart(sub.OpenXmlPart, sub.RelationshipId);
                    }

                    foreach (var external in chart.ExternalRelationships)
                    {
                        chartCopy.AddExternalRelationship(external.RelationshipType, external.Uri, external.Id);
                    }

                    break;
                case NotesSlidePart:
                case SlideCommentsPart:
                    break;
                default:
                    copy.AddPart(pair.OpenXmlPart, pair.RelationshipId);
                    break;
            }
        }

        foreach (var external in source.ExternalRelationships)
        {
            copy.AddExternalRelationship(external.RelationshipType, external.Uri, external.Id);
        }

        foreach (var link in source.HyperlinkRelationships)
        {
            copy.AddHyperlinkRelationship(link.Uri, link.IsExternal, link.Id);
        }

        foreach (var reference in source.DataPartReferenceRelationships)
        {
            switch (reference)
            {
                case VideoReferenceRelationship video:
                    copy.AddVideoReferenceRelationship((MediaDataPart)video.DataPart, video.Id);
                    break;
                case AudioReferenceRelationship audio:
                    copy.AddAudioReferenceRelationship((MediaDataPart)audio.DataPart, audio.Id);
                    break;
                case MediaReferenceRelationship media:
                    copy.AddMediaReferenceRelationship((MediaDataPart)media.DataPart, media.Id);
                    break;
            }
        }

        if (SlideNotes.Text(source) is { } notes)
        {
            SlideNotes.Set(deck, copy, notes);
        }

        deck.InsertSlideId(copy, index);
        return copy;
    }

    [GeneratedRegex(@"\s*\d+$")]
    private static partial Regex TrailingNumber();
}
