// What the task pane needs from the Office application it runs in.
import type { HostName, Operation } from "../api";

/** A document read from the host, ready to upload. */
export interface DocumentFile { bytes: Uint8Array; fileName: string }

export interface ApplyOutcome { message: string; inPlace: boolean }

export interface HostAdapter {
  readonly name: HostName;
  readonly label: string;
  /** Key under which this document's request history is kept. */
  documentKey(): string;
  /** The whole document, or null when this host or version cannot hand it out. */
  readDocument(): Promise<DocumentFile | null>;
  /** When the whole file is unavailable: the selection or used range as a source file. */
  readSelection(): Promise<File | null>;
  /** Applies a finished job to the open document: the approved operations, or the result file. */
  apply(operations: Operation[], result: () => Promise<Blob>): Promise<ApplyOutcome>;
  /** Puts the original document back (undo). */
  restore(original: Blob): Promise<string>;
  /** Plain sentences on what this host or version cannot do, shown in the pane. */
  limits(): string[];
  /**
   * For a finding's location the user can jump to (Excel: a range on a sheet), the action that
   * shows it in the open document; null, or no method at all, when the location is text only.
   */
  locate?(location: string): (() => Promise<void>) | null;
}

/** The part of Office.context.requirements the pane uses. */
export interface Requirements { isSetSupported(name: string, minVersion?: string): boolean }

export function requirements(office: typeof Office = globalThis.Office): Requirements {
  const req = office?.context?.requirements;
  return req ? { isSetSupported: (name, v) => req.isSetSupported(name, v) } : { isSetSupported: () => false };
}

export function documentUrlKey(office: typeof Office, fallback: string): string {
  const url = office?.context?.document?.url;
  return url ? `doc:${url}` : `untitled:${fallback}`;
}

export function fileNameFromUrl(url: string | undefined, fallback: string): string {
  const last = (url ?? "").split(/[\\/]/).pop() ?? "";
  return /\.\w{3,4}$/.test(last) ? decodeURIComponent(last) : fallback;
}
