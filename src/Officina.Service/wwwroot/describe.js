// @ts-check
// Describes plan operations in plain words for a plan preview ("Write 4 values to Forecast!A1:B2").
// One source for both front ends: the service's web UI loads this file as it is (no build step), and the add-in
// imports it through addin/src/describe.ts, which Vite bundles. Plain JavaScript with JSDoc types, so that both can.

/** @typedef {{ op: string, [key: string]: unknown }} Operation */

/** @param {unknown} v */
const s = (v) => (v === undefined || v === null ? "" : String(v));
/** @param {number} n @param {string} one @param {string} [many] */
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** @param {unknown} values */
const flat = (values) => (Array.isArray(values) ? values.flatMap((row) => (Array.isArray(row) ? row : [row])) : []);
/** @param {unknown} sheet */
const onSheet = (sheet) => (sheet ? ` on ${s(sheet)}` : "");
/** A few values are worth reading in the preview ("Write “Checked”, “yes” to H1:H2"); more are counted. @param {unknown[]} values */
const shown = (values) => values.map((v) => (typeof v === "string" ? `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”` : s(v))).join(", ");
/** @param {unknown} values @param {string} one */
const written = (values, one) => {
  const all = flat(values);
  return all.length > 0 && all.length <= 3 ? shown(all) : plural(all.length, one);
};

/** @type {Record<string, (o: Operation) => string>} */
const describers = {
  set_values: (o) => `Write ${written(o.values, "value")} to ${s(o.range)}`,
  set_formulas: (o) => o.formula
    ? `Fill ${s(o.range)} with the formula ${s(o.formula)}`
    : `Write ${plural(flat(o.formulas).length, "formula")} to ${s(o.range)}`,
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
    ? o.keys.map((/** @type {{ column?: string, order?: string }} */ k) => `${s(k.column)} ${k.order === "desc" ? "descending" : "ascending"}`).join(", ")
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

/** The properties that name where an operation acts, most specific first. */
const targetKeys = ["range", "target", "cell", "sheet", "name", "slide", "shape", "paragraph", "paragraphs", "destination", "anchor"];

/**
 * Where an operation acts (a range, sheet, slide, paragraph), for showing beside its sentence; null when it names none.
 * @param {Operation} operation
 * @returns {string | null}
 */
export function operationTarget(operation) {
  const key = targetKeys.find((k) => operation[k] !== undefined && operation[k] !== null && operation[k] !== "");
  if (!key) return null;
  const value = operation[key];
  const text = Array.isArray(value) ? value.map(s).join(", ") : s(value);
  if (key === "slide") return `slide ${text}${operation.shape ? `, ${s(operation.shape)}` : ""}`;
  if (key === "paragraph" || key === "paragraphs") return `${Array.isArray(value) && value.length > 1 ? "paragraphs" : "paragraph"} ${text}`;
  return text;
}

/**
 * One sentence for an operation; unknown operations read as their name and main target.
 * @param {Operation} operation
 * @returns {string}
 */
export function describeOperation(operation) {
  const known = describers[operation.op];
  if (known) return known(operation);
  const name = s(operation.op).replace(/_/g, " ");
  const target = operationTarget(operation);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${target ? ` (${target})` : ""}`;
}
