// The Office.js round trip: the document read as compressed 4 MB slices, joined, and base64.
import { describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { blobToBase64, concat, fromBase64, readDocument, sliceSize, toBase64 } from "../src/office/file";

function mockOffice(slices: number[][], supported = true) {
  const calls: unknown[][] = [];
  const file = {
    sliceCount: slices.length,
    getSliceAsync: (i: number, cb: (r: unknown) => void) => { calls.push(["slice", i]); cb({ status: "succeeded", value: { data: slices[i] } }); },
    closeAsync: () => calls.push(["close"]),
  };
  const office = new OfficeMockObject({
    context: {
      requirements: { isSetSupported: (name: string) => supported && name === "File" },
      document: {
        getFileAsync: (type: string, options: { sliceSize: number }, cb: (r: unknown) => void) => {
          calls.push(["getFile", type, options.sliceSize]);
          cb({ status: "succeeded", value: file });
        },
      },
    },
  }) as any;
  office.FileType = { Compressed: "compressed" }; // an enum: plain, not a loadable property
  return { office: office as typeof Office, calls };
}

describe("reading the document", () => {
  it("asks for the compressed file in 4 MB slices, joins them in order and closes the file", async () => {
    const m = mockOffice([[80, 75], [3, 4], [20]]);
    const bytes = await readDocument(m.office);
    expect(Array.from(bytes!)).toEqual([80, 75, 3, 4, 20]);
    expect(m.calls).toEqual([["getFile", "compressed", 4194304], ["slice", 0], ["slice", 1], ["slice", 2], ["close"]]);
    expect(sliceSize).toBe(4 * 1024 * 1024);
  });

  it("returns null when the host cannot hand out the file", async () => {
    expect(await readDocument(mockOffice([[1]], false).office)).toBeNull();
    expect(await readDocument({ context: {} } as unknown as typeof Office)).toBeNull();
  });

  it("reports an Office failure and still closes the file", async () => {
    const calls: string[] = [];
    const office = {
      FileType: { Compressed: "compressed" },
      context: {
        document: {
          getFileAsync: (_t: unknown, _o: unknown, cb: (r: unknown) => void) => cb({ status: "succeeded", value: {
            sliceCount: 1,
            getSliceAsync: (_i: number, done: (r: unknown) => void) => done({ status: "failed", error: { message: "Slice lost" } }),
            closeAsync: () => calls.push("close"),
          } }),
        },
      },
    } as unknown as typeof Office;
    await expect(readDocument(office)).rejects.toThrow("Slice lost");
    expect(calls).toEqual(["close"]);
  });
});

describe("base64", () => {
  it("round-trips bytes, including large ones, and matches Node's encoder", async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString("base64"));
    expect(Array.from(fromBase64(toBase64(big)))).toEqual(Array.from(big));
    expect(await blobToBase64(new Blob([new Uint8Array([80, 75, 3, 4])]))).toBe("UEsDBA==");
    expect(Array.from(concat([new Uint8Array([1]), new Uint8Array([]), new Uint8Array([2, 3])]))).toEqual([1, 2, 3]);
  });
});
