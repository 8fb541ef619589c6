// Reads the open document through Office.js: the whole file as compressed bytes in 4 MB
// slices (Office.context.document.getFileAsync), and base64 for the insert* APIs.

export const sliceSize = 4 * 1024 * 1024;

function promisify<T>(call: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((r) => ((r.status as unknown) === "succeeded" // Office.AsyncResultStatus.Succeeded
      ? resolve(r.value)
      : reject(new Error(r.error?.message ?? "Office call failed")))),
  );
}

/** The open document's bytes, or null when this host cannot hand out the whole file. */
export async function readDocument(office: typeof Office = Office): Promise<Uint8Array | null> {
  const document = office.context?.document;
  if (!document?.getFileAsync) return null;
  if (office.context.requirements && !office.context.requirements.isSetSupported("File", "1.1")) return null;
  const file = await promisify<Office.File>((cb) =>
    document.getFileAsync(office.FileType.Compressed, { sliceSize }, cb));
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await promisify<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      parts.push(toBytes(slice.data));
    }
    return concat(parts);
  } finally {
    file.closeAsync();
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  throw new Error("Office returned a file slice in an unknown form");
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}
