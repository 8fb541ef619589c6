// The API client, the event-stream parser, plain-words descriptions and the add-in's storage.
import { describe, expect, it } from "vitest";
import { ApiClient, ApiError } from "../src/api";
import { parseEventStream, toUpdate } from "../src/events";
import { describeOperation, operationTarget } from "../src/describe";
import { AddinStorage, defaultServerUrl, type KeyValueStore } from "../src/storage";
import { dimensions, resizeFrom, splitRef } from "../src/hosts/a1";

function recordingFetch(respond: (url: string, init: RequestInit) => Response) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fetcher = (async (url: string, init: RequestInit = {}) => { seen.push({ url, init }); return respond(url, init); }) as typeof fetch;
  return { fetcher, seen };
}

describe("ApiClient", () => {
  it("posts a job as multipart with the contract's field names and the key as a bearer token", async () => {
    const { fetcher, seen } = recordingFetch(() => Response.json({ id: "j_1", status: "queued" }, { status: 202 }));
    const api = new ApiClient("http://127.0.0.1:5170/", "secret", fetcher);
    const source = new File(["a,b"], "rates.csv");
    const job = await api.createJob({ file: new Blob(["PK"]), fileName: "budget.xlsx", instruction: "Add totals", effort: "low", mode: "preview", sources: [source] });
    expect(job.id).toBe("j_1");
    expect(seen[0].url).toBe("http://127.0.0.1:5170/api/v1/jobs");
    expect((seen[0].init.headers as Record<string, string>).Authorization).toBe("Bearer secret");
    const form = seen[0].init.body as FormData;
    expect((form.get("file") as File).name).toBe("budget.xlsx");
    expect([form.get("instruction"), form.get("effort"), form.get("mode"), form.get("host")]).toEqual(["Add totals", "low", "preview", null]);
    expect((form.getAll("sources")[0] as File).name).toBe("rates.csv");
  });

  it("approves a subset by index and applies a plan without a model", async () => {
    const { fetcher, seen } = recordingFetch(() => Response.json({ id: "j_2", status: "applying" }, { status: 202 }));
    const api = new ApiClient("http://s", null, fetcher);
    await api.approve("j_2", [0, 2]);
    expect(seen[0].url).toBe("http://s/api/v1/jobs/j_2/approve");
    expect(JSON.parse(String(seen[0].init.body))).toEqual({ operations: [0, 2] });
    expect(seen[0].init.headers).toEqual({ "Content-Type": "application/json" });
    await api.applyPlan(new Blob(["PK"]), "in.xlsx", '{"host":"excel","operations":[]}');
    expect(seen[1].url).toBe("http://s/api/v1/plans/apply");
    expect((seen[1].init.body as FormData).get("plan")).toBe('{"host":"excel","operations":[]}');
  });

  it("turns problem details into an error with the plan errors", async () => {
    const { fetcher } = recordingFetch(() => Response.json(
      { title: "Invalid plan", detail: "The plan has 1 error.", errors: [{ path: "operations[0].range", rule: "a1", message: "Not a range: 'X'" }] },
      { status: 400, headers: { "Content-Type": "application/problem+json" } }));
    const error = await new ApiClient("http://s", null, fetcher).applyPlan(new Blob(), "a.xlsx", "{}").catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("The plan has 1 error.");
    expect(error.errors[0].message).toBe("Not a range: 'X'");
  });

  it("says how to fix a refused key or an unreachable server", async () => {
    const refused = recordingFetch(() => new Response(null, { status: 401, statusText: "Unauthorized" }));
    await expect(new ApiClient("http://s", "bad", refused.fetcher).job("j")).rejects.toThrow(/Set the key in Settings/);
    const down = (async () => { throw new TypeError("fetch failed"); }) as typeof fetch;
    await expect(new ApiClient("http://s", null, down).job("j")).rejects.toThrow(/Cannot reach the Officina service at http:\/\/s/);
  });

  it("reads the file name of a download from Content-Disposition", async () => {
    const { fetcher } = recordingFetch(() => new Response("PK", { headers: { "Content-Disposition": "attachment; filename=\"budget (officina).xlsx\"" } }));
    const { fileName } = await new ApiClient("http://s", null, fetcher).download("j", "result");
    expect(fileName).toBe("budget (officina).xlsx");
  });
});

