// "Check this document": the findings of a verify job, one row each (severity, location,
// message), with locations the host can show — Excel ranges — as buttons that select them.
import type { Finding } from "../api";
import { el } from "./dom";

const severityWords: Record<string, string> = { error: "Error", warning: "Warning", info: "Note" };
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "No problems found." or e.g. "3 findings: 1 error, 2 warnings". */
export function checkSummary(findings: Finding[]): string {
  if (!findings.length) return "No problems found.";
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const known = ["error", "warning", "info"].map((s) => [s, count(s)] as const).filter(([, n]) => n > 0);
  const other = findings.length - known.reduce((n, [, k]) => n + k, 0);
  const parts = known.map(([s, n]) => plural(n, s === "info" ? "note" : s));
  if (other) parts.push(plural(other, "other"));
  return `${plural(findings.length, "finding")}: ${parts.join(", ")}`;
}

/**
 * One list item per finding. `locate` turns a location into the action that shows it in the
 * document (or null: plain text); `run` runs that action when its button is clicked.
 */
export function checkItems(
  findings: Finding[],
  locate: (location: string) => (() => Promise<void>) | null,
  run: (action: () => Promise<void>) => void,
): HTMLLIElement[] {
  return findings.map((f) => {
    const severity = f.severity in severityWords ? f.severity : "info";
    let where: HTMLElement | null = null;
    if (f.location) {
      const action = locate(f.location);
      if (action) {
        where = el("button", { type: "button", class: "link location", title: `Select ${f.location} in the workbook` }, f.location);
        where.addEventListener("click", () => run(action));
      } else {
        where = el("span", { class: "location" }, f.location);
      }
    }
    return el("li", { class: `finding ${severity}`, "data-code": f.code },
      el("span", { class: "sev" }, severityWords[f.severity] ?? f.severity),
      where,
      el("span", { class: "message" }, f.message));
  });
}

/** "What was checked (4)" as a collapsed list, or null when the service listed no checks. */
export function checksItem(checks: string[]): HTMLLIElement | null {
  return checks.length ? el("li", { class: "checks" }, el("details", {},
    el("summary", {}, `What was checked (${checks.length})`),
    el("ul", {}, ...checks.map((c) => el("li", {}, c))))) : null;
}
