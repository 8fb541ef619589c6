// @vitest-environment happy-dom
// "Check this document": finding locations read as Excel ranges, selecting one in the workbook,
// and the whole flow in the pane — the open workbook read in slices, posted to /verify,
// followed over the event stream and its findings listed, as text, with nothing written back.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExcelHost, selectRange } from "../src/hosts/excel";
import { parseSheetRange } from "../src/hosts/a1";
import type { HostAdapter } from "../src/hosts/host";
import { WordHost } from "../src/hosts/word";
import { AddinStorage, type KeyValueStore } from "../src/storage";
import { TaskPane } from "../src/ui/app";
import { checkSummary } from "../src/ui/check";
import { mockExcel, requirementsFor } from "./support/excel-mock";

describe("finding locations", () => {
  it("reads a cell or range on a plain or quoted sheet, with doubled quotes, '$' and lower case", () => {
    expect(parseSheetRange("Budget!B3")).toEqual({ sheet: "Budget", address: "B3" });
    expect(parseSheetRange("'My Sheet'!A1:B2")).toEqual({ sheet: "My Sheet", address: "A1:B2" });
    expect(parseSheetRange("'It''s Q1'!$c$3")).toEqual({ sheet: "It's Q1", address: "C3" });
    expect(parseSheetRange("'Wow!'!A1")).toEqual({ sheet: "Wow!", address: "A1" });
    expect(parseSheetRange("'''Quoted'''!XFD1048576")).toEqual({ sheet: "'Quoted'", address: "XFD1048576" });
    expect(parseSheetRange("Data!C:D")).toEqual({ sheet: "Data", address: "C:D" });
    expect(parseSheetRange("Data!3:5")).toEqual({ sheet: "Data", address: "3:5" });
    expect(parseSheetRange("Data_2024.v2!A1:A1")).toEqual({ sheet: "Data_2024.v2", address: "A1" });
  });

  it("ignores what is not a range on a sheet", () => {
    for (const text of ["workbook", "package", "paragraph 4", "slide 2", "comment 3", "content control Name", "B3",
      "My Sheet!A1", "'Unclosed!A1", "'Budget'B3", "Budget!", "Budget!B", "Budget!3", "Budget!B3:C4:D5", "Budget!XFE1",
      "Budget!A0", "Budget!A1048577", "Budget!Total", "'A:B'!A1", "''!A1", "slide 2!A1", "Budget!B3 and more"])
      expect(parseSheetRange(text), text).toBeNull();
  });

  it("counts findings by severity, or says there are none", () => {
    expect(checkSummary([])).toBe("No problems found.");
    expect(checkSummary([
      { severity: "error", code: "formula_error", message: "x" },
      { severity: "warning", code: "a", message: "y" }, { severity: "warning", code: "b", message: "z" },
    ])).toBe("3 findings: 1 error, 2 warnings");
    expect(checkSummary([{ severity: "info", code: "package_repaired", message: "x" }])).toBe("1 finding: 1 note");
  });
});

describe("selecting a finding in Excel", () => {
  it("activates the sheet and selects the range, in one sync", async () => {
    const m = mockExcel(["Budget", "My Sheet"]);
    const host = new ExcelHost({ context: {} } as unknown as typeof Office, m.excel);
    const select = host.locate("'My Sheet'!$A$1:B2");
    expect(select).not.toBeNull();
    await select!();
    expect(m.calls).toEqual([["activate", "My Sheet"], ["select", "My Sheet!A1:B2"], ["sync"]]);
    expect(host.locate("workbook")).toBeNull();
    expect(host.locate("Budget")).toBeNull();
  });

  it("names the range when Excel cannot select it", async () => {
    const excel = { run: async () => { throw new Error("The requested resource doesn't exist."); } } as unknown as typeof Excel;
    await expect(selectRange("It's", "B3", excel)).rejects.toThrow("Cannot select 'It''s'!B3 in this workbook (was the sheet renamed or deleted?): The requested resource doesn't exist.");
  });

  it("Word has no locations to select", () => {
    const host: HostAdapter = new WordHost({ context: {} } as unknown as typeof Office);
    expect(host.locate?.("paragraph 3") ?? null).toBeNull();
  });
});

