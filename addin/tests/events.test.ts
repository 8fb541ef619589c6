// Following a job: the fetch-based event stream (used when a key must be sent) and polling.
import { describe, expect, it } from "vitest";
import { ApiClient } from "../src/api";
import { followJob, type JobUpdate } from "../src/events";

const job = (status: string) => ({ id: "j", status, instruction: "x", host: "excel", mode: "preview", created_at: "t" });

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({ start(c) { for (const chunk of chunks) c.enqueue(encoder.encode(chunk)); c.close(); } });
}

describe("followJob", () => {
  it("reads the stream with the key in a header, across chunk boundaries, until the job waits for approval", async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      seen.push({ url, headers: init.headers as Record<string, string> });
      return new Response(streamOf([
        "event: progress\ndata: {\"stage\":\"planning\",\"done\":1,",
        "\"total\":2,\"message\":\"load_tools\"}\n\nevent: status\ndata: ",
        `${JSON.stringify(job("awaiting_approval"))}\n\n`,
      ]), { headers: { "Content-Type": "text/event-stream" } });
    }) as typeof fetch;
    const updates: JobUpdate[] = [];
    const settled = await followJob(new ApiClient("http://s", "key", fetcher), "j", (u) => updates.push(u));
    expect(settled.status).toBe("awaiting_approval");
    expect(seen[0].url).toBe("http://s/api/v1/jobs/j/events");
    expect(seen[0].headers).toMatchObject({ Authorization: "Bearer key", Accept: "text/event-stream" });
    expect(updates[0].progress).toEqual({ stage: "planning", done: 1, total: 2, message: "load_tools" });
  });

  it("falls back to polling the job when the stream is refused", async () => {
    let polls = 0;
    const fetcher = (async (url: string) => {
      if (url.endsWith("/events")) return new Response("nope", { status: 404 });
      polls++;
      return Response.json(job(polls < 2 ? "applying" : "succeeded"));
    }) as typeof fetch;
    const settled = await followJob(new ApiClient("http://s", "key", fetcher), "j", () => {});
    expect(settled.status).toBe("succeeded");
    expect(polls).toBe(2);
  });
});
