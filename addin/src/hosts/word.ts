// Word: the service's result replaces the body with insertFileFromBase64(…, "Replace").
// Change tracking is switched off during the insert and restored after, so the revisions
// the service wrote stay as they are instead of the whole swap being tracked as one edit.
import type { Operation } from "../api";
import { blobToBase64, readDocument } from "../office/file";
import { documentUrlKey, fileNameFromUrl, requirements, type HostAdapter } from "./host";

export async function replaceDocument(base64: string, word: typeof Word = Word, req = requirements()): Promise<void> {
  await word.run(async (context) => {
    const document = context.document;
    let mode: Word.ChangeTrackingMode | string | null = null;
    if (req.isSetSupported("WordApi", "1.4")) {
      document.load("changeTrackingMode");
      await context.sync();
      mode = document.changeTrackingMode;
      if (mode !== "Off") document.changeTrackingMode = "Off" as Word.ChangeTrackingMode;
    }
    document.body.insertFileFromBase64(base64, "Replace");
    if (mode && mode !== "Off") document.changeTrackingMode = mode as Word.ChangeTrackingMode;
    await context.sync();
  });
}

export class WordHost implements HostAdapter {
  readonly name = "word" as const;
  readonly label = "Word";

  constructor(private readonly office: typeof Office = globalThis.Office, private readonly word: typeof Word = globalThis.Word) {}

  documentKey() { return documentUrlKey(this.office, "word"); }

  async readDocument() {
    const bytes = await readDocument(this.office).catch(() => null);
    return bytes && { bytes, fileName: fileNameFromUrl(this.office.context.document?.url, "document.docx") };
  }

  async readSelection(): Promise<File | null> {
    return this.word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.load("text");
      await context.sync();
      let text = selection.text;
      if (!text.trim()) {
        const body = context.document.body;
        body.load("text");
        await context.sync();
        text = body.text;
      }
      return new File([text], "selection.txt", { type: "text/plain" });
    });
  }

  async apply(_operations: Operation[], result: () => Promise<Blob>) {
    this.assertCanInsert();
    await replaceDocument(await blobToBase64(await result()), this.word, requirements(this.office));
    return { inPlace: false, message: "Replaced the document's content with the result; its tracked changes are kept." };
  }

  async restore(original: Blob) {
    this.assertCanInsert();
    await replaceDocument(await blobToBase64(original), this.word, requirements(this.office));
    return "Put the original document back.";
  }

  private assertCanInsert() {
    if (!requirements(this.office).isSetSupported("WordApi", "1.1"))
      throw new Error("This version of Word cannot insert a file (WordApi 1.1). Download the result instead.");
  }

  limits() {
    const req = requirements(this.office);
    const out: string[] = [];
    if (!req.isSetSupported("File", "1.1")) out.push("This Word cannot send the whole document; only the selected text is shared.");
    if (!req.isSetSupported("WordApi", "1.4")) out.push("This Word cannot report change tracking (WordApi 1.4); the result is inserted as it is.");
    return out;
  }
}
