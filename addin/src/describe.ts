// Describes plan operations in plain words for the preview ("Write 4 values to Forecast!A1:B2").
import type { Operation } from "./api";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const cells = (values: unknown) =>
  Array.isArray(values) ? values.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0) : 0;
const onSheet = (sheet: unknown) => (sheet ? ` on ${s(sheet)}` : "");

const describers: Record<string, (o: Operation) => string> = {
  set_values: (o) => `Write ${plural(cells(o.values), "value")} to ${s(o.range)}`,
  set_formulas: (o) => o.formula
    ? `Fill ${s(o.range)} with the formula ${s(o.formula)}`
    : `Write ${plural(cells(o.formulas), "formula")} to ${s(o.range)}`,
  format_range: (o) => {
    const parts = Object.keys(o).filter((k) => k !== "op" && k !== "range" && o[k] !== null && o[k] !== undefined)
      .map((k) => k.replace(/_/g, " "));
    return `Format ${s(o.range)}${parts.length ? ` (${parts.join(", ")})` : ""}`;
  },
  clear_range: (o) => `Clear ${o.what ? s(o.what) : "contents"} of ${s(o.range)}`,
  add_sheet: (o) => `Add a sheet named “${s(o.name)}”`,
  rename_sheet: (o) => `Rename sheet “${s(o.from)}” to “${s(o.to)}”`,
  delete_sheet: (o) => `Delete the sheet “${s(o.name)}”`,
  create_table: (o) => `Make ${s(o.range)} a table named ${s(o.name)}${o.show_totals ? " with a totals row" : ""}`,
  add_chart: (o) => `Add a ${s(o.kind) || "column"} chart${o.title ? ` “${s(o.title)}”` : ""} of ${s(o.data) || "the given series"} at ${s(o.anchor)}`,
  freeze_panes: (o) => s(o.top_left_cell).toUpperCase() === "A1"
    ? `Unfreeze panes${onSheet(o.sheet)}`
    : `Freeze rows and columns above and left of ${s(o.top_left_cell)}${onSheet(o.sheet)}`,
  set_column_width: (o) => o.auto
    ? `Fit the width of column ${s(o.columns)}${onSheet(o.sheet)} to its contents`
    : `Set the width of column ${s(o.columns)}${onSheet(o.sheet)} to ${s(o.width)} characters`,
  merge_cells: (o) => `${o.unmerge ? "Unmerge" : "Merge"} ${s(o.range)}`,
  insert_rows: (o) => `Insert ${plural(Number(o.count), "row")} at row ${s(o.row)} on ${s(o.sheet)}`,
  delete_rows: (o) => `Delete ${plural(Number(o.count), "row")} from row ${s(o.row)} on ${s(o.sheet)}`,
  insert_columns: (o) => `Insert ${plural(Number(o.count), "column")} at column ${s(o.column)} on ${s(o.sheet)}`,
  delete_columns: (o) => `Delete ${plural(Number(o.count), "column")} from column ${s(o.column)} on ${s(o.sheet)}`,
  sort_range: (o) => `Sort ${s(o.range)} by ${Array.isArray(o.keys)
    ? o.keys.map((k: { column?: string; order?: string }) => `${s(k.column)} ${k.order === "desc" ? "descending" : "ascending"}`).join(", ")
    : "its first column"}`,
  copy_range: (o) => `Copy ${s(o.source)} to ${s(o.destination)}`,
  define_name: (o) => `Define the name ${s(o.name)} as ${s(o.refers_to)}`,
  add_comment: (o) => `Add a note to ${s(o.cell)}: “${s(o.text)}”`,
  add_conditional_format: (o) => `Highlight cells in ${s(o.range)} (${s(o.rule).replace(/_/g, " ")})`,
  add_data_validation: (o) => `Restrict input in ${s(o.range)} to ${s(o.type).replace(/_/g, " ")}`,
  create_pivot_table: (o) => `Summarise ${s(o.source)} in a pivot table at ${s(o.destination)}`,
  remove_rows_where: (o) => `Remove rows of ${s(o.range)} where ${s(o.column)} ${s(o.operator).replace(/_/g, " ")} ${s(o.value)}`.trim(),
  import_csv: (o) => `Import ${s(o.source)} into ${s(o.destination)}`,
};

/** One sentence for an operation; unknown operations read as their name and main target. */
export function describeOperation(operation: Operation): string {
  const known = describers[operation.op];
  if (known) return known(operation);
  const name = operation.op.replace(/_/g, " ");
  const target = ["range", "target", "cell", "sheet", "name", "slide", "paragraph"].map((k) => operation[k]).find((v) => v);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${target ? ` (${s(target)})` : ""}`;
}
