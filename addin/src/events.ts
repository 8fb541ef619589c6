// Follows a job live: Server-Sent Events from GET /jobs/{id}/events, read with EventSource
// when no key is needed, or with fetch when a key must go in the Authorization header
// (EventSource cannot send headers). Falls back to polling GET /jobs/{id} if the stream fails.
import { finalStatuses, type ApiClient, type Job, type Progress } from "./api";

export interface JobUpdate { job?: Job; progress?: Progress }
export interface ServerEvent { event: string; data: string }

/** Splits a text/event-stream buffer into complete events and the unfinished rest. */
export function parseEventStream(buffer: string): { events: ServerEvent[]; rest: string } {
  const events: ServerEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  for (const block of blocks) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) events.push({ event, data: data.join("\n") });
  }
  return { events, rest };
}

/** Turns one server event into an update: `progress` carries a progress object, the rest a job. */
export function toUpdate(e: ServerEvent): JobUpdate {
  const value = JSON.parse(e.data);
  if (e.event === "progress") return value && "status" in value ? { job: value, progress: value.progress } : { progress: value };
  return { job: value, progress: value?.progress ?? undefined };
}

/** True once a job needs nothing more from the server: finished, or waiting for approval. */
export const isSettled = (job: Job) => finalStatuses.has(job.status) || job.status === "awaiting_approval";

/**
 * Reports each update to `onUpdate` and resolves with the job once it is settled.
 * `signal` stops following (the promise then resolves with the last job read).
 */
export async function followJob(
  api: ApiClient, id: string, onUpdate: (u: JobUpdate) => void, signal?: AbortSignal,
): Promise<Job> {
  try {
    const last = api.apiKey || typeof EventSource === "undefined"
      ? await streamWithFetch(api, id, onUpdate, signal)
      : await streamWithEventSource(api, id, onUpdate, signal);
    if (last && isSettled(last)) return last;
  } catch { /* fall through to polling */ }
  return poll(api, id, onUpdate, signal);
}

function streamWithEventSource(
  api: ApiClient, id: string, onUpdate: (u: JobUpdate) => void, signal?: AbortSignal,
): Promise<Job | undefined> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(api.url(`/jobs/${encodeURIComponent(id)}/events`));
    let last: Job | undefined;
    const finish = () => { source.close(); resolve(last); };
    signal?.addEventListener("abort", finish);
    const handle = (event: string) => (e: MessageEvent) => {
      const update = toUpdate({ event, data: e.data });
      if (update.job) last = update.job;
      onUpdate(update);
      if (event === "done" || (last && isSettled(last))) finish();
    };
    for (const name of ["progress", "status", "done", "message"]) source.addEventListener(name, handle(name) as EventListener);
    source.onerror = () => { source.close(); if (last && isSettled(last)) resolve(last); else reject(new Error("event stream closed")); };
  });
}

async function streamWithFetch(
  api: ApiClient, id: string, onUpdate: (u: JobUpdate) => void, signal?: AbortSignal,
): Promise<Job | undefined> {
  const response = await api.open(`/jobs/${encodeURIComponent(id)}/events`, {
    headers: { Accept: "text/event-stream" }, signal,
  });
  if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last: Job | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return last;
    const parsed = parseEventStream(buffer + value);
    buffer = parsed.rest;
    for (const e of parsed.events) {
      const update = toUpdate(e);
      if (update.job) last = update.job;
      onUpdate(update);
      if (e.event === "done" || (last && isSettled(last))) { void reader.cancel(); return last; }
    }
  }
}

async function poll(api: ApiClient, id: string, onUpdate: (u: JobUpdate) => void, signal?: AbortSignal): Promise<Job> {
  for (;;) {
    const job = await api.job(id);
    onUpdate({ job, progress: job.progress ?? undefined });
    if (isSettled(job) || signal?.aborted) return job;
    await new Promise((r) => setTimeout(r, 700));
  }
}
