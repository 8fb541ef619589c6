// Every operation the Excel host claims to apply in place, against an office-addin-mock workbook.
import { describe, expect, it } from "vitest";
import type { Operation } from "../src/api";
import { applyInPlace, ExcelHost, inPlaceBlockers, replaceWorkbook } from "../src/hosts/excel";
import { inPlaceOperations, supportedInPlace } from "../src/hosts/excel-operations";
import { mockExcel, requirementsFor } from "./support/excel-mock";

const op = (o: Operation) => o;
async function apply(...ops: Operation[]) {
  const m = mockExcel(["Data", "Report"]);
  await applyInPlace(ops, m.excel);
  return m;
}

describe("Excel in place", () => {
  it("set_values writes a grid sized from the top-left cell, null clears, '=' text stays text", async () => {
    const m = await apply(op({ op: "set_values", range: "'Data'!B2", values: [["Year", "Note"], [2026, "=not a formula"], [null]] }));
    expect(m.range("Data", "B2:C4").values).toEqual([["Year", "Note"], [2026, "'=not a formula"], ["", ""]]);
  });

  it("set_values on a single cell writes that cell", async () => {
    const m = await apply(op({ op: "set_values", range: "Data!A1", values: [[42]] }));
    expect(m.range("Data", "A1").values).toEqual([[42]]);
  });

  it("set_formulas fills one formula like Excel: top-left cell, then copied over the range", async () => {
    const m = await apply(op({ op: "set_formulas", range: "Report!B3:B6", formula: "=B2*1.08" }));
    expect(m.range("Report", "B3").formulas).toEqual([["=B2*1.08"]]);
    expect(m.calls).toContainEqual(["copyFrom", "Report!B3:B6", "Report!B3", "Formulas"]);
  });

  it("set_formulas writes a grid as given", async () => {
    const m = await apply(op({ op: "set_formulas", range: "Data!C1:C2", formulas: [["=A1+B1"], ["=A2+B2"]] }));
    expect(m.range("Data", "C1:C2").formulas).toEqual([["=A1+B1"], ["=A2+B2"]]);
  });

  it("format_range sets number format, font, fill, alignment, wrap, indent and borders", async () => {
    const m = await apply(op({
      op: "format_range", range: "Data!A1:B2", number_format: "0%", bold: true, italic: false, underline: true,
      font_color: "1F4E79", font_size: 12, font_name: "Arial", fill_color: "FFF2CC",
      horizontal_alignment: "center", vertical_alignment: "top", wrap_text: true, indent: 1,
      border: "medium", border_color: "FF0000",
    }));
    const r = m.range("Data", "A1:B2");
    expect(r.numberFormat).toEqual([["0%", "0%"], ["0%", "0%"]]);
    expect(r.format.font).toMatchObject({ bold: true, italic: false, underline: "Single", color: "#1F4E79", size: 12, name: "Arial" });
    expect(r.format.fill.color).toBe("#FFF2CC");
    expect(r.format).toMatchObject({ horizontalAlignment: "Center", verticalAlignment: "Top", wrapText: true, indentLevel: 1 });
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"])
      expect(r.borders[edge], edge).toMatchObject({ style: "Continuous", weight: "Medium", color: "#FF0000" });
  });

  it("format_range removes a fill, draws an outline only, and takes whole columns", async () => {
    const m = await apply(
      op({ op: "format_range", range: "Data!A1:C3", fill_color: "none", border: "outline" }),
      op({ op: "format_range", range: "Data!D:D", number_format: "#,##0" }),
    );
    expect(m.calls).toContainEqual(["fill.clear", "Data!A1:C3"]);
    expect(Object.keys(m.range("Data", "A1:C3").borders).sort()).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"]);
    expect(m.range("Data", "D:D").numberFormat).toBe("#,##0");
  });

  it("format_range with border none clears every edge", async () => {
    const m = await apply(op({ op: "format_range", range: "Data!A1:B2", border: "none" }));
    expect(m.range("Data", "A1:B2").borders.EdgeTop.style).toBe("None");
    expect(m.range("Data", "A1:B2").borders.InsideHorizontal.style).toBe("None");
  });

  it("clear_range clears contents by default, or what is asked", async () => {
    const m = await apply(op({ op: "clear_range", range: "Data!A2:F9" }), op({ op: "clear_range", range: "Data!G1", what: "all" }));
    expect(m.calls).toContainEqual(["clear", "Data!A2:F9", "Contents"]);
    expect(m.calls).toContainEqual(["clear", "Data!G1", "All"]);
  });

  it("add_sheet adds a sheet at a 1-based position", async () => {
    const m = await apply(op({ op: "add_sheet", name: "Forecast", position: 1 }));
    expect(m.calls).toContainEqual(["addSheet", "Forecast"]);
    expect(m.sheet("Forecast").position).toBe(0);
  });

  it("rename_sheet and delete_sheet act on the named sheets", async () => {
    const m = await apply(op({ op: "rename_sheet", from: "Data", to: "Raw data" }), op({ op: "delete_sheet", name: "Report" }));
    expect(m.sheet("Data").name).toBe("Raw data");
    expect(m.calls).toContainEqual(["deleteSheet", "Report"]);
  });

  it("create_table names and styles a table with headers and totals", async () => {
    const m = await apply(op({ op: "create_table", range: "'Data'!A1:D20", name: "Sales", show_totals: true }));
    expect(m.tables[0]).toMatchObject({ address: "A1:D20", hasHeaders: true, sheet: "Data", name: "Sales", style: "TableStyleMedium2", showTotals: true });
  });

  it("add_chart places a titled chart of a data block at the anchor", async () => {
    const m = await apply(op({
      op: "add_chart", anchor: "Report!H2", kind: "line", data: "Data!A1:C13", title: "Revenue",
      x_axis_title: "Month", y_axis_title: "EUR", legend: "right", stacked: true,
    }));
    const chart = m.charts[0];
    expect(chart).toMatchObject({ type: "LineStacked", source: "Data!A1:C13", seriesBy: "Columns", sheet: "Report" });
    expect(chart.title.text).toBe("Revenue");
    expect(chart.axes.categoryAxis.title.text).toBe("Month");
    expect(chart.axes.valueAxis.title.text).toBe("EUR");
    expect(chart.legend).toMatchObject({ visible: true, position: "Right" });
    expect(m.calls).toContainEqual(["chart.setPosition", "Report", "H2", "O16"]);
  });

  it("add_chart without a sheet on the anchor uses the data's sheet; legend none hides it", async () => {
    const m = await apply(op({ op: "add_chart", anchor: "E2:J12", kind: "pie", data: "Data!A1:B5", series_in: "rows", legend: "none" }));
    expect(m.charts[0]).toMatchObject({ type: "Pie", sheet: "Data", seriesBy: "Rows" });
    expect(m.charts[0].legend.visible).toBe(false);
    expect(m.calls).toContainEqual(["chart.setPosition", "Data", "E2", "J12"]);
  });

  it("freeze_panes freezes rows, columns, both, or unfreezes", async () => {
    const m = await apply(
      op({ op: "freeze_panes", top_left_cell: "A2", sheet: "Data" }),
      op({ op: "freeze_panes", top_left_cell: "C1", sheet: "Data" }),
      op({ op: "freeze_panes", top_left_cell: "B3", sheet: "Report" }),
      op({ op: "freeze_panes", top_left_cell: "A1" }),
    );
    expect(m.calls).toContainEqual(["freezeRows", "Data", 1]);
    expect(m.calls).toContainEqual(["freezeColumns", "Data", 2]);
    expect(m.calls).toContainEqual(["freezeAt", "Report", "A1:A2"]);
    expect(m.calls).toContainEqual(["unfreeze", "Data"]);
  });

  it("set_column_width converts characters to points, or auto-fits", async () => {
    const m = await apply(op({ op: "set_column_width", columns: "B:D", sheet: "Data", width: 20 }), op({ op: "set_column_width", columns: "E", auto: true }));
    expect(m.range("Data", "B:D").format.columnWidth).toBe(105);
    expect(m.calls).toContainEqual(["autofitColumns", "Data!E:E"]);
  });

  it("merge_cells merges, or unmerges", async () => {
    const m = await apply(op({ op: "merge_cells", range: "Report!A1:D1" }), op({ op: "merge_cells", range: "Report!A3:B3", unmerge: true }));
    expect(m.calls).toContainEqual(["merge", "Report!A1:D1", false]);
    expect(m.calls).toContainEqual(["unmerge", "Report!A3:B3"]);
  });

  it("insert and delete rows and columns shift the right cells", async () => {
    const m = await apply(
      op({ op: "insert_rows", sheet: "Data", row: 3, count: 2 }),
      op({ op: "delete_rows", sheet: "Data", row: 10, count: 1 }),
      op({ op: "insert_columns", sheet: "Data", column: "C", count: 2 }),
      op({ op: "delete_columns", sheet: "Data", column: "Z", count: 2 }),
    );
    expect(m.calls).toContainEqual(["insert", "Data!3:4", "Down"]);
    expect(m.calls).toContainEqual(["delete", "Data!10:10", "Up"]);
    expect(m.calls).toContainEqual(["insert", "Data!C:D", "Right"]);
    expect(m.calls).toContainEqual(["delete", "Data!Z:AA", "Left"]);
  });

  it("define_name adds workbook and sheet names", async () => {
    const m = await apply(
      op({ op: "define_name", name: "TaxRate", refers_to: "=Data!$B$1", comment: "VAT" }),
      op({ op: "define_name", name: "Local", refers_to: "Report!A1:A3", scope: "Report" }),
    );
    expect(m.calls).toContainEqual(["names.add", null, "TaxRate", "=Data!$B$1", "VAT"]);
    expect(m.calls).toContainEqual(["names.add", "Report", "Local", "Report!A1:A3", undefined]);
  });

  it("queues a whole plan on one context and syncs once; read-only operations change nothing", async () => {
    const m = mockExcel(["Data"]);
    const count = await applyInPlace([
      { op: "add_sheet", name: "Forecast" },
      { op: "read_range", range: "Data!A1:B2" },
      { op: "set_values", range: "Forecast!A1:B1", values: [["Year", "Revenue"]] },
      { op: "set_formulas", range: "Forecast!B2:B5", formula: "=B1*1.08" },
    ], m.excel);
    expect(count).toBe(3);
    expect(m.syncs()).toBe(1);
  });

  it("has a test above for every operation it claims", () => {
    const tested = ["set_values", "set_formulas", "format_range", "clear_range", "add_sheet", "rename_sheet", "delete_sheet",
      "create_table", "add_chart", "freeze_panes", "set_column_width", "merge_cells", "insert_rows", "delete_rows",
      "insert_columns", "delete_columns", "define_name"];
    expect(Object.keys(inPlaceOperations).sort()).toEqual(tested.sort());
  });
});