// The pane from index.html, for the flow below. Scripts are left out; this is our own markup.
function loadPage() {
  const html = readFileSync(resolve(__dirname, "../index.html"), "utf8");
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1].replace(/<script[\s\S]*?<\/script>/g, "");
  document.body.innerHTML = body;
}

function memory(settings: object): KeyValueStore {
  const m = new Map<string, string>([["officina.settings", JSON.stringify(settings)]]);
  return { getItem: async (k) => m.get(k) ?? null, setItem: async (k, v) => { m.set(k, v); } };
}

/** Office with a workbook at a URL that hands out its bytes in the given slices. */
function officeWith(slices: number[][]) {
  const calls: unknown[][] = [];
  const office = {
    FileType: { Compressed: "compressed" },
    context: {
      requirements: requirementsFor({ File: "1.1", ExcelApi: "1.17" }),
      document: {
        url: "https://contoso.example/Quarter%20Budget.xlsx",
        getFileAsync: (type: string, options: { sliceSize: number }, cb: (r: unknown) => void) => {
          calls.push(["getFileAsync", type, options.sliceSize]);
          cb({ status: "succeeded", value: {
            sliceCount: slices.length,
            getSliceAsync: (i: number, done: (r: unknown) => void) => { calls.push(["slice", i]); done({ status: "succeeded", value: { data: slices[i] } }); },
            closeAsync: () => calls.push(["close"]),
          } });
        },
      },
    },
  } as unknown as typeof Office;
  return { office, calls };
}

const hostile = "<img src=x onerror=\"document.body.dataset.pwned='1'\">";
const verified = {
  id: "j_check", kind: "verify", status: "succeeded", host: "excel", instruction: null, mode: "apply",
  file_name: "Quarter Budget.xlsx", created_at: "2026-11-25T12:00:00Z",
  verification: { has_errors: true, checks: ["recalculation", "schema"], findings: [
    { severity: "error", code: "formula_error", location: "'Q1 Budget'!B3", message: "#DIV/0! from =B1/B2" },
    { severity: "warning", code: "formula_not_computed", location: "workbook", message: `Not computed ${hostile}` },
  ] },
};

function scriptedService(answer: { verify?: Response; events?: string; down?: boolean } = {}) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fetcher = vi.fn(async (url: string, init: RequestInit = {}) => {
    seen.push({ url, init });
    if (url.endsWith("/healthz")) return new Response("ok");
    if (url.endsWith("/api/v1/verify")) return answer.verify ?? Response.json({ ...verified, status: "queued", verification: null }, { status: 202 });
    if (url.endsWith("/events")) return new Response(answer.events ?? `event: progress\ndata: {"stage":"verifying","done":0,"total":1,"message":"Recalculating"}\n\nevent: done\ndata: ${JSON.stringify(verified)}\n\n`,
      { headers: { "Content-Type": "text/event-stream" } });
    if (url.endsWith("/jobs/j_check")) {
      if (answer.down) throw new TypeError("fetch failed");
      return Response.json(verified);
    }
    return Response.json({ title: "Not found" }, { status: 404 });
  });
  vi.stubGlobal("fetch", fetcher);
  return seen;
}

async function startPane(office: typeof Office, excel: typeof Excel) {
  loadPage();
  const pane = new TaskPane(new ExcelHost(office, excel), new AddinStorage(memory({ serverUrl: "http://svc", apiKey: "k" })));
  await pane.start();
}

const text = (id: string) => document.getElementById(id)!.textContent ?? "";
const visible = (id: string) => !document.getElementById(id)!.hidden;

