// Checks manifest.xml offline: schema order (xmllint against the XSDs copied into
// addin/schemas), resource ids, string lengths, HTTPS URLs, hosts and icon sizes.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Window } from "happy-dom";
import { PNG } from "pngjs";

const root = resolve(__dirname, "../..");
const manifestPath = join(root, "manifest.xml");
const schema = resolve(__dirname, "../schemas/OfficeAppManifestV1_1.xsd");
const placeholder = "https://localhost:5171/addin/";
const text = readFileSync(manifestPath, "utf8");
const doc = new new Window().DOMParser().parseFromString(text, "application/xml");
const all = [...doc.getElementsByTagName("*")] as unknown as Element[];
const byName = (name: string) => all.filter((e) => e.localName === name);
const xsiType = (e: Element) => e.getAttribute("xsi:type");

function xmllint(file: string) {
  const which = spawnSync("xmllint", ["--version"]);
  if (which.error) throw new Error("xmllint is missing: apt-get install libxml2-utils");
  return spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
}

describe("manifest.xml", () => {
  it("validates against the OfficeApp 1.1 and VersionOverrides 1.0 schemas", () => {
    const run = xmllint(manifestPath);
    expect(run.stderr).toContain("validates");
    expect(run.status).toBe(0);
  });

  it("is rejected by the schema check when elements are out of order", () => {
    const swapped = text.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(swapped).not.toBe(text);
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, swapped);
    expect(xmllint(file).status).not.toBe(0);
  });

  it("is a task pane add-in for Excel, Word and PowerPoint with ReadWriteDocument", () => {
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement as unknown as Element)).toBe("TaskPaneApp");
    const baseHosts = byName("Host").filter((h) => h.hasAttribute("Name")).map((h) => h.getAttribute("Name"));
    expect(baseHosts).toEqual(["Workbook", "Document", "Presentation"]);
    const commandHosts = byName("Host").filter((h) => xsiType(h)).map(xsiType);
    expect(commandHosts).toEqual(["Workbook", "Document", "Presentation"]);
    expect(byName("Permissions")[0].textContent).toBe("ReadWriteDocument");
  });

  it("has no requirement sets in the base manifest (they are checked at run time)", () => {
    expect(byName("Requirements")).toHaveLength(0);
    expect(byName("Sets")).toHaveLength(0);
  });

  it("gives every host a ribbon button that opens the task pane", () => {
    for (const host of byName("Host").filter((h) => xsiType(h))) {
      const inner = [...host.getElementsByTagName("*")] as unknown as Element[];
      const buttons = inner.filter((e) => e.localName === "Control" && xsiType(e) === "Button");
      expect(buttons, `${xsiType(host)} button`).toHaveLength(1);
      const action = inner.find((e) => e.localName === "Action")!;
      expect(xsiType(action)).toBe("ShowTaskpane");
      const source = inner.find((e) => e.localName === "SourceLocation")!;
      expect(source.getAttribute("resid")).toBe("Taskpane.Url");
    }
  });

  it("resolves every resid to exactly one resource of the right kind", () => {
    const resources = new Map<string, string>();
    for (const kind of ["Image", "Url", "String"]) {
      for (const e of byName(kind).filter((x) => x.hasAttribute("id"))) {
        const id = e.getAttribute("id")!;
        expect(resources.has(id), `duplicate resource id ${id}`).toBe(false);
        expect(id.length, `resource id ${id}`).toBeLessThanOrEqual(32);
        resources.set(id, kind);
      }
    }
    const expected: Record<string, string> = {
      Image: "Image", SourceLocation: "Url", LearnMoreUrl: "Url", FunctionFile: "Url",
      Label: "String", Title: "String", Description: "String",
    };
    const refs = all.filter((e) => e.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const id = ref.getAttribute("resid")!;
      expect(resources.get(id), `resid "${id}" on <${ref.localName}>`).toBe(expected[ref.localName]);
    }
    const used = new Set(refs.map((r) => r.getAttribute("resid")));
    for (const id of resources.keys()) expect(used.has(id), `resource ${id} is never used`).toBe(true);
  });

  it("keeps strings within Office's length limits", () => {
    const parent = (e: Element) => (e.parentNode as Element).localName;
    for (const s of byName("String")) {
      const limit = parent(s) === "ShortStrings" ? 125 : 250;
      expect(s.getAttribute("DefaultValue")!.length, s.getAttribute("id")!).toBeLessThanOrEqual(limit);
    }
    expect(byName("DisplayName")[0].getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    expect(byName("Description")[0].getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
    expect(byName("ProviderName")[0].textContent!.length).toBeLessThanOrEqual(125);
  });

  it("uses HTTPS for every URL, all under the documented placeholder", () => {
    const urls = all.flatMap((e) => {
      const v = e.getAttribute("DefaultValue") ?? "";
      return /^[a-z]+:\/\//i.test(v) ? [v] : [];
    });
    urls.push(...byName("AppDomain").map((e) => e.textContent!));
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const url of urls) {
      expect(url.startsWith("https://"), url).toBe(true);
      expect(url.length).toBeLessThanOrEqual(2048);
    }
    for (const url of urls.filter((u) => !byName("AppDomain").some((a) => a.textContent === u)))
      expect(url.startsWith(placeholder), url).toBe(true);
  });

  it("points at icon files that exist with the stated pixel sizes", () => {
    const stated: Array<[string, number]> = [
      [byName("IconUrl")[0].getAttribute("DefaultValue")!, 32],
      [byName("HighResolutionIconUrl")[0].getAttribute("DefaultValue")!, 64],
    ];
    const images = new Map(byName("Image").filter((i) => i.hasAttribute("id"))
      .map((i) => [i.getAttribute("id")!, i.getAttribute("DefaultValue")!]));
    for (const ref of byName("Image").filter((i) => i.hasAttribute("resid")))
      stated.push([images.get(ref.getAttribute("resid")!)!, Number(ref.getAttribute("size"))]);
    expect(new Set(stated.map(([, s]) => s))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of stated) {
      const file = resolve(__dirname, "../public", url.slice(placeholder.length));
      expect(existsSync(file), file).toBe(true);
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height], url).toEqual([size, size]);
    }
  });

  it("points at pages the build produces", () => {
    for (const url of byName("Url").map((u) => u.getAttribute("DefaultValue")!)) {
      const page = url.slice(placeholder.length);
      const candidates = [resolve(__dirname, "..", page), resolve(__dirname, "../public", page)];
      expect(candidates.some((c) => existsSync(c)), page).toBe(true);
    }
  });
});

