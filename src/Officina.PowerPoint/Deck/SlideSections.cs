using P = DocumentFormat.OpenXml.Presentation;
using P14 = DocumentFormat.OpenXml.Office2010.PowerPoint;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// PowerPoint 2010 sections (<c>p14:sectionLst</c> in the presentation's extensions) list every
/// slide by id; a slide that is added or moved must be listed where it now stands.
/// </summary>
public static class SlideSections
{
    public const string ExtensionUri = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}";

    public const string Namespace = "http://schemas.microsoft.com/office/powerpoint/2010/main";

    /// <summary>The deck's section list, or null when it has no sections.</summary>
    public static P14.SectionList? Of(P.Presentation presentation) =>
        presentation?.PresentationExtensionList?.Descendants<P14.SectionList>().FirstOrDefault();

    /// <summary>The sections in order.</summary>
    public static IReadOnlyList<P14.Section> All(P.Presentation presentation) => Of(presentation)?.Elements<P14.Section>().ToList() ?? [];

    public static string Name(P14.Section section) => section?.Name?.Value ?? "";

    /// <summary>The section named <paramref name="name"/> (trimmed, case-insensitive), or null.</summary>
    public static P14.Section? Find(P.Presentation presentation, string? name) =>
        All(presentation).FirstOrDefault(s => string.Equals(Name(s), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The slide ids a section lists, in order.</summary>
    public static IReadOnlyList<uint> SlideIds(P14.Section section) =>
        section?.GetFirstChild<P14.SectionSlideIdList>()?.Elements<P14.SectionSlideIdListEntry>().Select(e => e.Id?.Value ?? 0).ToList() ?? [];

    /// <summary>A new section element with a fresh id and the given slides.</summary>
    public static P14.Section NewSection(string name, IEnumerable<uint> ids) =>
        new(new P14.SectionSlideIdList(ids.Select(id => new P14.SectionSlideIdListEntry { Id = id })))
        {
            Name = name,
            Id = Guid.NewGuid().ToString("B").ToUpperInvariant(),
        };

    /// <summary>The deck's section list, created (empty) in the presentation's extension list when missing.</summary>
    public static P14.SectionList Ensure(P.Presentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (Of(presentation) is { } existing)
        {
            return existing;
        }

        var list = new P14.SectionList();
        list.AddNamespaceDeclaration("p14", Namespace);
        var extensions = presentation.PresentationExtensionList ??= new P.PresentationExtensionList();
        extensions.AppendChild(new P.PresentationExtension(list) { Uri = ExtensionUri });
        return list;
    }

    /// <summary>
    /// Makes the section lists agree with the slide list: entries for slides that no longer exist
    /// (or listed twice) are dropped, and a slide no section lists joins the section of the slide
    /// before it (the first section for the first slide). Does nothing without sections.
    /// </summary>
    public static void Reconcile(P.Presentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (Of(presentation) is not { } sections)
        {
            return;
        }

        var order = presentation.SlideIdList?.Elements<P.SlideId>().Select(s => s.Id?.Value ?? 0).ToList() ?? [];
        var seen = new HashSet<uint>();
        foreach (var entry in sections.Descendants<P14.SectionSlideIdListEntry>().ToList())
        {
            if (!order.Contains(entry.Id?.Value ?? 0) || !seen.Add(entry.Id!.Value))
            {
                entry.Remove();
            }
        }

        for (var i = 0; i < order.Count; i++)
        {
            if (!seen.Contains(order[i]))
            {
                Place(presentation, order[i], i > 0 ? order[i - 1] : null);
            }
        }
    }

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
