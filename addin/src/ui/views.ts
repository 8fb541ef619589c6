// Renders jobs, plans, findings, usage and history into the pane (text only, see dom.ts).
import type { Job, Plan, Usage } from "../api";
import { describeOperation } from "../describe";
import type { HistoryEntry } from "../storage";
import { checksItem } from "./check";
import { el } from "./dom";

const statusWords: Record<string, string> = {
  queued: "Waiting for a worker", planning: "Planning", awaiting_approval: "Waiting for your approval",
  applying: "Applying", verifying: "Checking the result", succeeded: "Done", failed: "Failed", cancelled: "Cancelled",
};

export const statusText = (status: string) => statusWords[status] ?? status;

/** The plan as a list of operations in plain words, each with a checkbox (checked = apply). */
export function planItems(plan: Plan): HTMLLIElement[] {
  return plan.operations.map((operation, i) => {
    const id = `op-${i}`;
    const box = el("input", { type: "checkbox", id, checked: true, "data-index": String(i) });
    const details = JSON.stringify(Object.fromEntries(Object.entries(operation).filter(([k]) => k !== "op")));
    return el("li", { class: "op" },
      box,
      el("label", { for: id },
        el("span", { class: "op-text" }, describeOperation(operation)),
        el("span", { class: "op-name" }, operation.op),
      ),
      el("details", { class: "op-args" }, el("summary", {}, "Arguments"), el("pre", {}, details)),
    );
  });
}

export function changeItems(job: Job): HTMLLIElement[] {
  return (job.changes ?? []).map((c) => el("li", {}, c.summary));
}

export function findingItems(job: Job): HTMLLIElement[] {
  const findings = job.verification?.findings ?? [];
  const items = findings.map((f) => el("li", { class: `finding ${f.severity}` },
    el("span", { class: "sev" }, f.severity === "error" ? "Error" : f.severity === "warning" ? "Warning" : "Note"),
    f.location ? `${f.location}: ${f.message}` : f.message));
  if (!findings.length)
    items.push(el("li", { class: "finding ok" }, el("span", { class: "sev", "aria-hidden": "true" }, "✓"), "No problems found"));
  const checks = checksItem(job.verification?.checks ?? []);
  if (checks) items.push(checks);
  return items;
}

export function usageItems(usage: Usage | null | undefined): HTMLElement[] {
  if (!usage) return [];
  const n = (v: number) => (v ?? 0).toLocaleString("en-US");
  const model = usage.input_tokens + usage.output_tokens > 0;
  const rows: Array<[string, string]> = [
    ["Tokens", !model ? "None (no model was used)" : `${n(usage.input_tokens)} in (${n(usage.cached_tokens)} cached) · ${n(usage.output_tokens)} out${usage.reasoning_tokens ? ` (${n(usage.reasoning_tokens)} reasoning)` : ""}`],
    ["Cost", `$${(usage.estimated_cost_usd ?? 0).toFixed(4)}`],
    ["Time", `${((usage.duration_ms ?? 0) / 1000).toFixed(1)} s`],
  ];
  return rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]);
}

export function errorText(job: Job): string {
  const e = job.error;
  if (!e) return `The request ${job.status}.`;
  return typeof e === "string" ? e : e.message ?? e.detail ?? e.title ?? JSON.stringify(e);
}

export function historyItem(entry: HistoryEntry, onOpen: (entry: HistoryEntry) => void): HTMLLIElement {
  const when = new Date(entry.at);
  const open = el("button", { type: "button", class: "link", "aria-label": `Open request: ${entry.instruction}` }, entry.instruction);
  open.addEventListener("click", () => onOpen(entry));
  return el("li", {},
    open,
    el("span", { class: `pill ${entry.status}` }, statusText(entry.status)),
    el("time", { datetime: entry.at }, isNaN(when.getTime()) ? entry.at : when.toLocaleString()),
    entry.summary ? el("span", { class: "hint" }, entry.summary) : null,
  );
}
