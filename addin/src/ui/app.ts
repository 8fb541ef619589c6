// The task pane: one page for Office (any host) and for a plain browser (standalone).
import { ApiClient, ApiError, type Effort, type HostName, type Job, type Plan } from "../api";
import { followJob } from "../events";
import type { HostAdapter } from "../hosts/host";
import { AddinStorage, defaultServerUrl, type HistoryEntry } from "../storage";
import { checkItems, checkSummary, checksItem } from "./check";
import { byId, el, saveBlob, show } from "./dom";
import {
  changeItems, errorText, findingItems, historyItem, planItems, statusText, usageItems,
} from "./views";

const mimeByHost: Record<HostName, string> = {
  excel: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  word: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  powerpoint: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

export class TaskPane {
  private api!: ApiClient;
  private job: Job | null = null;
  private plan: Plan | null = null;
  private approved: number[] | null = null;
  private follow: AbortController | null = null;
  private sources: File[] = [];
  /** The verify job of a running "Check this document", for Cancel. */
  private checkJob: Job | null = null;

  constructor(private readonly host: HostAdapter | null, private readonly storage = new AddinStorage()) {}

  async start() {
    const settings = await this.storage.settings(defaultServerUrl(location));
    byId<HTMLInputElement>("server-url").value = settings.serverUrl;
    byId<HTMLInputElement>("api-key").value = settings.apiKey;
    this.api = new ApiClient(settings.serverUrl, settings.apiKey || null);

    byId("host-badge").textContent = this.host ? this.host.label : "Standalone";
    show(byId("document-picker"), !this.host);
    show(byId("plan-file-box"), !this.host);
    const limits = this.host?.limits() ?? [];
    byId("limits").replaceChildren(...limits.map((l) => el("li", {}, l)));
    show(byId("limits-box"), limits.length > 0);

    this.wire();
    this.updateRunLabel();
    await this.renderHistory();
    void this.checkServer();
  }

  private wire() {
    const toggle = byId<HTMLButtonElement>("settings-toggle");
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      show(byId("settings"), open);
      if (open) byId<HTMLInputElement>("server-url").focus();
    });
    byId("settings-form").addEventListener("submit", (e) => { e.preventDefault(); void this.saveSettings(); });
    byId("request-form").addEventListener("submit", (e) => { e.preventDefault(); void this.guard(() => this.run()); });
    byId("check").addEventListener("click", () => void this.guard(() => this.check()));
    byId("preview").addEventListener("change", () => this.updateRunLabel());
    byId<HTMLInputElement>("sources").addEventListener("change", (e) => {
      const input = e.target as HTMLInputElement;
      this.sources.push(...Array.from(input.files ?? []));
      input.value = "";
      this.renderSources();
    });
    byId<HTMLInputElement>("document-file").addEventListener("change", () => void this.renderHistory());
    byId("select-all").addEventListener("click", () => this.selectAll(true));
    byId("select-none").addEventListener("click", () => this.selectAll(false));
    byId("plan-list").addEventListener("change", () => this.updateApproveLabel());
    byId("approve").addEventListener("click", () => void this.guard(() => this.approve()));
    byId("discard").addEventListener("click", () => void this.guard(() => this.cancel()));
    byId("cancel").addEventListener("click", () => void this.guard(() => this.cancel()));
    byId("download-result").addEventListener("click", () => void this.guard(() => this.download("result")));
    byId("undo").addEventListener("click", () => void this.guard(() => this.undo()));
    byId("apply-plan-file").addEventListener("click", () => void this.guard(() => this.applyPlanFile()));
  }

  private updateRunLabel() {
    byId("run").textContent = byId<HTMLInputElement>("preview").checked ? "Plan changes" : "Run and apply";
  }

  private async saveSettings() {
    const serverUrl = byId<HTMLInputElement>("server-url").value.trim().replace(/\/+$/, "");
    const apiKey = byId<HTMLInputElement>("api-key").value.trim();
    await this.storage.saveSettings({ serverUrl, apiKey });
    this.api = new ApiClient(serverUrl, apiKey || null);
    await this.checkServer();
  }

  private async checkServer() {
    const status = byId("server-status");
    status.textContent = "Checking the service…";
    const ok = await this.api.health();
    status.textContent = ok ? `Connected to ${this.api.serverUrl}` : `No answer from ${this.api.serverUrl}; check Settings.`;
    status.className = ok ? "status ok" : "status bad";
  }

  /** Runs an action, showing its error in the alert area instead of losing it. */
  private async guard(action: () => Promise<void>) {
    this.setError(null);
    try {
      await action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Problem details often repeat an error's message in `detail`: say each thing once.
      const errors = error instanceof ApiError
        ? error.errors.filter((e) => !message.includes(e.message)).map((e) => `${e.path ? `${e.path}: ` : ""}${e.message}`) : [];
      this.setError(message, errors);
      show(byId("progress"), false);
      this.setBusy(false);
    }
  }

  private setError(message: string | null, details: string[] = []) {
    const box = byId("error");
    box.replaceChildren(...(message ? [el("strong", {}, message), ...details.map((d) => el("div", {}, d))] : []));
    show(box, message !== null);
  }

  private setBusy(busy: boolean) {
    for (const id of ["run", "check", "approve", "apply-plan-file"]) byId<HTMLButtonElement>(id).disabled = busy;
  }

  private documentKey(): string {
    if (this.host) return this.host.documentKey();
    const file = byId<HTMLInputElement>("document-file").files?.[0];
    return file ? `file:${file.name}:${file.size}` : `new:${byId<HTMLSelectElement>("new-host").value}`;
  }

  private renderSources() {
    byId("source-list").replaceChildren(...this.sources.map((file, i) => {
      const remove = el("button", { type: "button", class: "link", "aria-label": `Remove ${file.name}` }, "Remove");
      remove.addEventListener("click", () => { this.sources.splice(i, 1); this.renderSources(); });
      return el("li", {}, el("span", {}, `${file.name} (${Math.ceil(file.size / 1024)} KB)`), remove);
    }));
  }

  private async run() {
    const instruction = byId<HTMLTextAreaElement>("instruction").value.trim();
    if (!instruction) { byId("instruction").focus(); throw new Error("Describe the change first."); }
    const mode = byId<HTMLInputElement>("preview").checked ? "preview" : "apply";
    const effort = byId<HTMLSelectElement>("effort").value as Effort | "";
    const sources = [...this.sources];
    let file: Blob | undefined, fileName: string | undefined, host: HostName | undefined;
    this.reset();
    this.setBusy(true);
    this.showProgress("Reading the document", "");
    const doc = await this.documentToSend();
    if (doc) {
      ({ file, fileName } = doc);
    } else if (this.host) {
      host = this.host.name;
      const selection = await this.host.readSelection();
      if (selection) sources.push(selection);
    } else {
      host = byId<HTMLSelectElement>("new-host").value as HostName;
    }
    this.showProgress("Sending the request", "");
    const job = await this.api.createJob({ file, fileName, instruction, host, effort, mode, sources });
    await this.track(job);
  }

  /** The whole open document (Office) or the picked file (standalone); null when there is none. */
  private async documentToSend(): Promise<{ file: Blob; fileName: string } | null> {
    if (!this.host) {
      const picked = byId<HTMLInputElement>("document-file").files?.[0];
      return picked ? { file: picked, fileName: picked.name } : null;
    }
    const doc = await this.host.readDocument();
    return doc && { file: new File([doc.bytes as BlobPart], doc.fileName, { type: mimeByHost[this.host.name] }), fileName: doc.fileName };
  }

  /** "Check this document": sends it to POST /verify and lists the findings. Writes nothing to it. */
  private async check() {
    this.reset();
    this.setBusy(true);
    this.showProgress("Reading the document", "");
    const doc = await this.documentToSend();
    if (!doc) {
      if (!this.host) byId("document-file").focus();
      throw new Error(this.host
        ? `This version of ${this.host.label} cannot hand the whole document to the add-in, so it cannot be checked from here.`
        : "Open a file to check first (Document, above).");
    }
    this.showProgress("Sending the document to check", "");
    const job = await this.api.verify(doc.file, doc.fileName);
    this.checkJob = job;
    let settled: Job;
    try {
      settled = await this.followProgress(job);
    } finally {
      this.checkJob = null;
    }
    if (this.follow?.signal.aborted) return; // cancelled: cancel() has said so
    if (settled.status !== "succeeded") {
      this.setError(settled.status === "cancelled" ? "The check was cancelled." : `The check failed: ${errorText(settled)}`);
      return;
    }
    const findings = settled.verification?.findings ?? [];
    byId("check-summary").textContent = checkSummary(findings);
    const items = checkItems(findings, (location) => this.host?.locate?.(location) ?? null, (action) => void this.guard(action));
    const checks = checksItem(settled.verification?.checks ?? []);
    byId("check-findings").replaceChildren(...items, ...(checks ? [checks] : []));
    show(byId("check-hint-select"), items.some((li) => li.querySelector("button") !== null));
    show(byId("check-result"), true);
    byId("check-heading").focus();
  }

  private async applyPlanFile() {
    const document = byId<HTMLInputElement>("document-file").files?.[0];
    const planFile = byId<HTMLInputElement>("plan-file").files?.[0];
    if (!document || !planFile) throw new Error("Pick a document and a plan file first.");
    this.reset();
    this.setBusy(true);
    const job = await this.api.applyPlan(document, document.name, await planFile.text(), [...this.sources]);
    await this.track(job);
  }

  /** Follows a job until it settles, then shows the plan, the result or the error. */
  private async track(job: Job, applyToHost = true) {
    this.job = job;
    await this.remember(job);
    const settled = await this.followProgress(job);
    this.job = settled;
    await this.remember(settled);
    if (settled.status === "awaiting_approval") await this.showPlan(settled);
    else if (settled.status === "succeeded") await this.showResult(settled, applyToHost);
    else if (settled.status === "cancelled") this.setError("The request was cancelled.");
    else this.setError(errorText(settled));
  }

  /** Follows a job over its event stream, showing each stage and message, until it settles. */
  private async followProgress(job: Job): Promise<Job> {
    this.follow?.abort();
    this.follow = new AbortController();
    this.showProgress(statusText(job.status), "");
    let current = job;
    const settled = await followJob(this.api, job.id, (u) => {
      if (u.job) current = u.job;
      const p = u.progress ?? current.progress;
      this.showProgress(statusText(current.status), p?.message ?? "", p?.done, p?.total);
    }, this.follow.signal);
    show(byId("progress"), false);
    this.setBusy(false);
    return settled;
  }

  private showProgress(stage: string, message: string, done?: number, total?: number) {
    show(byId("progress"), true);
    byId("progress-stage").textContent = stage;
    byId("progress-message").textContent = message;
    const bar = byId<HTMLProgressElement>("progress-bar");
    if (total && total > 0) { bar.max = total; bar.value = done ?? 0; } else bar.removeAttribute("value");
  }

  private async showPlan(job: Job) {
    this.plan = await this.api.plan(job.id);
    byId("plan-list").replaceChildren(...planItems(this.plan));
    byId("plan-summary").textContent = `${this.plan.operations.length} operation(s) for: ${job.instruction}`;
    show(byId("plan"), true);
    this.updateApproveLabel();
    byId("plan-heading").focus();
  }

  private checkedIndexes(): number[] {
    return Array.from(byId("plan-list").querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
      .filter((b) => b.checked).map((b) => Number(b.dataset.index));
  }

  private selectAll(on: boolean) {
    byId("plan-list").querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((b) => { b.checked = on; });
    this.updateApproveLabel();
  }

  private updateApproveLabel() {
    const n = this.checkedIndexes().length, total = this.plan?.operations.length ?? 0;
    const button = byId<HTMLButtonElement>("approve");
    button.textContent = n === total ? `Apply all ${total}` : `Apply ${n} of ${total}`;
    button.disabled = n === 0;
  }

  private async approve() {
    if (!this.job || !this.plan) return;
    const picked = this.checkedIndexes();
    this.approved = picked.length === this.plan.operations.length ? null : picked;
    show(byId("plan"), false);
    this.setBusy(true);
    await this.track(await this.api.approve(this.job.id, this.approved));
  }

  private async cancel() {
    if (this.checkJob) {
      const id = this.checkJob.id;
      this.follow?.abort();
      await this.api.cancel(id);
      show(byId("progress"), false);
      this.setBusy(false);
      this.setError("The check was cancelled.");
      return;
    }
    if (!this.job) return;
    this.follow?.abort();
    const job = await this.api.cancel(this.job.id);
    show(byId("plan"), false);
    show(byId("progress"), false);
    this.job = job;
    await this.remember(job);
    this.setBusy(false);
  }

  private async showResult(job: Job, applyToHost: boolean) {
    byId("result-status").textContent = job.verification?.has_errors
      ? "Done, but the checks found problems." : "Done. The checks found no problems.";
    byId("changes").replaceChildren(...changeItems(job));
    byId("findings").replaceChildren(...findingItems(job));
    byId("usage").replaceChildren(...usageItems(job.usage));
    byId("undo").textContent = this.host ? "Undo (put the original back)" : "Download original";
    show(byId("result"), true);
    byId("host-message").textContent = "";
    if (this.host && applyToHost) {
      const plan = this.plan ?? await this.api.plan(job.id);
      const ops = this.approved ? plan.operations.filter((_, i) => this.approved!.includes(i)) : plan.operations;
      byId("host-message").textContent = "Applying to the open document…";
      const outcome = await this.host.apply(ops, async () => (await this.api.download(job.id, "result")).blob);
      byId("host-message").textContent = outcome.message;
    }
    byId("result-heading").focus();
  }

  private async download(which: "result" | "original", jobId = this.job?.id) {
    if (!jobId) return;
    const { blob, fileName } = await this.api.download(jobId, which);
    saveBlob(blob, fileName);
  }

  private async undo() {
    if (!this.job) return;
    if (!this.host) return this.download("original");
    const { blob } = await this.api.download(this.job.id, "original");
    byId("host-message").textContent = await this.host.restore(blob);
  }

  private reset() {
    this.job = null; this.plan = null; this.approved = null;
    for (const id of ["plan", "result", "progress", "check-result"]) show(byId(id), false);
    this.setError(null);
  }

  private async remember(job: Job) {
    const entry: HistoryEntry = {
      jobId: job.id, instruction: job.instruction ?? "", status: job.status, at: job.created_at ?? new Date().toISOString(),
      summary: job.changes?.length ? `${job.changes.length} change(s)` : undefined, serverUrl: this.api.serverUrl,
    };
    this.renderHistoryList(await this.storage.remember(this.documentKey(), entry));
  }

  private async renderHistory() {
    this.renderHistoryList(await this.storage.history(this.documentKey()));
  }

  private renderHistoryList(entries: HistoryEntry[]) {
    byId("history-list").replaceChildren(...entries.map((e) => historyItem(e, (entry) => void this.guard(() => this.reopen(entry)))));
    show(byId("history-empty"), entries.length === 0);
  }

  private async reopen(entry: HistoryEntry) {
    this.reset();
    const job = await this.api.job(entry.jobId);
    await this.track(job, false);
  }
}
