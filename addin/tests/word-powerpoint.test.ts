// Word and PowerPoint round-trip paths against office-addin-mock objects.
import { describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { replaceDocument, WordHost } from "../src/hosts/word";
import { PowerPointHost, replaceSlides } from "../src/hosts/powerpoint";
import { detectHost } from "../src/hosts";
import { requirementsFor } from "./support/excel-mock";

function mockWord(mode: string) {
  const calls: unknown[][] = [];
  const word = new OfficeMockObject({
    context: {
      document: {
        changeTrackingMode: mode,
        body: { insertFileFromBase64: (b64: string, where: string) => calls.push(["insert", b64, where]) },
      },
      sync: async () => { calls.push(["sync"]); },
    },
    run: async function (this: any, cb: (c: unknown) => Promise<unknown>) { return cb(this.context); },
  }) as any;
  // Record every change of tracking mode in order, around the insert.
  let current = mode;
  Object.defineProperty(word.context.document, "changeTrackingMode", {
    get: () => current, set: (v: string) => { current = v; calls.push(["mode", v]); },
  });
  return { word: word as typeof Word, calls, mode: () => current };
}

describe("Word", () => {
  it("replaces the body with the result and keeps tracking on, switched off only during the insert", async () => {
    const m = mockWord("TrackAll");
    await replaceDocument("UEsDBA==", m.word, requirementsFor({ WordApi: "1.4" }));
    expect(m.calls.filter((c) => c[0] !== "sync")).toEqual([["mode", "Off"], ["insert", "UEsDBA==", "Replace"], ["mode", "TrackAll"]]);
    expect(m.mode()).toBe("TrackAll");
  });

  it("leaves tracking alone when it is off, and inserts without WordApi 1.4", async () => {
    const off = mockWord("Off");
    await replaceDocument("QQ==", off.word, requirementsFor({ WordApi: "1.4" }));
    expect(off.calls.filter((c) => c[0] === "mode")).toEqual([]);
    const old = mockWord("TrackAll");
    await replaceDocument("QQ==", old.word, requirementsFor({ WordApi: "1.1" }));
    expect(old.calls).toContainEqual(["insert", "QQ==", "Replace"]);
    expect(old.calls.filter((c) => c[0] === "mode")).toEqual([]);
  });

  it("WordHost applies and restores through insertFileFromBase64, and refuses without WordApi 1.1", async () => {
    const m = mockWord("Off");
    const office = { context: { host: "Word", requirements: requirementsFor({ WordApi: "1.4", File: "1.1" }), document: { url: "C:\\docs\\Memo.docx" } } } as unknown as typeof Office;
    const host = new WordHost(office, m.word);
    expect((await host.apply([], async () => new Blob([new Uint8Array([65])]))).message).toMatch(/tracked changes are kept/);
    expect(await host.restore(new Blob([new Uint8Array([66])]))).toMatch(/original/);
    expect(m.calls.filter((c) => c[0] === "insert").map((c) => c[1])).toEqual(["QQ==", "Qg=="]);
    expect(host.documentKey()).toBe("doc:C:\\docs\\Memo.docx");
    const old = new WordHost({ context: { requirements: requirementsFor({}), document: {} } } as unknown as typeof Office, m.word);
    await expect(old.apply([], async () => new Blob())).rejects.toThrow(/WordApi 1.1/);
    expect(old.limits().length).toBe(2);
  });
});

function mockPowerPoint(ids: string[]) {
  const calls: unknown[][] = [];
  const ppt = new OfficeMockObject({
    context: {
      presentation: {
        slides: {
          getItem: (id: string) => ({ delete: () => calls.push(["delete", id]) }),
          load: (what: string) => calls.push(["load", what]),
        },
        insertSlidesFromBase64: (b64: string, options: unknown) => calls.push(["insert", b64, options]),
      },
      sync: async () => { calls.push(["sync"]); },
    },
    run: async function (this: any, cb: (c: unknown) => Promise<unknown>) { return cb(this.context); },
  }) as any;
  ppt.context.presentation.slides.items = ids.map((id) => ({ id }));
  return { powerPoint: ppt as typeof PowerPoint, calls };
}

describe("PowerPoint", () => {
  it("inserts the result's slides after the last one, then deletes every slide that was there", async () => {
    const m = mockPowerPoint(["256#", "257#", "260#"]);
    expect(await replaceSlides("UEsDBA==", m.powerPoint)).toBe(3);
    const steps = m.calls.filter((c) => c[0] === "insert" || c[0] === "delete");
    expect(steps).toEqual([
      ["insert", "UEsDBA==", { formatting: "KeepSourceFormatting", targetSlideId: "260#" }],
      ["delete", "256#"], ["delete", "257#"], ["delete", "260#"],
    ]);
  });

  it("PowerPointHost needs PowerPointApi 1.2 and says so", async () => {
    const m = mockPowerPoint(["256#"]);
    const ok = new PowerPointHost({ context: { requirements: requirementsFor({ PowerPointApi: "1.5" }), document: {} } } as unknown as typeof Office, m.powerPoint);
    expect((await ok.apply([], async () => new Blob([new Uint8Array([1, 2])]))).message).toMatch(/removed the 1 slide/);
    const old = new PowerPointHost({ context: { requirements: requirementsFor({ PowerPointApi: "1.1" }), document: {} } } as unknown as typeof Office, m.powerPoint);
    await expect(old.restore(new Blob())).rejects.toThrow(/PowerPointApi 1.2/);
    expect(old.limits().join(" ")).toMatch(/cannot insert slides/);
  });
});

describe("host detection", () => {
  it("maps Office hosts to adapters and a plain browser to standalone", () => {
    const office = (host: string | null) => ({ context: { host } }) as unknown as typeof Office;
    expect(detectHost(office("Excel"))?.name).toBe("excel");
    expect(detectHost(office("Word"))?.name).toBe("word");
    expect(detectHost(office("PowerPoint"))?.name).toBe("powerpoint");
    expect(detectHost(office(null))).toBeNull();
    expect(detectHost(undefined)).toBeNull();
  });
});
