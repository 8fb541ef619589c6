// The plan operations the task pane applies inside Excel itself, through the Excel
// JavaScript API, each queued on one request context so a whole plan is one context.sync.
import type { Operation } from "../api";
import { dimensions, parseCell, formatCell, resizeFrom, splitRef } from "./a1";

type Ctx = Excel.RequestContext;
type Apply = (ctx: Ctx, o: Operation) => void;

/** An in-place applier and the ExcelApi requirement set it needs. */
export interface InPlaceOperation { requires: string; apply: Apply }

const str = (v: unknown) => (v === undefined || v === null ? null : String(v));

export function sheetOf(ctx: Ctx, sheet: string | null): Excel.Worksheet {
  return sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
}

export function rangeOf(ctx: Ctx, ref: string): Excel.Range {
  const { sheet, address } = splitRef(ref);
  return sheetOf(ctx, sheet).getRange(address);
}

/** Plan values to Excel input: null clears, text starting with "=" stays text. */
const cellInput = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("=") ? `'${v}` : v);

const pascal = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

function setValues(ctx: Ctx, o: Operation) {
  const values = (o.values as unknown[][]).map((row) => row.map(cellInput));
  const { sheet, address } = splitRef(String(o.range));
  const width = Math.max(...values.map((r) => r.length));
  const grid = values.map((r) => [...r, ...Array(width - r.length).fill("")]);
  sheetOf(ctx, sheet).getRange(resizeFrom(address, grid.length, width)).values = grid as never;
}

function setFormulas(ctx: Ctx, o: Operation) {
  const { sheet, address } = splitRef(String(o.range));
  const ws = sheetOf(ctx, sheet);
  if (o.formulas) {
    ws.getRange(address).formulas = o.formulas as never;
    return;
  }
  // One formula written for the top-left cell, filled like Excel: put it there, then copy
  // it over the range so relative references shift as a paste would shift them.
  const topLeft = address.split(":")[0];
  ws.getRange(topLeft).formulas = [[String(o.formula)]] as never;
  if (topLeft !== address) ws.getRange(address).copyFrom(ws.getRange(topLeft), "Formulas");
}

const borderEdges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const insideEdges = ["InsideVertical", "InsideHorizontal"] as const;

function formatRange(ctx: Ctx, o: Operation) {
  const range = rangeOf(ctx, String(o.range));
  const f = range.format;
  if (o.number_format != null) {
    const dims = dimensions(splitRef(String(o.range)).address);
    range.numberFormat = (dims
      ? Array.from({ length: dims.rows }, () => Array(dims.columns).fill(o.number_format))
      : o.number_format) as never;
  }
  if (o.bold != null) f.font.bold = Boolean(o.bold);
  if (o.italic != null) f.font.italic = Boolean(o.italic);
  if (o.underline != null) f.font.underline = o.underline ? "Single" : "None";
  if (o.font_color != null) f.font.color = `#${String(o.font_color).replace(/^#/, "")}`;
  if (o.font_size != null) f.font.size = Number(o.font_size);
  if (o.font_name != null) f.font.name = String(o.font_name);
  if (o.fill_color != null) {
    if (String(o.fill_color).toLowerCase() === "none") f.fill.clear();
    else f.fill.color = `#${String(o.fill_color).replace(/^#/, "")}`;
  }
  if (o.horizontal_alignment != null) f.horizontalAlignment = pascal(String(o.horizontal_alignment)) as never;
  if (o.vertical_alignment != null) f.verticalAlignment = pascal(String(o.vertical_alignment)) as never;
  if (o.wrap_text != null) f.wrapText = Boolean(o.wrap_text);
  if (o.indent != null) f.indentLevel = Number(o.indent);
  if (o.border != null) {
    const line = String(o.border);
    const edges = line === "outline" ? borderEdges : [...borderEdges, ...insideEdges];
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      if (line === "none") { border.style = "None"; continue; }
      border.style = "Continuous";
      border.weight = line === "outline" ? "Thin" : (pascal(line) as Excel.BorderWeight);
      if (o.border_color != null) border.color = `#${String(o.border_color).replace(/^#/, "")}`;
    }
  }
}

const chartTypes: Record<string, [string, string]> = {
  column: ["ColumnClustered", "ColumnStacked"], bar: ["BarClustered", "BarStacked"],
  line: ["Line", "LineStacked"], pie: ["Pie", "Pie"], scatter: ["XYScatter", "XYScatter"],
  area: ["Area", "AreaStacked"],
};

function addChart(ctx: Ctx, o: Operation) {
  const data = splitRef(String(o.data));
  const anchor = splitRef(String(o.anchor));
  const ws = sheetOf(ctx, anchor.sheet ?? data.sheet);
  const [kind, stacked] = chartTypes[String(o.kind)];
  const chart = ws.charts.add((o.stacked ? stacked : kind) as never, sheetOf(ctx, data.sheet).getRange(data.address),
    o.series_in === "rows" ? "Rows" : "Columns");
  const [start, end] = anchor.address.split(":");
  const first = parseCell(start);
  const last = end ?? formatCell({
    column: first.column + Number(o.columns ?? 8) - 1, row: first.row + Number(o.rows ?? 15) - 1,
  });
  chart.setPosition(start, last);
  if (o.width != null) chart.width = Number(o.width);
  if (o.height != null) chart.height = Number(o.height);
  if (o.title != null) chart.title.text = String(o.title);
  if (o.x_axis_title != null) chart.axes.categoryAxis.title.text = String(o.x_axis_title);
  if (o.y_axis_title != null) chart.axes.valueAxis.title.text = String(o.y_axis_title);
  if (o.legend === "none") chart.legend.visible = false;
  else if (o.legend != null) { chart.legend.visible = true; chart.legend.position = pascal(String(o.legend)) as never; }
}

