// An OpenAI-compatible chat-completions server on 127.0.0.1 that plays back queued answers,
// so the real service plans with a "model" in browser tests without calling OpenAI.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";

export const toolCall = (name: string, args: unknown) => ({
  choices: [{
    index: 0, finish_reason: "tool_calls",
    message: { role: "assistant", content: null, tool_calls: [{ id: `call_${randomUUID().replace(/-/g, "")}`, type: "function", function: { name, arguments: JSON.stringify(args) } }] },
  }],
  usage: { prompt_tokens: 900, completion_tokens: 40 },
});

export const finalAnswer = (text: string) => ({
  choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: text } }],
  usage: { prompt_tokens: 1200, completion_tokens: 12 },
});

export async function startScriptedModel() {
  const queue: unknown[] = [];
  const requests: Array<{ path: string; body: unknown }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      requests.push({ path: req.url ?? "", body: body ? JSON.parse(body) : null });
      const reply = queue.shift() ?? finalAnswer("Done.");
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies: unknown[]) => { queue.push(...replies); },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