describe("Excel fallback", () => {
  const all = requirementsFor({ ExcelApi: "1.17", File: "1.1" });

  it("sends operations outside the in-place set, charts with explicit series and missing API versions to the fallback", () => {
    expect(supportedInPlace({ op: "sort_range", range: "A1:B2", keys: [] })).toBe(false);
    expect(supportedInPlace({ op: "add_chart", anchor: "A1", kind: "line", series: [{}] })).toBe(false);
    expect(inPlaceBlockers([{ op: "set_values", range: "A1", values: [[1]] }], all)).toEqual([]);
    expect(inPlaceBlockers([{ op: "freeze_panes", top_left_cell: "B2" }], requirementsFor({ ExcelApi: "1.6" })))
      .toEqual(["freeze_panes needs ExcelApi 1.7"]);
    expect(inPlaceBlockers([{ op: "create_pivot_table" }], all)).toEqual(["create_pivot_table is not applied in place"]);
  });

  it("replaceWorkbook renames the old sheets away, inserts the result, then deletes the old ones", async () => {
    const m = mockExcel(["Data", "Report"]);
    const count = await replaceWorkbook("UEsDBA==", m.excel);
    expect(count).toBe(2);
    const names = m.calls.map((c) => c[0]);
    expect(names.indexOf("insertWorksheetsFromBase64")).toBeLessThan(names.indexOf("deleteSheet"));
    expect(m.calls).toContainEqual(["insertWorksheetsFromBase64", "UEsDBA==", { positionType: "End" }]);
    expect(m.calls.filter((c) => c[0] === "deleteSheet").map((c) => c[1])).toEqual(["~officina-old-1", "~officina-old-2"]);
  });

  it("ExcelHost.apply goes in place when it can, and fetches no result file", async () => {
    const m = mockExcel(["Data"]);
    const office = { context: { requirements: all, document: {} } } as unknown as typeof Office;
    const host = new ExcelHost(office, m.excel);
    const outcome = await host.apply([{ op: "set_values", range: "Data!A1", values: [[1]] }], () => { throw new Error("no download expected"); });
    expect(outcome.inPlace).toBe(true);
    expect(m.range("Data", "A1").values).toEqual([[1]]);
  });

  it("ExcelHost.apply falls back to inserting the result's sheets", async () => {
    const m = mockExcel(["Data"]);
    const office = { context: { requirements: all, document: {} } } as unknown as typeof Office;
    const outcome = await new ExcelHost(office, m.excel)
      .apply([{ op: "sort_range", range: "Data!A1:B9", keys: [] }], async () => new Blob([new Uint8Array([80, 75, 3, 4])]));
    expect(outcome.inPlace).toBe(false);
    expect(m.calls).toContainEqual(["insertWorksheetsFromBase64", "UEsDBA==", { positionType: "End" }]);
  });

  it("ExcelHost.apply says what this Excel cannot do when neither path is available", async () => {
    const m = mockExcel(["Data"]);
    const office = { context: { requirements: requirementsFor({ ExcelApi: "1.8" }), document: {} } } as unknown as typeof Office;
    const host = new ExcelHost(office, m.excel);
    await expect(host.apply([{ op: "sort_range", range: "A1:B2", keys: [] }], async () => new Blob()))
      .rejects.toThrow(/cannot replace sheets from a file \(ExcelApi 1.13\).*Download the result/);
    expect(host.limits().join(" ")).toMatch(/ExcelApi 1.13/);
  });
});
