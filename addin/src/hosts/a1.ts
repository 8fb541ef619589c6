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
