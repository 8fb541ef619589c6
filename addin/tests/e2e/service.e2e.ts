// End to end against the real service (src/Officina.Service, started here with dotnet run on
// a free 127.0.0.1 port, serving addin/dist at /addin/): the standalone page from file pick
// to download through POST /plans/apply, the task pane in Excel (Office.js stub) with a
// scripted model from request to in-place apply, and the service's web UI at / from file and
// instruction through progress, plan preview and a partial approval to the downloaded result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { artifacts, launch, openPane, pageErrors, snap, watchErrors } from "./browser";
import { finalAnswer, startScriptedModel, toolCall } from "./scripted-model";

const repo = resolve(__dirname, "../../..");
const project = join(repo, "src/Officina.Service");
const budget = join(repo, "tests/Assets/xlsx/simple-monthly-budget.xlsx");

let browser: Browser;
let service: ChildProcess | undefined;
let base = "";
let output = "";
let model: Awaited<ReturnType<typeof startScriptedModel>>;
const data = mkdtempSync(join(tmpdir(), "officina-e2e-"));

const freePort = () => new Promise<number>((resolvePort) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address() as { port: number }; s.close(() => resolvePort(port)); });
});

beforeAll(async () => {
  if (!existsSync(project)) throw new Error(`The service is missing (${project}); these tests need it.`);
  if (!existsSync(join(repo, "addin/dist/index.html"))) throw new Error("addin/dist is missing: run 'npm run build' in addin/ first.");
  model = await startScriptedModel();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const args = ["run", "--project", project, "-c", "Release", ...(process.env.OFFICINA_E2E_NO_BUILD ? ["--no-build"] : []), "--urls", base];
  service = spawn("dotnet", args, {
    cwd: repo, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env, Officina__DataPath: data, Officina__StepDelayMilliseconds: "150", Officina__WorkerCount: "2",
      OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "scripted", OFFICINA_MODEL: "qwen3:8b", DOTNET_NOLOGO: "1",
    },
  });
  service.stdout!.on("data", (c) => { output += c; });
  service.stderr!.on("data", (c) => { output += c; });
  const deadline = Date.now() + 280_000;
  for (;;) {
    if (service.exitCode !== null) throw new Error(`The service exited (${service.exitCode}):\n${output}`);
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`The service did not answer /healthz at ${base}:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (service?.pid && service.exitCode === null) {
    try { process.kill(-service.pid, "SIGTERM"); } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 1000));
    try { process.kill(-service.pid, "SIGKILL"); } catch { /* stopped */ }
  }
  await model?.close();
  rmSync(data, { recursive: true, force: true });
});

function zipEntry(file: string, entry: string): string {
  const run = spawnSync("python3", ["-c", "import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", file, entry], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe("against the real service", () => {
  it("serves the add-in at /addin/ with headers Office can frame", async () => {
    const response = await fetch(`${base}/addin/index.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Officina");
    expect(response.headers.get("x-frame-options") ?? "").not.toMatch(/deny|sameorigin/i);
    const csp = response.headers.get("content-security-policy") ?? "";
    if (csp) expect(csp).toContain("appsforoffice.microsoft.com");
    expect((await fetch(`${base}/addin/assets/icon-80.png`)).status).toBe(200);
  });

  it("standalone: picks a file and a saved plan, applies it with POST /plans/apply, downloads the result", async () => {
    const page = await openPane(browser, `${base}/addin/index.html`);
    expect(await page.textContent("#host-badge")).toBe("Standalone");
    await expect.poll(() => page.textContent("#server-status"), { timeout: 10_000 }).toContain("Connected");
    const plan = join(data, "plan.json");
    writeFileSync(plan, JSON.stringify({
      host: "excel", instruction: "Add a forecast", operations: [
        { op: "add_sheet", name: "Forecast" },
        { op: "set_values", range: "Forecast!A1:B2", values: [["Year", "Revenue"], [2026, 1200000]] },
        { op: "set_formulas", range: "Forecast!B3:B6", formula: "=B2*1.08" },
        { op: "format_range", range: "Forecast!A1:B1", bold: true, fill_color: "DDEBF7" },
      ],
    }));
    await page.setInputFiles("#document-file", budget);
    await page.click("#plan-file-box summary");
    await page.setInputFiles("#plan-file", plan);
    await page.click("#apply-plan-file");
    await page.waitForSelector("#result:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#changes")).toContain("Forecast");
    await snap(page, "service-standalone-result");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-result")]);
    const saved = join(artifacts, "service-standalone-result.xlsx");
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    expect(zipEntry(saved, "xl/workbook.xml")).toContain('name="Forecast"');
    expect(await page.textContent("#history-list")).toContain("Add a forecast");
    expect(pageErrors(page)).toEqual([]);
  });

  it("task pane in Excel: plan from a scripted model, preview, approve, live progress, in-place apply", async () => {
    model.enqueue(
      toolCall("load_tools", { names: ["set_values", "format_range"] }),
      toolCall("set_values", { range: "'Simple Monthly Budget'!H1:H2", values: [["Checked"], ["yes"]] }),
      toolCall("format_range", { range: "'Simple Monthly Budget'!H1", bold: true }),
      finalAnswer("Added a checked column."),
    );
    const page = await openPane(browser, `${base}/addin/index.html`, {
      host: "Excel", documentBase64: readFileSync(budget).toString("base64"), url: "https://contoso.example/simple-monthly-budget.xlsx",
    });
    // Record every stage the pane shows while it follows the job's event stream.
    await page.evaluate(() => {
      const w = window as unknown as { __stages: string[] };
      w.__stages = [];
      const stage = document.getElementById("progress-stage")!, message = document.getElementById("progress-message")!;
      const record = () => w.__stages.push(`${stage.textContent} | ${message.textContent}`);
      for (const node of [stage, message]) new MutationObserver(record).observe(node, { childList: true, characterData: true, subtree: true });
    });
    const streams: string[] = [];
    page.on("request", (r) => { if (r.url().endsWith("/events")) streams.push(r.url()); });
    await page.fill("#instruction", "Add a bold 'Checked' column in H");
    await page.click("#run");
    await page.waitForSelector("#plan:not([hidden])", { timeout: 90_000 });
    const items = await page.locator("#plan-list li .op-name").allTextContents();
    expect(items).toEqual(["set_values", "format_range"]);
    await snap(page, "service-pane-plan");
    await page.click("#approve");
    await page.waitForSelector("#result:not([hidden])", { timeout: 90_000 });
    await expect.poll(() => page.textContent("#host-message")).toContain("Applied 2 change(s) in place");
    await snap(page, "service-pane-result");
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: unknown[][] }).__officeCalls);
    expect(calls).toContainEqual(["set", 'workbook.worksheets.getItem("Simple Monthly Budget").getRange("H1:H2").values', [["Checked"], ["yes"]]]);
    expect(calls).toContainEqual(["set", 'workbook.worksheets.getItem("Simple Monthly Budget").getRange("H1").format.font.bold', true]);
    expect(model.requests.length).toBeGreaterThanOrEqual(3);
    expect(streams.length).toBeGreaterThanOrEqual(2); // one stream for planning, one after approval
    const stages = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    // Live progress from the stream: the verifying stage and the service's own messages showed up.
    expect(stages.some((s) => s.startsWith("Checking the result |")), stages.join("\n")).toBe(true);
    expect(stages.some((s) => /\| \S/.test(s) && !s.startsWith("Waiting")), stages.join("\n")).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("the web UI at /", () => {
  // The page a new user opens at http://127.0.0.1:5170 after the README's run command.
  async function openWebUi(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    watchErrors(page);
    await page.goto(`${base}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
    return page;
  }

  it("submits a workbook and an instruction, shows progress, previews the plan, applies the ticked operations, downloads", async () => {
    model.enqueue(
      toolCall("load_tools", { names: ["set_values"] }),
      toolCall("set_values", { range: "'Simple Monthly Budget'!H1:H2", values: [["Checked"], ["yes"]] }),
      toolCall("set_values", { range: "'Simple Monthly Budget'!J1", values: [["Reviewer"]] }),
      finalAnswer("Added a checked column and a reviewer heading."),
    );
    const page = await openWebUi();
    expect(await page.title()).toBe("Officina");
    // Record every status and progress message the page shows while it follows the job.
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const status = document.getElementById("status")!, message = document.getElementById("message")!;
      const record = () => w.__seen.push(`${status.textContent} | ${message.textContent}`);
      for (const node of [status, message]) new MutationObserver(record).observe(node, { childList: true, characterData: true, subtree: true });
    });

    await page.setInputFiles("#file", budget);
    await page.fill("#instruction", "Add a 'Checked' column in H and a 'Reviewer' heading in J1");
    await page.selectOption("#mode", "preview");
    await page.click("#submit button[type=submit]");

    // The plan preview lists the model's two operations, each with a box, all ticked.
    await page.waitForSelector("#preview:not([hidden])", { timeout: 90_000 });
    const operations = page.locator("#operations li");
    await expect.poll(() => operations.count(), { timeout: 10_000 }).toBe(2);
    const texts = await operations.allTextContents();
    expect(texts[0]).toContain("set_values");
    expect(texts[0]).toContain("H1:H2");
    expect(texts[1]).toContain("J1");
    expect(texts[1]).toContain("Reviewer");
    expect(await page.locator("#operations input[type=checkbox]:checked").count()).toBe(2);
    expect(await page.textContent("#status")).toMatch(/approv/i);
    await snap(page, "webui-preview");

    // Untick the reviewer heading (by its label, as a user would) and approve the rest.
    await operations.nth(1).locator("label").click();
    expect(await operations.nth(1).locator("input[type=checkbox]").isChecked()).toBe(false);
    expect(await operations.nth(0).locator("input[type=checkbox]").isChecked()).toBe(true);
    expect(await page.textContent("#selection")).toContain("1 of 2");
    await snap(page, "webui-preview-subset");
    await page.click("#approve");
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#status")).toMatch(/succeeded|done|applied/i);
    const changes = await page.locator("#changes li").allTextContents();
    expect(changes.join("\n")).toContain("H1:H2");
    expect(changes.join("\n")).not.toContain("J1");
    expect(await page.isVisible("#preview")).toBe(false);
    expect(await page.isVisible("#error")).toBe(false);
    await snap(page, "webui-finished");

    // Progress was shown while the job planned and while it applied the approved plan.
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((s) => /^Planning \| \S/.test(s)), seen.join("\n")).toBe(true);
    expect(seen.some((s) => /^Checking the result \| \S/.test(s)), seen.join("\n")).toBe(true);

    // The download holds the approved change and not the unticked one.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("simple-monthly-budget-officina.xlsx");
    const saved = join(artifacts, "webui-result.xlsx");
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    const sheet = zipEntry(saved, "xl/worksheets/sheet1.xml") + zipEntry(saved, "xl/sharedStrings.xml");
    expect(sheet).toContain("Checked");
    expect(sheet).not.toContain("Reviewer");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("says clearly what is wrong when the instruction is missing or the file is not an Office document", async () => {
    const page = await openWebUi();
    await page.setInputFiles("#file", budget);
    await page.click("#submit button[type=submit]");
    await page.waitForSelector("#form-error:not([hidden])", { timeout: 15_000 });
    expect(await page.textContent("#form-error")).toMatch(/instruction is required/i);
    expect(await page.isVisible("#job")).toBe(false);
    await snap(page, "webui-error-instruction");

    await page.setInputFiles("#file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a workbook\n") });
    await page.fill("#instruction", "Add a total row");
    await page.click("#submit button[type=submit]");
    await expect.poll(() => page.textContent("#form-error"), { timeout: 15_000 }).toContain("notes.txt");
    expect(await page.isVisible("#form-error")).toBe(true);
    const message = (await page.textContent("#form-error"))!;
    expect(message).toContain("not an Office document");
    expect(message.split("not an Office document").length - 1, message).toBe(1); // said once, not repeated
    expect(await page.isVisible("#job")).toBe(false);
    await snap(page, "webui-error-file");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
