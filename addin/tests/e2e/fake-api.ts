// A scripted stand-in for the service's API inside the browser (page.route), for UI tests
// that need no server: a job planned, approved, applied and verified with findings.
import type { Page, Route } from "playwright-core";

export const hostile = "<img src=x onerror=\"document.body.dataset.pwned='1'\">";

const plan = {
  host: "excel", instruction: "Add a 2027 forecast", track_changes: false,
  operations: [
    { op: "add_sheet", name: "Forecast" },
    { op: "set_values", range: "Forecast!A1:B2", values: [["Year", "Revenue"], [2026, 1200000]] },
    { op: "set_formulas", range: "Forecast!B3:B6", formula: "=B2*1.08" },
    { op: "format_range", range: "Forecast!A1:B1", bold: true, fill_color: "DDEBF7" },
    { op: "set_values", range: "Forecast!D1", values: [[hostile]] },
  ],
};

function job(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "j_demo", status, host: "excel", instruction: "Add a 2027 forecast sheet growing revenue 8% a year", mode: "preview",
    file_name: "budget.xlsx", created_at: "2026-11-25T12:00:00Z", updated_at: "2026-11-25T12:00:05Z",
    progress: null, changes: [], verification: null, usage: null, error: null,
    links: { plan: "/api/v1/jobs/j_demo/plan", result: "/api/v1/jobs/j_demo/result", original: "/api/v1/jobs/j_demo/original", events: "/api/v1/jobs/j_demo/events" },
    ...extra,
  };
}

const done = job("succeeded", {
  changes: [
    { op: "add_sheet", target: "Forecast", summary: "Added sheet Forecast", count: 1 },
    { op: "set_values", target: "Forecast!A1:B2", summary: "Wrote 4 value(s) to Forecast!A1:B2", count: 4 },
    { op: "format_range", target: "Forecast!A1:B1", summary: `Formatted Forecast!A1:B1 ${hostile}`, count: 2 },
  ],
  verification: {
    has_errors: true, checks: ["formulas recalculated", "package valid"],
    findings: [
      { severity: "error", code: "formula_error", location: "Forecast!B12", message: "#DIV/0! from =B10/B11" },
      { severity: "warning", code: "number_as_text", location: "Forecast!A7", message: "Number stored as text" },
    ],
  },
  usage: { input_tokens: 12840, cached_tokens: 9216, output_tokens: 611, reasoning_tokens: 128, estimated_cost_usd: 0.0123, duration_ms: 8400 },
});

const sse = (events: Array<[string, unknown]>) => events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join("");

/** Routes the page's API calls; returns what the page sent (approve bodies, uploads). */
export async function fakeApi(page: Page, options: { preview: boolean } = { preview: true }) {
  const sent: Array<{ method: string; path: string; body: string }> = [];
  let approved = !options.preview;
  await page.route(/\/(api\/v1|healthz)/, async (route: Route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    sent.push({ method: request.method(), path, body: request.postData() ?? "" });
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
    if (path === "/healthz") return json({ status: "ok" });
    if (path === "/api/v1/jobs" && request.method() === "POST") return json(job("queued"), 202);
    if (path.endsWith("/events")) {
      const events: Array<[string, unknown]> = approved
        ? [["progress", { stage: "applying", done: 3, total: 5, message: "set_formulas Forecast!B3:B6" }], ["done", done]]
        : [["status", job("planning")], ["progress", { stage: "planning", done: 1, total: 3, message: "load_tools" }],
          ["status", job("awaiting_approval")]];
      return route.fulfill({ status: 200, contentType: "text/event-stream", body: sse(events) });
    }
    if (path.endsWith("/plan")) return json(plan);
    if (path.endsWith("/approve")) { approved = true; return json(job("applying"), 202); }
    if (path.endsWith("/result") || path.endsWith("/original"))
      return route.fulfill({ status: 200, contentType: "application/octet-stream", headers: { "Content-Disposition": 'attachment; filename="budget-result.xlsx"' }, body: Buffer.from("PK\u0003\u0004") });
    if (path === "/api/v1/jobs/j_demo") return json(approved ? done : job("awaiting_approval"));
    return json({ title: "Not found", detail: `No route ${path}` }, 404);
  });
  return sent;
}
