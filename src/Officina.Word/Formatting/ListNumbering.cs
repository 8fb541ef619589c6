using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Word.Formatting;

/// <summary>
/// Creates list definitions in numbering.xml: an abstract numbering with nine levels (bullets
/// •, ◦, ▪ or numbers 1., a., i.) and a numbering instance that paragraphs point to through
/// <c>w:numPr</c>. Abstract definitions come before instances, as the schema requires.
/// </summary>
public static class ListNumbering
{
    /// <summary>Adds a new list definition and returns its <c>w:numId</c>.</summary>
    public static int Create(MainDocumentPart main, bool numbered)
    {
        ArgumentNullException.ThrowIfNull(main);
        var part = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        var numbering = part.Numbering ??= new Numbering();
        var abstractId = numbering.Elements<AbstractNum>().Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(-1).Max() + 1;
        var numId = numbering.Elements<NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = abstractId };
        string[] bullets = ["•", "◦", "▪"];
        NumberFormatValues[] formats = [NumberFormatValues.Decimal, NumberFormatValues.LowerLetter, NumberFormatValues.LowerRoman];
        for (var level = 0; level < 9; level++)
        {
            var indent = (720 * (level + 1)).ToString(CultureInfo.InvariantCulture);
            var format = numbered ? formats[level % 3] : NumberFormatValues.Bullet;
            var text = numbered ? $"%{level + 1}." : bullets[level % 3];
            var entry = new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = indent, Hanging = "360" }))
            { LevelIndex = level };
            if (!numbered)
            {
                entry.AppendChild(new NumberingSymbolRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", Hint = FontTypeHintValues.Default }));
            }

            definition.AppendChild(entry);
        }

        var lastAbstract = numbering.Elements<AbstractNum>().LastOrDefault();
        if (lastAbstract is not null)
        {
            lastAbstract.InsertAfterSelf(definition);
        }
        else if (numbering.ChildElements.FirstOrDefault(c => c is not NumberingPictureBullet) is { } first)
        {
            first.InsertBeforeSelf(definition);
        }
        else
        {
            numbering.AppendChild(definition);
        }

        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        var lastInstance = numbering.Elements<NumberingInstance>().LastOrDefault();
        if (lastInstance is not null)
        {
            lastInstance.InsertAfterSelf(instance);
        }
        else if (numbering.GetFirstChild<NumberingIdMacAtCleanup>() is { } cleanup)
        {
            cleanup.InsertBeforeSelf(instance);
        }
        else
        {
            numbering.AppendChild(instance);
        }

        return numId;
    }
}