describe("Check this document (the pane)", () => {
  afterEach(() => { vi.unstubAllGlobals(); document.body.innerHTML = ""; });

  it("posts the workbook read in slices to /verify, lists the findings as text, and selects a range on click", async () => {
    const seen = scriptedService();
    const { office, calls } = officeWith([[80, 75], [3, 4], [9]]);
    const m = mockExcel(["Q1 Budget"]);
    await startPane(office, m.excel);

    document.getElementById("check")!.click();
    await vi.waitFor(() => expect(visible("check-result")).toBe(true));
    expect(calls).toEqual([["getFileAsync", "compressed", 4194304], ["slice", 0], ["slice", 1], ["slice", 2], ["close"]]);
    const post = seen.find((s) => s.url === "http://svc/api/v1/verify")!;
    expect(post.init.method).toBe("POST");
    expect((post.init.headers as Record<string, string>).Authorization).toBe("Bearer k");
    const file = (post.init.body as FormData).get("file") as File;
    expect(file.name).toBe("Quarter Budget.xlsx");
    expect(Array.from(new Uint8Array(await file.arrayBuffer()))).toEqual([80, 75, 3, 4, 9]);
    expect(seen.some((s) => s.url === "http://svc/api/v1/jobs/j_check/events")).toBe(true);

    expect(text("check-summary")).toBe("2 findings: 1 error, 1 warning");
    const rows = Array.from(document.querySelectorAll("#check-findings li.finding"));
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ["Error", "'Q1 Budget'!B3", "#DIV/0! from =B1/B2"],
      ["Warning", "workbook", `Not computed ${hostile}`],
    ]);
    expect(document.querySelectorAll("#check-findings img")).toHaveLength(0);
    expect(rows[1].querySelector("button")).toBeNull(); // "workbook" is not a range
    expect(visible("error")).toBe(false);
    expect(m.calls).toEqual([]); // nothing written to the workbook

    (rows[0].querySelector("button.location") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(m.calls).toContainEqual(["select", "Q1 Budget!B3"]));
    expect(m.calls).toEqual([["activate", "Q1 Budget"], ["select", "Q1 Budget!B3"], ["sync"]]);
  });

  it("says 'No problems found.' when the check finds nothing", async () => {
    scriptedService({ events: `event: done\ndata: ${JSON.stringify({ ...verified, verification: { has_errors: false, checks: [], findings: [] } })}\n\n` });
    await startPane(officeWith([[80, 75]]).office, mockExcel().excel);
    document.getElementById("check")!.click();
    await vi.waitFor(() => expect(visible("check-result")).toBe(true));
    expect(text("check-summary")).toBe("No problems found.");
    expect(document.querySelectorAll("#check-findings li")).toHaveLength(0);
  });

  it("says the service cannot be reached when the event stream drops and the service is gone", async () => {
    scriptedService({ events: `event: progress\ndata: {"stage":"verifying","done":0,"total":1,"message":"Recalculating"}\n\n`, down: true });
    await startPane(officeWith([[80, 75]]).office, mockExcel().excel);
    document.getElementById("check")!.click();
    await vi.waitFor(() => expect(visible("error")).toBe(true));
    expect(text("error")).toBe("Cannot reach the Officina service at http://svc. Check the server URL in Settings.");
    expect(document.querySelectorAll("#error > *")).toHaveLength(1);
    expect(visible("check-result")).toBe(false);
    expect(visible("progress")).toBe(false);
  });

  it("shows the service's problem once in the error area when it refuses the file", async () => {
    const detail = "The file 'Quarter Budget.xlsx' cannot be used: The file is not an Office document.";
    scriptedService({ verify: Response.json(
      { title: "Invalid request", status: 400, detail, errors: [{ path: "$.file", rule: "not_a_package", message: "The file is not an Office document." }] },
      { status: 400, headers: { "Content-Type": "application/problem+json" } }) });
    await startPane(officeWith([[1, 2]]).office, mockExcel().excel);
    document.getElementById("check")!.click();
    await vi.waitFor(() => expect(visible("error")).toBe(true));
    expect(text("error")).toBe(detail);
    expect(visible("check-result")).toBe(false);
    expect(visible("progress")).toBe(false);
    expect((document.getElementById("check") as HTMLButtonElement).disabled).toBe(false);
  });
});
