// PowerPoint: the result's slides are inserted after the current ones with
// insertSlidesFromBase64, then the slides that were there before are deleted.
import type { Operation } from "../api";
import { blobToBase64, readDocument } from "../office/file";
import { documentUrlKey, fileNameFromUrl, requirements, type HostAdapter } from "./host";

export async function replaceSlides(base64: string, powerPoint: typeof PowerPoint = PowerPoint): Promise<number> {
  return powerPoint.run(async (context) => {
    const slides = context.presentation.slides;
    slides.load("items/id");
    await context.sync();
    const old = slides.items.map((s) => s.id);
    const options: PowerPoint.InsertSlideOptions = { formatting: "KeepSourceFormatting" };
    if (old.length) options.targetSlideId = old[old.length - 1];
    context.presentation.insertSlidesFromBase64(base64, options);
    await context.sync();
    for (const id of old) slides.getItem(id).delete();
    await context.sync();
    return old.length;
  });
}

export class PowerPointHost implements HostAdapter {
  readonly name = "powerpoint" as const;
  readonly label = "PowerPoint";

  constructor(
    private readonly office: typeof Office = globalThis.Office,
    private readonly powerPoint: typeof PowerPoint = globalThis.PowerPoint,
  ) {}

  documentKey() { return documentUrlKey(this.office, "powerpoint"); }

  async readDocument() {
    const bytes = await readDocument(this.office).catch(() => null);
    return bytes && { bytes, fileName: fileNameFromUrl(this.office.context.document?.url, "presentation.pptx") };
  }

  async readSelection(): Promise<File | null> {
    return null;
  }

  async apply(_operations: Operation[], result: () => Promise<Blob>) {
    this.assertCanInsert();
    const replaced = await replaceSlides(await blobToBase64(await result()), this.powerPoint);
    return { inPlace: false, message: `Inserted the result's slides and removed the ${replaced} slide(s) they replace.` };
  }

  async restore(original: Blob) {
    this.assertCanInsert();
    await replaceSlides(await blobToBase64(original), this.powerPoint);
    return "Put the original slides back.";
  }

  private assertCanInsert() {
    if (!requirements(this.office).isSetSupported("PowerPointApi", "1.2"))
      throw new Error("This version of PowerPoint cannot insert slides from a file (PowerPointApi 1.2). Download the result instead.");
  }

  limits() {
    const req = requirements(this.office);
    const out: string[] = [];
    if (!req.isSetSupported("File", "1.1")) out.push("This PowerPoint cannot send the whole presentation, and it has no selection to send instead.");
    if (!req.isSetSupported("PowerPointApi", "1.2")) out.push("This PowerPoint cannot insert slides from a file (PowerPointApi 1.2): results can only be downloaded.");
    return out;
  }
}
