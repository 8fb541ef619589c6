using P = DocumentFormat.OpenXml.Presentation;
using P14 = DocumentFormat.OpenXml.Office2010.PowerPoint;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// PowerPoint 2010 sections (<c>p14:sectionLst</c> in the presentation's extensions) list every
/// slide by id; a slide that is added or moved must be listed where it now stands.
/// </summary>
public static class SlideSections
{
    /// <summary>Lists slide <paramref name="id"/> right after <paramref name="previousId"/> (or first in the first section). Does nothing without sections.</summary>
    public static void Place(P.Presentation presentation, uint id, uint? previousId)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        var sections = presentation.PresentationExtensionList?.Descendants<P14.SectionList>().FirstOrDefault();
        if (sections is null)
        {
            return;
        }

        foreach (var stale in sections.Descendants<P14.SectionSlideIdListEntry>().Where(e => e.Id?.Value == id).ToList())
        {
            stale.Remove();
        }

        var entry = new P14.SectionSlideIdListEntry { Id = id };
        var previous = previousId is { } p ? sections.Descendants<P14.SectionSlideIdListEntry>().FirstOrDefault(e => e.Id?.Value == p) : null;
        if (previous is not null)
        {
            previous.InsertAfterSelf(entry);
            return;
        }

        if (sections.Elements<P14.Section>().FirstOrDefault() is { } first)
        {
            var list = first.GetFirstChild<P14.SectionSlideIdList>() ?? first.PrependChild(new P14.SectionSlideIdList());
            list.PrependChild(entry);
        }
    }
}
