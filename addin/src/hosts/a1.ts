// A1 references as plans write them: "'My Sheet'!A1:B2", "Data!C3", "B:D", "3:5".

export interface SheetRef { sheet: string | null; address: string }

/** Splits "'It''s'!A1:B2" into the sheet name (quotes removed) and the address. */
export function splitRef(ref: string): SheetRef {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref.trim() };
  let sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1).trim().replace(/\$/g, "") };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Cell { column: number; row: number }

export function parseCell(address: string): Cell {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(address.replace(/\$/g, ""));
  if (!m) throw new Error(`Not a cell reference: ${address}`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

export const formatCell = (c: Cell) => `${columnLetters(c.column)}${c.row}`;

/** Rows and columns of a cell-to-cell address ("B2:D4" → 3×3), or null for whole rows/columns. */
export function dimensions(address: string): { rows: number; columns: number } | null {
  const [a, b = a] = address.split(":");
  try {
    const from = parseCell(a), to = parseCell(b);
    return { rows: Math.abs(to.row - from.row) + 1, columns: Math.abs(to.column - from.column) + 1 };
  } catch {
    return null;
  }
}

/** The address of a block of `rows`×`columns` cells whose top-left is the first cell of `address`. */
export function resizeFrom(address: string, rows: number, columns: number): string {
  const start = parseCell(address.split(":")[0]);
  const end = { column: start.column + Math.max(columns, 1) - 1, row: start.row + Math.max(rows, 1) - 1 };
  return rows <= 1 && columns <= 1 ? formatCell(start) : `${formatCell(start)}:${formatCell(end)}`;
}

/** A reference with its sheet quoted the way Excel accepts it. */
export function qualify(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

const maxColumn = 16384, maxRow = 1048576;
const cellPart = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/, columnPart = /^\$?([A-Za-z]{1,3})$/, rowPart = /^\$?(\d{1,7})$/;

/**
 * A finding's location read as a range on a named sheet — "Budget!B3", "'My Sheet'!A1:B2",
 * "'It''s'!C:D", "Data!3:5" — or null for anything else ("workbook", "paragraph 4", "slide 2",
 * a bare "B3", a sheet name Excel would have to quote but isn't, or cells past XFD1048576).
 */
export function parseSheetRange(location: string): { sheet: string; address: string } | null {
  const text = location.trim();
  let sheet: string, rest: string;
  if (text.startsWith("'")) {
    let i = 1, name = "";
    for (;;) {
      const quote = text.indexOf("'", i);
      if (quote < 0) return null;
      name += text.slice(i, quote);
      if (text[quote + 1] === "'") { name += "'"; i = quote + 2; continue; }
      rest = text.slice(quote + 1);
      break;
    }
    sheet = name;
  } else {
    const bang = text.indexOf("!");
    if (bang < 0) return null;
    sheet = text.slice(0, bang);
    rest = text.slice(bang);
    if (!/^[\p{L}\p{N}_.]+$/u.test(sheet)) return null; // Excel quotes names with spaces or symbols
  }
  if (!sheet || sheet.length > 31 || /[\\/?*[\]:]/.test(sheet) || !rest.startsWith("!")) return null;
  const address = rangeAddress(rest.slice(1));
  return address ? { sheet, address } : null;
}

/** "B3", "A1:B2", "C:D" or "3:5" without "$" and in capitals, or null when it is not one of those. */
function rangeAddress(text: string): string | null {
  const [from, to = from, extra] = text.split(":");
  if (extra !== undefined || !from) return null;
  const both = (re: RegExp) => [re.exec(from), re.exec(to)];
  const [c1, c2] = both(cellPart);
  if (c1 && c2) {
    const cells = [c1, c2].map((m) => ({ column: columnNumber(m[1]), row: Number(m[2]) }));
    if (cells.some((c) => c.column > maxColumn || c.row < 1 || c.row > maxRow)) return null;
    return cells[0].column === cells[1].column && cells[0].row === cells[1].row
      ? formatCell(cells[0]) : `${formatCell(cells[0])}:${formatCell(cells[1])}`;
  }
  if (!text.includes(":")) return null; // a lone column or row is not a range
  const [k1, k2] = both(columnPart);
  if (k1 && k2) {
    const columns = [k1, k2].map((m) => columnNumber(m[1]));
    return columns.every((n) => n <= maxColumn) ? columns.map(columnLetters).join(":") : null;
  }
  const [r1, r2] = both(rowPart);
  if (r1 && r2) {
    const rows = [r1, r2].map((m) => Number(m[1]));
    return rows.every((n) => n >= 1 && n <= maxRow) ? rows.join(":") : null;
  }
  return null;
}