describe("event stream", () => {
  it("splits events, joins data lines, ignores comments and keeps the unfinished tail", () => {
    const { events, rest } = parseEventStream(": hi\r\nevent: progress\r\ndata: {\"stage\":\"applying\",\r\ndata: \"done\":1}\r\n\r\nevent: done\ndata: {\"id\":\"j\"");
    expect(events).toEqual([{ event: "progress", data: "{\"stage\":\"applying\",\n\"done\":1}" }]);
    expect(rest).toBe("event: done\ndata: {\"id\":\"j\"");
  });

  it("reads progress events as progress and the others as jobs", () => {
    expect(toUpdate({ event: "progress", data: '{"stage":"applying","done":1,"total":3,"message":"m"}' }).progress?.done).toBe(1);
    const u = toUpdate({ event: "status", data: '{"id":"j","status":"verifying","progress":{"stage":"verifying","done":0,"total":0,"message":""}}' });
    expect(u.job?.status).toBe("verifying");
    expect(u.progress?.stage).toBe("verifying");
  });
});

describe("plain words", () => {
  it("describes operations a person can check", () => {
    expect(describeOperation({ op: "set_values", range: "Forecast!A1:B2", values: [["Year", "Revenue"], [2026, 1]] })).toBe("Write 4 values to Forecast!A1:B2");
    expect(describeOperation({ op: "set_formulas", range: "B3:B6", formula: "=B2*1.08" })).toBe("Fill B3:B6 with the formula =B2*1.08");
    expect(describeOperation({ op: "freeze_panes", top_left_cell: "B2" })).toBe("Freeze rows and columns above and left of B2");
    expect(describeOperation({ op: "format_range", range: "A1:B1", bold: true, fill_color: "FFEEAA" })).toBe("Format A1:B1 (bold, fill color)");
    expect(describeOperation({ op: "replace_text", paragraph: 3 })).toBe("Replace text (paragraph 3)");
  });

  it("quotes up to three written values, so a short write can be checked by reading it", () => {
    expect(describeOperation({ op: "set_values", range: "H1:H2", values: [["Checked"], ["yes"]] })).toBe("Write “Checked”, “yes” to H1:H2");
    expect(describeOperation({ op: "set_values", range: "J1", values: [[2026]] })).toBe("Write 2026 to J1");
  });

  it("names each operation's target, or none", () => {
    expect(operationTarget({ op: "set_values", range: "Forecast!A1:B2", values: [] })).toBe("Forecast!A1:B2");
    expect(operationTarget({ op: "add_sheet", name: "Forecast" })).toBe("Forecast");
    expect(operationTarget({ op: "set_text", slide: 2, shape: "Title 1" })).toBe("slide 2, Title 1");
    expect(operationTarget({ op: "accept_all_revisions" })).toBeNull();
  });
});

describe("storage", () => {
  const memory = (): KeyValueStore => { const m = new Map<string, string>(); return { getItem: async (k) => m.get(k) ?? null, setItem: async (k, v) => { m.set(k, v); } }; };

  it("keeps settings and a per-document history, newest first, updated by job id", async () => {
    const storage = new AddinStorage(memory());
    expect(await storage.settings("http://127.0.0.1:5170")).toEqual({ serverUrl: "http://127.0.0.1:5170", apiKey: "" });
    await storage.saveSettings({ serverUrl: "https://o.example", apiKey: "k" });
    expect((await storage.settings("x")).apiKey).toBe("k");
    await storage.remember("doc:a", { jobId: "1", instruction: "one", status: "queued", at: "t1", serverUrl: "s" });
    await storage.remember("doc:a", { jobId: "2", instruction: "two", status: "queued", at: "t2", serverUrl: "s" });
    const list = await storage.remember("doc:a", { jobId: "1", instruction: "one", status: "succeeded", at: "t1", serverUrl: "s" });
    expect(list.map((e) => `${e.jobId}:${e.status}`)).toEqual(["1:succeeded", "2:queued"]);
    expect(await storage.history("doc:b")).toEqual([]);
  });

  it("defaults to the serving origin under /addin/, else the service's local address", () => {
    expect(defaultServerUrl({ origin: "https://o.example", pathname: "/addin/index.html", protocol: "https:" })).toBe("https://o.example");
    expect(defaultServerUrl({ origin: "null", pathname: "/tmp/index.html", protocol: "file:" })).toBe("http://127.0.0.1:5170");
  });
});

describe("A1 references", () => {
  it("splits quoted sheets and sizes ranges", () => {
    expect(splitRef("'It''s'!$A$1:B2")).toEqual({ sheet: "It's", address: "A1:B2" });
    expect(splitRef("C3")).toEqual({ sheet: null, address: "C3" });
    expect(dimensions("B2:D4")).toEqual({ rows: 3, columns: 3 });
    expect(dimensions("B:D")).toBeNull();
    expect(resizeFrom("Y5", 2, 3)).toBe("Y5:AA6");
  });
});
