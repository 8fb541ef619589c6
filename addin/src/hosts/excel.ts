// Excel: approved operations go in place through the Excel JavaScript API in one batch;
// plans with other operations replace the workbook's sheets with the service's result.
import type { Operation } from "../api";
import { blobToBase64, readDocument } from "../office/file";
import { parseSheetRange, qualify } from "./a1";
import { inPlaceOperations, readOnlyOperations, supportedInPlace } from "./excel-operations";
import {
  documentUrlKey, fileNameFromUrl, requirements, type ApplyOutcome, type HostAdapter, type Requirements,
} from "./host";

/** Which operations of a plan must leave the in-place path, and why (empty when all fit). */
export function inPlaceBlockers(operations: Operation[], req: Requirements): string[] {
  const blockers: string[] = [];
  for (const o of operations) {
    if (!supportedInPlace(o)) blockers.push(`${o.op} is not applied in place`);
    else if (!readOnlyOperations.has(o.op) && !req.isSetSupported("ExcelApi", inPlaceOperations[o.op].requires))
      blockers.push(`${o.op} needs ExcelApi ${inPlaceOperations[o.op].requires}`);
  }
  return blockers;
}

/** Queues every operation on one context and syncs once. Returns how many changed the workbook. */
export async function applyInPlace(operations: Operation[], excel: typeof Excel = Excel): Promise<number> {
  const writes = operations.filter((o) => !readOnlyOperations.has(o.op));
  await excel.run(async (context) => {
    for (const o of writes) inPlaceOperations[o.op].apply(context, o);
    await context.sync();
  });
  return writes.length;
}

/**
 * Replaces every worksheet with those of `base64` (an xlsx): the old sheets are renamed out of
 * the way so the inserted ones keep their names, then deleted once the new ones are in.
 */
export async function replaceWorkbook(base64: string, excel: typeof Excel = Excel): Promise<number> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const old = [...sheets.items];
    old.forEach((sheet, i) => { sheet.name = `~officina-old-${i + 1}`; });
    const inserted = context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
    await context.sync();
    old.forEach((sheet) => sheet.delete());
    await context.sync();
    return inserted.value?.length ?? 0;
  });
}

/** Activates `sheet` and selects `address` on it, as if the user had clicked there. */
export async function selectRange(sheet: string, address: string, excel: typeof Excel = Excel): Promise<void> {
  try {
    await excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot select ${qualify(sheet, address)} in this workbook (was the sheet renamed or deleted?): ${why}`);
  }
}

export class ExcelHost implements HostAdapter {
  readonly name = "excel" as const;
  readonly label = "Excel";

  constructor(
    private readonly office: typeof Office = globalThis.Office,
    private readonly excel: typeof Excel = globalThis.Excel,
  ) {}

  documentKey() { return documentUrlKey(this.office, "excel"); }

  async readDocument() {
    const bytes = await readDocument(this.office).catch(() => null);
    return bytes && { bytes, fileName: fileNameFromUrl(this.office.context.document?.url, "workbook.xlsx") };
  }

  async readSelection(): Promise<File | null> {
    return this.excel.run(async (context) => {
      let range = context.workbook.getSelectedRange();
      range.load("address,values,cellCount");
      await context.sync();
      if (range.cellCount <= 1) {
        range = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
        range.load("address,values,cellCount");
        await context.sync();
      }
      const csv = range.values.map((row) => row.map(csvField).join(",")).join("\r\n");
      return new File([csv], `${range.address.replace(/[^\w!:-]+/g, "_")}.csv`, { type: "text/csv" });
    });
  }

  async apply(operations: Operation[], result: () => Promise<Blob>): Promise<ApplyOutcome> {
    const req = requirements(this.office);
    const blockers = inPlaceBlockers(operations, req);
    if (blockers.length === 0) {
      const n = await applyInPlace(operations, this.excel);
      return { inPlace: true, message: `Applied ${n} change(s) in place in this workbook.` };
    }
    if (!req.isSetSupported("ExcelApi", "1.13"))
      throw new Error(`This version of Excel cannot replace sheets from a file (ExcelApi 1.13) and ${blockers[0]}. Download the result instead.`);
    const count = await replaceWorkbook(await blobToBase64(await result()), this.excel);
    return { inPlace: false, message: `Replaced the workbook's sheets with the result (${count} sheet(s); ${blockers[0]}).` };
  }

  async restore(original: Blob) {
    if (!requirements(this.office).isSetSupported("ExcelApi", "1.13"))
      throw new Error("This version of Excel cannot put sheets back from a file (ExcelApi 1.13). Download the original instead.");
    await replaceWorkbook(await blobToBase64(original), this.excel);
    return "Put the original sheets back.";
  }

  locate(location: string) {
    const range = parseSheetRange(location);
    return range && (() => selectRange(range.sheet, range.address, this.excel));
  }

  limits() {
    const req = requirements(this.office);
    const out: string[] = [];
    if (!req.isSetSupported("File", "1.1")) out.push("This Excel cannot send the whole workbook; only the selection (or used range) is shared as CSV.");
    if (!req.isSetSupported("ExcelApi", "1.13")) out.push("This Excel cannot replace sheets from a file (ExcelApi 1.13): plans outside the in-place set can only be downloaded.");
    if (!req.isSetSupported("ExcelApi", "1.9")) out.push("This Excel lacks ExcelApi 1.9: formulas and formats are not applied in place.");
    return out;
  }
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
