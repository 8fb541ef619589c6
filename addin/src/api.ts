// Client for the Officina service API v1 (docs/api.md). JSON is snake_case as on the wire.

export type JobStatus =
  | "queued" | "planning" | "awaiting_approval" | "applying" | "verifying"
  | "succeeded" | "failed" | "cancelled";

export type HostName = "excel" | "word" | "powerpoint";
export type Effort = "none" | "low" | "medium" | "high" | "xhigh";

export interface Progress { stage: string; done: number; total: number; message: string }
export interface Change { op: string; target?: string; summary: string; count?: number }
export interface Finding { severity: string; code: string; location?: string; message: string }
export interface Verification { has_errors: boolean; checks: string[]; findings: Finding[]; pre_existing?: Finding[] }
export interface Usage {
  input_tokens: number; cached_tokens: number; output_tokens: number; reasoning_tokens: number;
  estimated_cost_usd: number; duration_ms: number;
}

export interface Job {
  id: string;
  /** What the job does: `model` (POST /jobs), `plan`, `verify`, `render` or `batch`. */
  kind?: string;
  status: JobStatus;
  host: HostName;
  instruction: string | null;
  mode: "apply" | "preview";
  file_name?: string | null;
  created_at: string;
  updated_at?: string;
  progress?: Progress | null;
  changes?: Change[] | null;
  verification?: Verification | null;
  usage?: Usage | null;
  error?: string | { message?: string; detail?: string; title?: string } | null;
  links?: { plan?: string; result?: string; original?: string; events?: string };
}

/** One operation of a plan: its `op` and its snake_case arguments. */
export type Operation = { op: string } & Record<string, unknown>;
export interface Plan { host: HostName; instruction?: string; track_changes?: boolean; operations: Operation[] }

export const finalStatuses: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "cancelled"]);

/** An error answer from the service, with the problem details' text and plan errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Array<{ path?: string; rule?: string; message: string }> = [],
  ) {
    super(message);
  }
}

export interface NewJob {
  file?: Blob & { name?: string };
  fileName?: string;
  instruction: string;
  host?: HostName;
  effort?: Effort | "";
  mode: "apply" | "preview";
  sources?: File[];
}

export class ApiClient {
  constructor(
    readonly serverUrl: string,
    readonly apiKey: string | null,
    private readonly fetcher: typeof fetch = (...a) => fetch(...a),
  ) {}

  /** Absolute URL for a path under /api/v1 (or a link the service returned, already absolute-path). */
  url(path: string): string {
    const base = this.serverUrl.replace(/\/+$/, "");
    return path.startsWith("/api/") || path.startsWith("/healthz") ? base + path : `${base}/api/v1${path}`;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.apiKey ? { Authorization: `Bearer ${this.apiKey}`, ...extra } : extra;
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), { ...init, headers: this.headers(init.headers as Record<string, string>) });
    } catch {
      throw new ApiError(0, `Cannot reach the Officina service at ${this.serverUrl}. Check the server URL in Settings.`);
    }
    if (!response.ok) throw await ApiClient.problem(response);
    return response;
  }

  private static async problem(response: Response): Promise<ApiError> {
    let detail = `${response.status} ${response.statusText}`.trim();
    let errors: ApiError["errors"] = [];
    try {
      const body = await response.json();
      detail = body.detail ?? body.title ?? detail;
      errors = Array.isArray(body.errors) ? body.errors : [];
    } catch { /* not JSON: keep the status line */ }
    if (response.status === 401 || response.status === 403)
      detail = `The service refused the API key (${response.status}): ${detail}. Set the key in Settings.`;
    return new ApiError(response.status, detail, errors);
  }

  /** A raw request with the key attached (for the event stream); the caller checks the status. */
  open(path: string, init: RequestInit = {}): Promise<Response> {
    return this.fetcher(this.url(path), { ...init, headers: this.headers(init.headers as Record<string, string>) });
  }

  async health(): Promise<boolean> {
    try {
      return (await this.fetcher(`${this.serverUrl.replace(/\/+$/, "")}/healthz`)).ok;
    } catch {
      return false;
    }
  }

  async createJob(job: NewJob): Promise<Job> {
    const form = new FormData();
    if (job.file) form.append("file", job.file, job.fileName ?? job.file.name ?? "document");
    form.append("instruction", job.instruction);
    if (job.host) form.append("host", job.host);
    if (job.effort) form.append("effort", job.effort);
    form.append("mode", job.mode);
    for (const source of job.sources ?? []) form.append("sources", source, source.name);
    return (await this.send("/jobs", { method: "POST", body: form })).json();
  }

  async applyPlan(file: Blob, fileName: string, plan: string, sources: File[] = []): Promise<Job> {
    const form = new FormData();
    form.append("file", file, fileName);
    form.append("plan", plan);
    for (const source of sources) form.append("sources", source, source.name);
    return (await this.send("/plans/apply", { method: "POST", body: form })).json();
  }

  /** Checks a document without changing it (POST /verify): a job whose `verification` holds the findings. */
  async verify(file: Blob, fileName: string): Promise<Job> {
    const form = new FormData();
    form.append("file", file, fileName);
    return (await this.send("/verify", { method: "POST", body: form })).json();
  }

  async job(id: string): Promise<Job> {
    return (await this.send(`/jobs/${encodeURIComponent(id)}`)).json();
  }

  async plan(id: string): Promise<Plan> {
    return (await this.send(`/jobs/${encodeURIComponent(id)}/plan`)).json();
  }

  async approve(id: string, operations: number[] | null): Promise<Job> {
    return (await this.send(`/jobs/${encodeURIComponent(id)}/approve`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ operations }),
    })).json();
  }

  async cancel(id: string): Promise<Job> {
    return (await this.send(`/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" })).json();
  }

  /** The result file (`which` = "result") or the input as uploaded (`which` = "original"). */
  async download(id: string, which: "result" | "original"): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.send(`/jobs/${encodeURIComponent(id)}/${which}`);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), fileName: match ? decodeURIComponent(match[1]) : `${which}-${id}` };
  }

  async jobs(page = 1, pageSize = 20): Promise<{ items: Job[]; total: number }> {
    return (await this.send(`/jobs?page=${page}&page_size=${pageSize}`)).json();
  }
}