function freezePanes(ctx: Ctx, o: Operation) {
  const panes = sheetOf(ctx, str(o.sheet)).freezePanes;
  const { row, column } = parseCell(String(o.top_left_cell));
  if (row === 1 && column === 1) panes.unfreeze();
  else if (column === 1) panes.freezeRows(row - 1);
  else if (row === 1) panes.freezeColumns(column - 1);
  else panes.freezeAt(`A1:${formatCell({ column: column - 1, row: row - 1 })}`);
}

function setColumnWidth(ctx: Ctx, o: Operation) {
  const cols = String(o.columns);
  const range = sheetOf(ctx, str(o.sheet)).getRange(cols.includes(":") ? cols : `${cols}:${cols}`);
  // Widths are in characters of the default font (7 px each at Calibri 11); Excel JS takes points.
  if (o.auto) range.format.autofitColumns();
  else range.format.columnWidth = Number(o.width) * 7 * 0.75;
}

function rowsOrColumns(o: Operation, kind: "rows" | "columns"): string {
  const count = Number(o.count);
  if (kind === "rows") return `${o.row}:${Number(o.row) + count - 1}`;
  const first = parseCell(`${o.column}1`).column;
  return `${o.column}:${formatCell({ column: first + count - 1, row: 1 }).replace(/\d+$/, "")}`;
}

/** Operations applied in place, by name. Anything else goes through the whole-file fallback. */
export const inPlaceOperations: Record<string, InPlaceOperation> = {
  set_values: { requires: "1.1", apply: setValues },
  set_formulas: { requires: "1.9", apply: setFormulas },
  format_range: { requires: "1.9", apply: formatRange },
  clear_range: {
    requires: "1.1",
    apply: (ctx, o) => rangeOf(ctx, String(o.range)).clear(pascal(String(o.what ?? "contents")) as never),
  },
  add_sheet: {
    requires: "1.1",
    apply: (ctx, o) => {
      const ws = ctx.workbook.worksheets.add(String(o.name));
      if (o.position != null) ws.position = Number(o.position) - 1;
    },
  },
  rename_sheet: { requires: "1.1", apply: (ctx, o) => { ctx.workbook.worksheets.getItem(String(o.from)).name = String(o.to); } },
  delete_sheet: { requires: "1.1", apply: (ctx, o) => ctx.workbook.worksheets.getItem(String(o.name)).delete() },
  create_table: {
    requires: "1.3",
    apply: (ctx, o) => {
      const { sheet, address } = splitRef(String(o.range));
      const table = sheetOf(ctx, sheet).tables.add(address, true);
      table.name = String(o.name);
      table.style = String(o.style ?? "TableStyleMedium2");
      if (o.show_totals) table.showTotals = true;
    },
  },
  add_chart: { requires: "1.7", apply: addChart },
  freeze_panes: { requires: "1.7", apply: freezePanes },
  set_column_width: { requires: "1.2", apply: setColumnWidth },
  merge_cells: {
    requires: "1.2",
    apply: (ctx, o) => { const r = rangeOf(ctx, String(o.range)); if (o.unmerge) r.unmerge(); else r.merge(false); },
  },
  insert_rows: { requires: "1.1", apply: (ctx, o) => { sheetOf(ctx, str(o.sheet)).getRange(rowsOrColumns(o, "rows")).insert("Down"); } },
  delete_rows: { requires: "1.1", apply: (ctx, o) => sheetOf(ctx, str(o.sheet)).getRange(rowsOrColumns(o, "rows")).delete("Up") },
  insert_columns: { requires: "1.1", apply: (ctx, o) => { sheetOf(ctx, str(o.sheet)).getRange(rowsOrColumns(o, "columns")).insert("Right"); } },
  delete_columns: { requires: "1.1", apply: (ctx, o) => sheetOf(ctx, str(o.sheet)).getRange(rowsOrColumns(o, "columns")).delete("Left") },
  define_name: {
    requires: "1.4",
    apply: (ctx, o) => {
      const names = o.scope ? ctx.workbook.worksheets.getItem(String(o.scope)).names : ctx.workbook.names;
      names.add(String(o.name), String(o.refers_to), o.comment == null ? undefined : String(o.comment));
    },
  },
};

/** Operations that only read; they change nothing, so they need no applying in the host. */
export const readOnlyOperations: ReadonlySet<string> = new Set(["read_range", "list_sheets", "find_cells"]);

/** Whether an operation can go in place, judged on its arguments too (charts need a data block). */
export function supportedInPlace(o: Operation): boolean {
  if (readOnlyOperations.has(o.op)) return true;
  if (!(o.op in inPlaceOperations)) return false;
  if (o.op === "add_chart") return o.data != null && o.series == null && String(o.kind) in chartTypes;
  if (o.op === "define_name") return !o.replace;
  return true;
}
