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
        var tree = new P.ShapeTree(
            new P.NonVisualGroupShapeProperties(new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
            new P.GroupShapeProperties(new A.TransformGroup(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }, new A.ChildOffset { X = 0, Y = 0 }, new A.ChildExtents { Cx = 0, Cy = 0 })));
        uint id = 2;
        foreach (var source in SlideShapes.All(layout.SlideLayout?.CommonSlideData?.ShapeTree))
        {
            if (SlideShapes.Placeholder(source) is not { } ph || SlideShapes.PlaceholderType(source) is "dt" or "ftr" or "sldNum" or "hdr")
            {
                continue;
            }

            var name = TrailingNumber().Replace(SlideShapes.Name(source), "").Trim();
            tree.AppendChild(new P.Shape(
                new P.NonVisualShapeProperties(
                    new P.NonVisualDrawingProperties { Id = id, Name = $"{(name.Length > 0 ? name : "Placeholder")} {id - 1}" },
                    new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                    new P.ApplicationNonVisualDrawingProperties((P.PlaceholderShape)ph.CloneNode(true))),
                new P.ShapeProperties(),
                new P.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.EndParagraphRunProperties { Language = "en-US", Dirty = false }))));
            id++;
        }

        var slide = deck.PresentationPart.AddNewPart<SlidePart>();
        var root = new P.Slide(new P.CommonSlideData(tree), new P.ColorMapOverride(new A.MasterColorMapping()));
        root.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        root.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        root.AddNamespaceDeclaration("p", "http://schemas.openxmlformats.org/presentationml/2006/main");
        slide.Slide = root;
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
