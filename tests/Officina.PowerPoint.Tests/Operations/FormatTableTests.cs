using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class FormatTableTests
{
    private static DeckSession WithTable()
    {
        var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["Region","Q1","Q2"],["North","10","12"],["South","8","9"]],"x":40,"y":150,"width":600,"height":120,"name":"Sales"}""");
        return deck;
    }

    private static A.Table Table(DeckSession deck) => deck.Shape(1, "Sales").Descendants<A.Table>().Single();

    [Fact]
    public void Apply_SetsStyleFlagsWidthsAndHeights_AndResizesTheFrame()
    {
        using var deck = WithTable();

        var change = deck.Run("""{"op":"format_table","slide":1,"shape":"Sales","header_row":false,"banded_rows":false,"first_column":true,"last_row":true,"column_widths":[200,null,100],"row_heights":[50,30,30]}""").Change!;
        using var reopened = deck.Reopen();

        var table = Table(reopened);
        var properties = table.TableProperties!;
        Assert.Null(properties.FirstRow);
        Assert.Null(properties.BandRow);
        Assert.True(properties.FirstColumn!.Value);
        Assert.True(properties.LastRow!.Value);
        Assert.Equal([200 * 12700L, 200 * 12700L, 100 * 12700L], table.TableGrid!.Elements<A.GridColumn>().Select(c => c.Width!.Value));
        Assert.Equal([50 * 12700L, 30 * 12700L, 30 * 12700L], table.Elements<A.TableRow>().Select(r => r.Height!.Value));
        var extents = ((P.GraphicFrame)reopened.Shape(1, "Sales")).Transform!.Extents!;
        Assert.Equal(500 * 12700L, extents.Cx!.Value);
        Assert.Equal(110 * 12700L, extents.Cy!.Value);
        Assert.Equal("Formatted table 'Sales' on slide 1: header row off, banded rows off, first column on, total row on, 2 column width(s), 3 row height(s)", change.Summary);
    }

    [Fact]
    public void Apply_FillsCellsAndDrawsOutsideBorders_InSchemaOrder_AlsoOnNeighbours()
    {
        using var deck = WithTable();

        deck.Run("""{"op":"format_table","slide":1,"shape":"Sales","cells":"B2:C3","fill_color":"#FFF2CC","border_color":"#C00000","border_width":2,"borders":["outside"]}""");
        using var reopened = deck.Reopen();

        var table = Table(reopened);
        A.TableCellProperties Cell(int r, int c) => table.Elements<A.TableRow>().ElementAt(r).Elements<A.TableCell>().ElementAt(c).TableCellProperties!;
        var corner = Cell(1, 1);
        Assert.Equal(["lnL", "lnT", "solidFill"], corner.ChildElements.Select(e => e.LocalName));
        Assert.Equal("FFF2CC", corner.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
        var top = corner.GetFirstChild<A.TopBorderLineProperties>()!;
        Assert.Equal(2 * 12700, top.Width!.Value);
        Assert.Equal("C00000", top.GetFirstChild<A.SolidFill>()!.RgbColorModelHex!.Val!.Value);
        Assert.Equal(["lnR", "lnB", "solidFill"], Cell(2, 2).ChildElements.Select(e => e.LocalName));
        Assert.NotNull(Cell(0, 1).GetFirstChild<A.BottomBorderLineProperties>());
        Assert.NotNull(Cell(1, 0).GetFirstChild<A.RightBorderLineProperties>());
        Assert.Empty(Cell(0, 0).ChildElements);
    }

    [Fact]
    public void Apply_RemovesBorders_WithNone()
    {
        using var deck = WithTable();
        deck.Run("""{"op":"format_table","slide":1,"shape":"Sales","border_color":"#000000"}""");

        deck.Run("""{"op":"format_table","slide":1,"shape":"Sales","border_color":"none","borders":["inside_horizontal"]}""");

        var cell = Table(deck.Reopen()).Elements<A.TableRow>().First().Elements<A.TableCell>().First().TableCellProperties!;
        Assert.NotNull(cell.GetFirstChild<A.BottomBorderLineProperties>()!.GetFirstChild<A.NoFill>());
        Assert.NotNull(cell.GetFirstChild<A.TopBorderLineProperties>()!.GetFirstChild<A.SolidFill>());
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadValuesAndNonTables_ChangingNothing()
    {
        using var deck = WithTable();
        var before = deck.Shape(1, "Sales").OuterXml;

        var errors = deck.Fail("""{"op":"format_table","slide":1,"shape":"Sales","cells":"A1:Z9","fill_color":"red","border_width":50,"column_widths":[100,100],"row_heights":[10,-1,10]}""");

        Assert.Equal(["fill_color", "border_width", "cells", "column_widths", "row_heights[1]"], errors.Select(e => e.Path));
        Assert.Contains("A1:C3", errors.Single(e => e.Path == "cells").Message, StringComparison.Ordinal);
        Assert.Equal("shape_kind", Assert.Single(deck.Fail("""{"op":"format_table","slide":1,"shape":"Title 1","header_row":true}""")).Rule);
        Assert.Equal("format_required", Assert.Single(deck.Fail("""{"op":"format_table","slide":1,"shape":"Sales"}""")).Rule);
        Assert.Equal("cells", Assert.Single(deck.Fail("""{"op":"format_table","slide":1,"shape":"Sales","cells":"1A","fill_color":"accent1"}""")).Rule);
        Assert.Equal("border_required", Assert.Single(deck.Fail("""{"op":"format_table","slide":1,"shape":"Sales","borders":["top"],"fill_color":"accent1"}""")).Rule);
        Assert.Equal(before, deck.Shape(1, "Sales").OuterXml);
    }
}
