using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Paragraphs;

/// <summary>
/// Splits a paragraph's runs so that a span of its text is covered by whole runs, each keeping
/// the formatting (<c>w:rPr</c>) of the run it came from. What replace, format and comment
/// operations act on is then a list of runs, even when the text crossed run boundaries.
/// </summary>
public static class RunSplitter
{
    /// <summary>Isolates the text from <paramref name="start"/> to <paramref name="end"/> into whole runs and returns them in order.</summary>
    public static List<Run> Isolate(Paragraph paragraph, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        SplitAt(paragraph, end);
        SplitAt(paragraph, start);
        var runs = new List<Run>();
        foreach (var segment in ParagraphText.Segments(paragraph))
        {
            if (segment.Start >= start && segment.End <= end && segment.Text.Length > 0 && !runs.Contains(segment.Run))
            {
                runs.Add(segment.Run);
            }
        }

        return runs;
    }

    /// <summary>Makes sure a run boundary falls at <paramref name="position"/> of the paragraph's text.</summary>
    public static void SplitAt(Paragraph paragraph, int position)
    {
        var segment = ParagraphText.Segments(paragraph).FirstOrDefault(s => s.Text.Length > 0 && s.Start <= position && position < s.End);
        if (segment is null)
        {
            return;
        }

        var element = segment.Element;
        if (position > segment.Start && element is Text text)
        {
            var offset = position - segment.Start;
            var right = new Text(text.Text[offset..]) { Space = SpaceProcessingModeValues.Preserve };
            text.Text = text.Text[..offset];
            text.Space = SpaceProcessingModeValues.Preserve;
            text.InsertAfterSelf(right);
            element = right;
        }

        SplitBefore(segment.Run, element);
    }

    /// <summary>Moves <paramref name="element"/> and everything after it in <paramref name="run"/> into a new run right after it.</summary>
    public static Run SplitBefore(Run run, OpenXmlElement element)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(element);
        var content = run.ChildElements.Where(c => c is not RunProperties).ToList();
        var index = content.IndexOf(element);
        if (index <= 0)
        {
            return run;
        }

        var second = new Run();
        if (run.RunProperties is { } properties)
        {
            second.AppendChild(properties.CloneNode(true));
        }

        foreach (var moved in content.Skip(index))
        {
            moved.Remove();
            second.AppendChild(moved);
        }

        run.InsertAfterSelf(second);
        return second;
    }

    /// <summary>A new run with a copy of <paramref name="model"/>'s formatting (without revision marks) holding <paramref name="text"/>.</summary>
    public static Run NewRunLike(Run? model, string text)
    {
        var run = new Run();
        if (model?.RunProperties is { } properties)
        {
            var copy = (RunProperties)properties.CloneNode(true);
            copy.RemoveAllChildren<RunPropertiesChange>();
            copy.RemoveAllChildren<Inserted>();
            copy.RemoveAllChildren<Deleted>();
            run.AppendChild(copy);
        }

        AppendText(run, text);
        return run;
    }

    /// <summary>Appends <paramref name="text"/> to a run: tabs become <c>w:tab</c>, line feeds <c>w:br</c>.</summary>
    public static void AppendText(Run run, string text)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                run.AppendChild(new Break());
            }

            var parts = lines[l].Split('\t');
            for (var t = 0; t < parts.Length; t++)
            {
                if (t > 0)
                {
                    run.AppendChild(new TabChar());
                }

                if (parts[t].Length > 0)
                {
                    run.AppendChild(new Text(parts[t]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }
    }
}
