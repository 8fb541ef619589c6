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
const divByZero = join(repo, "tests/Assets/xlsx/div-by-zero.xlsx");
const deck = join(repo, "tests/Assets/pptx/libreoffice-features.pptx"); // 5 slides
const invoice = join(repo, "templates/invoice");

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

function zipNames(file: string): string[] {
  const run = spawnSync("python3", ["-c", "import sys,zipfile;print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim().split("\n");
}

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
  it("task pane in Excel: 'Check this document' lists the #DIV/0! at Budget!B3 and selects it, writing nothing", async () => {
    const page = await openPane(browser, `${base}/addin/index.html`, {
      host: "Excel", documentBase64: readFileSync(divByZero).toString("base64"), url: "https://contoso.example/div-by-zero.xlsx",
    });
    await expect.poll(() => page.textContent("#server-status"), { timeout: 10_000 }).toContain("Connected");
    const streams: string[] = [];
    page.on("request", (r) => { if (r.url().endsWith("/events")) streams.push(r.url()); });
    await page.getByRole("button", { name: "Check this document" }).click();
    await page.waitForSelector("#check-result:not([hidden])", { timeout: 90_000 });
    expect(streams).toHaveLength(1);
    const findings = page.locator("#check-findings li.finding");
    const divide = findings.filter({ hasText: "#DIV/0!" });
    expect(await divide.count(), (await findings.allTextContents()).join("\n")).toBe(1);
    expect(await divide.locator(".sev").textContent()).toBe("Error");
    expect(await divide.locator(".location").textContent()).toBe("Budget!B3");
    expect(await divide.locator(".message").textContent()).toMatch(/^#DIV\/0! from =B1\/B2/);
    expect(await page.textContent("#check-summary")).toMatch(/^\d+ findings?: 1 error/);
    expect(await page.isVisible("#error")).toBe(false);
    expect(await page.isVisible("#result")).toBe(false);
    await snap(page, "service-pane-check");

    type Calls = { __officeCalls: unknown[][] };
    const before = await page.evaluate(() => (window as unknown as Calls).__officeCalls.length);
    await divide.getByRole("button", { name: "Budget!B3" }).click();
    // The stub records every call on the way (getItem, getRange) and then the ones that act.
    const after = () => page.evaluate((n) => (window as unknown as Calls).__officeCalls.slice(n), before);
    await expect.poll(async () => (await after()).at(-1)).toEqual(["sync"]);
    const acted = (await after()).filter((c) => c[0] !== "call" || /\.(activate|select)\(\)$/.test(String(c[1])));
    expect(acted).toEqual([
      ["call", 'workbook.worksheets.getItem("Budget").activate()'],
      ["call", 'workbook.worksheets.getItem("Budget").getRange("B3").select()'],
      ["sync"],
    ]);
    const calls = await page.evaluate(() => (window as unknown as Calls).__officeCalls);
    expect(calls[0]).toEqual(["getFileAsync", "compressed", 4194304]);
    expect(calls.filter((c) => c[0] === "set")).toEqual([]); // the check wrote nothing to the workbook
    expect(pageErrors(page)).toEqual([]);
  });

  it("standalone: 'Check this document' checks the picked file, and names a file that is not an Office document once", async () => {
    const page = await openPane(browser, `${base}/addin/index.html`);
    await page.click("#check");
    expect(await page.textContent("#error")).toBe("Open a file to check first (Document, above).");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("document-file");

    await page.setInputFiles("#document-file", { name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a workbook\n") });
    await page.click("#check");
    await expect.poll(() => page.textContent("#error"), { timeout: 15_000 }).toContain("notes.xlsx");
    const message = (await page.textContent("#error"))!;
    expect(message.split("not an Office document").length - 1, message).toBe(1);
    expect(await page.isVisible("#progress")).toBe(false);
    await snap(page, "service-standalone-check-error");

    await page.setInputFiles("#document-file", divByZero);
    await page.click("#check");
    await page.waitForSelector("#check-result:not([hidden])", { timeout: 90_000 });
    expect(await page.isVisible("#error")).toBe(false);
    const divide = page.locator("#check-findings li.finding", { hasText: "#DIV/0!" });
    expect(await divide.locator(".location").textContent()).toBe("Budget!B3");
    expect(await divide.locator("button").count()).toBe(0); // no workbook open to select in
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
    // In words, with each operation's name and target beneath, not as JSON.
    expect(await page.locator("#operations .op-title").allTextContents()).toEqual([
      "Write “Checked”, “yes” to 'Simple Monthly Budget'!H1:H2", "Write “Reviewer” to 'Simple Monthly Budget'!J1"]);
    expect(await page.locator("#operations .op-target").allTextContents()).toEqual(["'Simple Monthly Budget'!H1:H2", "'Simple Monthly Budget'!J1"]);
    expect(texts.join("\n")).not.toMatch(/[{}[\]]|"values"/);
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

  it("warns before approving when a ticked operation needs an unticked one, and shows the service's refusal once", async () => {
    model.enqueue(
      toolCall("load_tools", { names: ["add_sheet", "set_values"] }),
      toolCall("add_sheet", { name: "Review" }),
      toolCall("set_values", { range: "'Review'!A1", values: [["Checked"]] }),
      finalAnswer("Added a Review sheet."),
    );
    const page = await openWebUi();
    await page.setInputFiles("#file", budget);
    await page.fill("#instruction", "Add a Review sheet saying Checked");
    await page.selectOption("#mode", "preview");
    await page.click("#submit button[type=submit]");
    await page.waitForSelector("#preview:not([hidden])", { timeout: 90_000 });
    const operations = page.locator("#operations li");
    await expect.poll(() => operations.count(), { timeout: 10_000 }).toBe(2);
    expect(await page.isVisible("#unmet")).toBe(false);

    // Unticking the new sheet warns at once that the write to it needs it.
    await operations.nth(0).locator("label").click();
    expect(await page.isVisible("#unmet")).toBe(true);
    expect(await page.textContent("#unmet")).toContain("Operation 1 (set_values) needs operation 0 (add_sheet), which is unticked.");
    await snap(page, "webui-preview-unmet");

    // Approving anyway: the service refuses, the page says so once, and the job still waits.
    await page.click("#approve");
    await page.waitForSelector("#error:not([hidden])", { timeout: 15_000 });
    const refusal = (await page.textContent("#error"))!;
    expect(refusal).toContain("operation 1 (set_values on 'Review'!A1) needs operation 0 (add_sheet 'Review'), which is not approved.");
    expect(refusal.split("needs operation 0").length - 1, refusal).toBe(1);
    expect(await page.textContent("#status")).toMatch(/approv/i);

    // Ticked again, the warning goes and the approval goes through.
    await operations.nth(0).locator("label").click();
    expect(await page.isVisible("#unmet")).toBe(false);
    await page.click("#approve");
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    expect((await page.locator("#changes li").allTextContents()).join("\n")).toContain("add_sheet");
    expect(await page.isVisible("#error")).toBe(false);
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

  // Records every "status | message" pair the job panel shows, for asserting on live progress afterwards.
  async function recordStatus(page: Page) {
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const status = document.getElementById("status")!, message = document.getElementById("message")!;
      const record = () => w.__seen.push(`${status.textContent} | ${message.textContent}`);
      for (const node of [status, message]) new MutationObserver(record).observe(node, { childList: true, characterData: true, subtree: true });
    });
  }
  const seenOn = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  const visible = (page: Page, selector: string) => page.isVisible(selector);

  async function downloadResult(page: Page, saveAs: string) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const saved = join(artifacts, saveAs);
    await download.saveAs(saved);
    return { name: download.suggestedFilename(), saved };
  }

  it("offers a clear choice of task and shows only the fields each task needs", async () => {
    const page = await openWebUi();
    const tasks = await page.locator("fieldset.tasks label").allTextContents();
    expect(tasks).toEqual(["Change with an instruction", "Apply a plan", "Check (verify)", "Render to PDF/PNG", "Report batch"]);
    expect(await visible(page, "#instruction")).toBe(true);
    expect(await page.textContent("#submit-button")).toBe("Start");
    await snap(page, "webui-task-instruction");

    await page.getByRole("radio", { name: "Render to PDF/PNG" }).check();
    expect(await visible(page, "#instruction")).toBe(false);
    expect(await visible(page, "#file")).toBe(true);
    expect(await visible(page, "#pages")).toBe(true);
    expect(await page.getByRole("radio", { name: "PDF", exact: true }).isChecked()).toBe(true);
    expect(await visible(page, "#dpi")).toBe(false); // only for PNG
    await page.getByRole("radio", { name: "PNG images" }).check();
    expect(await page.inputValue("#dpi")).toBe("96");
    expect(await page.textContent("#submit-button")).toBe("Render");
    await snap(page, "webui-task-render");

    await page.getByRole("radio", { name: "Report batch" }).check();
    for (const id of ["#template", "#data", "#plan-template", "#name", "#missing"]) expect(await visible(page, id), id).toBe(true);
    expect(await visible(page, "#file")).toBe(false);
    expect(await page.inputValue("#missing")).toBe("fail");
    await snap(page, "webui-task-batch");

    // A missing file is named before anything is sent, and the task's other fields keep their values.
    await page.getByRole("radio", { name: "Check (verify)" }).check();
    await page.click("#submit-button");
    expect(await page.textContent("#form-error")).toMatch(/^Document: choose the document to check/);
    expect(await page.getAttribute("#file", "aria-invalid")).toBe("true");
    expect(await visible(page, "#job")).toBe(false);
    await page.setViewportSize({ width: 420, height: 900 }); // a phone: the chooser wraps, nothing is cut off
    await snap(page, "webui-task-narrow");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("checks a workbook: the #DIV/0! finding is listed with its cell, and the checked workbook downloads", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Check (verify)" }).check();
    await page.setInputFiles("#file", divByZero);
    await page.click("#submit-button");
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#job-title")).toBe("Check");
    expect(await page.textContent("#status")).toBe("Done");
    const findings = page.locator("#findings li");
    expect(await findings.count()).toBeGreaterThanOrEqual(1);
    const divide = findings.filter({ hasText: "#DIV/0!" });
    expect(await divide.count(), (await findings.allTextContents()).join("\n")).toBe(1);
    expect(await divide.locator(".severity").textContent()).toBe("Error");
    expect(await divide.locator(".location").textContent()).toBe("Budget!B3");
    expect(await page.textContent("#findings-summary")).toMatch(/^1 error/);
    await snap(page, "webui-verify");

    await expect.poll(() => page.textContent("#download")).toContain("div-by-zero-verified.xlsx");
    const { name, saved } = await downloadResult(page, "webui-verified.xlsx");
    expect(name).toBe("div-by-zero-verified.xlsx");
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    expect(await visible(page, "#render-result")).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("renders slide 2 of a deck as a PNG shown on the page, and the whole deck as a PDF", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Render to PDF/PNG" }).check();
    await page.setInputFiles("#file", deck);
    await page.getByRole("radio", { name: "PNG images" }).check();
    await page.fill("#pages", "2");
    await recordStatus(page);
    await page.click("#submit-button");
    await page.waitForSelector("#image-box:not([hidden])", { timeout: 90_000 });
    await expect.poll(() => page.evaluate(() => (document.getElementById("image") as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    const size = await page.evaluate(() => { const i = document.getElementById("image") as HTMLImageElement; return [i.naturalWidth, i.naturalHeight]; });
    expect(size[1]).toBeGreaterThan(0);
    expect(await page.getAttribute("#image", "src")).toMatch(/^blob:/);
    await expect.poll(() => page.textContent("#image-caption")).toContain("libreoffice-features-page-2.png");
    expect(await page.textContent("#image-caption")).toContain(`${size[0]} × ${size[1]} px`);
    expect(await page.textContent("#file-name")).toContain("PNG, page(s) 2, 96 dpi");
    expect((await seenOn(page)).some((s) => s.startsWith("Rendering")), (await seenOn(page)).join("\n")).toBe(true);
    expect(await visible(page, "#render-result")).toBe(false); // a render job's result is not rendered again
    await snap(page, "webui-render-png");
    const png = await downloadResult(page, "webui-slide-2.png");
    expect(png.name).toBe("libreoffice-features-page-2.png");
    expect(readFileSync(png.saved).subarray(1, 4).toString()).toBe("PNG");

    // The same document as a PDF of every page: the form kept the file, only format and pages change.
    await page.getByRole("radio", { name: "PDF", exact: true }).check();
    await page.fill("#pages", "");
    const pngJob = await page.textContent("#job-id");
    await page.click("#submit-button");
    await expect.poll(() => page.textContent("#job-id"), { timeout: 15_000 }).not.toBe(pngJob);
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    expect(await visible(page, "#image-box")).toBe(false);
    const pdf = await downloadResult(page, "webui-deck.pdf");
    expect(pdf.name).toBe("libreoffice-features.pdf");
    expect(readFileSync(pdf.saved).subarray(0, 4).toString()).toBe("%PDF");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("applies a plan, then renders the result as PDF and PNG beside the change, which keeps its download and findings", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Apply a plan" }).check();
    await page.setInputFiles("#file", budget);
    await page.fill("#plan", JSON.stringify({
      host: "excel", instruction: "Add a forecast sheet", operations: [
        { op: "add_sheet", name: "Forecast" },
        { op: "set_values", range: "Forecast!A1:B2", values: [["Year", "Revenue"], [2026, 1200000]] },
      ],
    }));
    await page.click("#submit-button");
    await page.waitForSelector("#render-result:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#changes")).toContain("Forecast!A1:B2");
    const planJob = await page.textContent("#job-id");
    await page.click("#render-result");
    const pdfRender = page.locator("#renders li.render", { hasText: "PDF of the result" });
    await expect.poll(() => pdfRender.locator(".status").textContent(), { timeout: 90_000 }).toBe("Done");
    await expect.poll(() => pdfRender.locator(".render-download").textContent()).toContain("simple-monthly-budget-officina.pdf");

    // The change stays: same job, its changes, findings and download are all still there.
    expect(await page.textContent("#job-title")).toBe("Plan");
    expect(await page.textContent("#job-id")).toBe(planJob);
    expect(await page.textContent("#changes")).toContain("Forecast!A1:B2");
    expect(await visible(page, "#findings-box")).toBe(true);
    expect(await page.textContent("#download")).toContain("simple-monthly-budget-officina.xlsx");

    await page.click("#render-png");
    const pngRender = page.locator("#renders li.render", { hasText: "PNG of page 1" });
    await expect.poll(() => pngRender.locator(".status").textContent(), { timeout: 90_000 }).toBe("Done");
    await expect.poll(() => pngRender.locator("img").evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator("#renders li.render").count()).toBe(2);
    expect(await page.textContent("#job-id")).toBe(planJob);
    await snap(page, "webui-render-result");

    const [pdfDownload] = await Promise.all([page.waitForEvent("download"), pdfRender.locator(".render-download").click()]);
    expect(pdfDownload.suggestedFilename()).toBe("simple-monthly-budget-officina.pdf");
    const pdf = join(artifacts, "webui-plan-result.pdf");
    await pdfDownload.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe("%PDF");
    const xlsx = await downloadResult(page, "webui-plan-result.xlsx");
    expect(xlsx.name).toBe("simple-monthly-budget-officina.xlsx");
    expect(zipEntry(xlsx.saved, "xl/workbook.xml")).toContain('name="Forecast"');

    // After a reload the job comes back with its renders listed beside it.
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
    expect(await page.textContent("#job-id")).toBe(planJob);
    await expect.poll(() => page.locator("#renders li.render").count(), { timeout: 10_000 }).toBe(2);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("generates a report batch: live progress, a summary of 3 ok, and a zip named by invoice number", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Report batch" }).check();
    await page.setInputFiles("#template", join(invoice, "invoice.docx"));
    await page.setInputFiles("#data", join(invoice, "data.json"));
    await page.setInputFiles("#plan-template", join(invoice, "plan.json"));
    await page.fill("#name", "{{invoice_number}}");
    await recordStatus(page);
    await page.click("#submit-button");
    await page.waitForSelector("#batch-box:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#job-title")).toBe("Report batch");
    expect(await page.textContent("#status")).toBe("Done");
    expect(await page.textContent("#batch-total")).toBe("3 documents written from 3 records.");
    const counts = await page.locator("#batch-counts li").allTextContents();
    expect(counts).toEqual(["3 ok", "0 with verification errors", "0 failed"]);
    expect(await visible(page, "#failures-box")).toBe(false);
    expect(await page.textContent("#file-name")).toContain("data.json, 3 record(s), with a plan template");
    const seen = await seenOn(page);
    expect(seen.some((s) => s.startsWith("Generating")), seen.join("\n")).toBe(true);
    expect(await page.evaluate(() => { const b = document.getElementById("bar") as HTMLProgressElement; return [b.value, b.max]; })).toEqual([3, 3]);
    await snap(page, "webui-batch");

    const { name, saved } = await downloadResult(page, "webui-invoices.zip");
    expect(name).toBe("invoice-reports.zip");
    expect(zipNames(saved)).toEqual(expect.arrayContaining(["INV-2026-0141.docx", "INV-2026-0142.docx", "summary.json"]));
    expect(await page.textContent("#original")).toBe("Download template");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("names the data file when a report batch's data is not JSON, and keeps the form as it was", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Report batch" }).check();
    await page.setInputFiles("#template", join(invoice, "invoice.docx"));
    await page.setInputFiles("#data", { name: "records.json", mimeType: "application/json", buffer: Buffer.from("{ invoices: [ not json") });
    await page.fill("#name", "{{invoice_number}}");
    await page.click("#submit-button");
    await page.waitForSelector("#form-error:not([hidden])", { timeout: 15_000 });
    const message = (await page.textContent("#form-error"))!;
    expect(message).toMatch(/^Data: /);
    expect(message).toMatch(/json/i);
    expect(message.split("\n").length, message).toBe(1); // said once
    expect(await page.getAttribute("#data", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#template", "aria-invalid")).toBeNull();
    expect(await visible(page, "#job")).toBe(false);
    // Nothing was lost: the task, both files and the name pattern are as the user left them.
    expect(await page.getByRole("radio", { name: "Report batch" }).isChecked()).toBe(true);
    expect(await page.evaluate(() => [(document.getElementById("template") as HTMLInputElement).files!.length, (document.getElementById("data") as HTMLInputElement).files!.length])).toEqual([1, 1]);
    expect(await page.inputValue("#name")).toBe("{{invoice_number}}");
    await snap(page, "webui-batch-bad-data");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("lists recent jobs that survive a reload: the shown job reopens, each one opens from the list and downloads", async () => {
    const page = await openWebUi();
    await page.getByRole("radio", { name: "Check (verify)" }).check();
    await page.setInputFiles("#file", divByZero);
    await page.click("#submit-button");
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    const checkJob = (await page.textContent("#job-id"))!;
    const entry = page.locator(`#jobs li[data-id="${checkJob}"]`);
    await expect.poll(() => entry.locator(".status").textContent(), { timeout: 15_000 }).toBe("Done");
    expect(await entry.locator(".job-kind").textContent()).toBe("Check");
    expect(await entry.locator(".job-about").textContent()).toBe("div-by-zero.xlsx");
    expect(await entry.getAttribute("aria-current")).toBe("true");

    // A reload brings the same job back into the panel, and the list is the service's, not the page's.
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
    expect(await visible(page, "#job")).toBe(true);
    expect(await page.textContent("#job-id")).toBe(checkJob);
    expect(await page.textContent("#findings-summary")).toMatch(/^1 error/);
    expect(await entry.locator(".job-when").textContent()).toMatch(/just now|min ago/);
    await snap(page, "webui-jobs-after-reload");

    // Another browser (no session) sees the same list; a job opens from it, and its result downloads from the list.
    const other = await openWebUi();
    expect(await visible(other, "#job")).toBe(false);
    const listed = other.locator(`#jobs li[data-id="${checkJob}"]`);
    expect(await listed.count()).toBe(1);
    const [download] = await Promise.all([other.waitForEvent("download"), listed.locator(".job-download").click()]);
    expect(download.suggestedFilename()).toBe("div-by-zero-verified.xlsx");
    const saved = join(artifacts, "webui-list-download.xlsx");
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    await listed.locator(".job-open").click();
    await expect.poll(() => other.textContent("#job-id")).toBe(checkJob);
    expect(await other.textContent("#job-title")).toBe("Check");
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(other)).toEqual([]);
    await other.context().close();
    await page.context().close();
  });

  it("sends the chosen source files with an instruction (listed with sizes, one removed first); the job imports the one asked for", async () => {
    // The model imports one source and tries the removed one: that one must not have reached the job.
    model.enqueue(
      toolCall("load_tools", { names: ["import_csv"] }),
      toolCall("import_csv", { source: "regional-sales.csv", destination: "Sales!A1", has_header: true, delimiter: null }),
      toolCall("import_csv", { source: "old-notes.csv", destination: "Notes!A1", has_header: true, delimiter: null }),
      finalAnswer("Imported the regional sales."),
    );
    const before = model.requests.length;
    const page = await openWebUi();
    await page.setInputFiles("#file", budget);
    await page.fill("#instruction", "Import regional-sales.csv into a new Sales sheet");
    await page.setInputFiles("#sources", [
      { name: "regional-sales.csv", mimeType: "text/csv", buffer: Buffer.from("region,revenue\nNorth,7731\nSouth,4410\n") },
      { name: "old-notes.csv", mimeType: "text/csv", buffer: Buffer.from("note\nSTALE-NOTE-5519\n") },
    ]);
    await page.setInputFiles("#sources", [{ name: "targets.json", mimeType: "application/json", buffer: Buffer.from('[{"region":"North","target":8800}]') }]);
    const names = () => page.locator("#sources-list .file-name").allTextContents();
    expect(await names()).toEqual(["regional-sales.csv", "old-notes.csv", "targets.json"]);
    expect(await page.locator("#sources-list .file-size").allTextContents()).toEqual(["1 KB", "1 KB", "1 KB"]);
    expect(await page.textContent("#sources-list .files-total")).toBe("3 files, 1 KB in all");
    await snap(page, "webui-sources");
    await page.getByRole("button", { name: "Remove old-notes.csv" }).click();
    expect(await names()).toEqual(["regional-sales.csv", "targets.json"]);

    await page.click("#submit-button");
    await page.waitForSelector("#preview:not([hidden])", { timeout: 90_000 });
    expect(await page.locator("#operations .op-title").allTextContents()).toEqual(["Import regional-sales.csv into Sales!A1"]);
    await snap(page, "webui-sources-preview");
    // The model was told the removed file is not there.
    const replies = model.requests.slice(before).flatMap((r) => (r.body as { messages: Array<{ role: string; content: string | null }> }).messages)
      .filter((m) => m.role === "tool").map((m) => String(m.content));
    expect(replies.some((c) => c.includes("old-notes.csv") && !c.startsWith("OK")), replies.join("\n")).toBe(true);
    await page.click("#approve");
    await page.waitForSelector("#download:not([hidden])", { timeout: 90_000 });
    const { saved } = await downloadResult(page, "webui-sources.xlsx");
    expect(zipEntry(saved, "xl/workbook.xml")).toContain('name="Sales"');
    const text = zipNames(saved).filter((n) => /sheet\d+\.xml$|sharedStrings/.test(n)).map((n) => zipEntry(saved, n)).join("");
    expect(text).toContain("South");
    expect(text).toContain("4410");
    expect(text).not.toContain("STALE-NOTE-5519");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("schedules a report batch: names the bad field once, creates, lists it in words, runs it now, deletes after confirming", async () => {
    const page = await openWebUi();
    await page.getByRole("link", { name: "Schedules" }).click();
    await page.waitForSelector("#schedule-form:not([hidden])");
    expect(await visible(page, "#submit")).toBe(false);
    await page.fill("#s-schedule-name", "E2E monthly invoices");
    await page.setInputFiles("#s-template", join(invoice, "invoice.docx"));
    await page.setInputFiles("#s-data", join(invoice, "data.json"));
    await page.setInputFiles("#s-plan", join(invoice, "plan.json"));
    await page.fill("#s-name", "{{invoice_number}}");
    await page.selectOption("#s-repeat", "monthly");
    await page.fill("#s-time", "07:00");
    await page.fill("#s-time-zone", "Europe/Berlin");
    await page.fill("#s-cron", "0 25 1 * *"); // hour 25: the service refuses it
    expect(await page.inputValue("#s-repeat")).toBe("custom");
    await page.click("#schedule-create");
    await page.waitForSelector("#schedule-error:not([hidden])", { timeout: 15_000 });
    const message = (await page.textContent("#schedule-error"))!;
    expect(message).toMatch(/^Cron expression: /);
    expect(message.split("\n").length, message).toBe(1);
    expect(await page.getAttribute("#s-cron", "aria-invalid")).toBe("true");
    expect(await page.locator("#s-cron").locator("xpath=ancestor::div[contains(@class,'field')][1]").locator("#schedule-error").count()).toBe(1);
    await snap(page, "webui-schedule-error");

    await page.selectOption("#s-repeat", "monthly");
    expect(await page.inputValue("#s-cron")).toBe("0 7 1 * *");
    expect(await page.textContent("#s-when")).toBe("Runs on the 1st of every month at 07:00, Europe/Berlin time.");
    await page.click("#schedule-create");
    const card = page.locator("#schedules li.schedule", { hasText: "E2E monthly invoices" });
    await card.waitFor({ timeout: 15_000 });
    expect(await visible(page, "#schedule-error")).toBe(false);
    expect(await card.locator(".schedule-when").textContent()).toContain("On the 1st of every month at 07:00 (Europe/Berlin)");
    expect(await card.locator(".schedule-next").textContent()).toMatch(/^Next run (in \d+ (days?|hours?|minutes?)|tomorrow): .*07:00.*\(Europe\/Berlin/);
    expect(await card.locator(".schedule-does").textContent()).toContain("Fills invoice.docx from data.json (3 records), with a plan template");
    expect(await page.textContent("#schedules-note")).toContain("Created “E2E monthly invoices”");

    // Run now: the batch job is followed in the job panel, and the schedule lists the run.
    await card.getByRole("button", { name: "Run now" }).click();
    await page.waitForSelector("#batch-box:not([hidden])", { timeout: 90_000 });
    expect(await page.textContent("#job-title")).toBe("Report batch");
    expect(await page.textContent("#status")).toBe("Done");
    expect(await page.textContent("#batch-total")).toBe("3 documents written from 3 records.");
    const runJob = (await page.textContent("#job-id"))!;
    await expect.poll(() => card.locator(".schedule-runs").textContent(), { timeout: 15_000 }).toMatch(/^Last runs: Done, (just now|\d+ min ago)$/);
    await expect.poll(() => page.locator(`#jobs li[data-id="${runJob}"] .job-kind`).textContent(), { timeout: 15_000 }).toBe("Report batch");
    await snap(page, "webui-schedules");
    const { name } = await downloadResult(page, "webui-schedule-run.zip");
    expect(name).toBe("invoice-reports.zip");
    const listed = await (await fetch(`${base}/api/v1/schedules`)).json() as { items: Array<{ id: string; name: string; last_runs: string[] }> };
    const created = listed.items.find((s) => s.name === "E2E monthly invoices")!;
    expect(created.last_runs).toEqual([runJob]);

    // Delete asks first; "Keep it" keeps it, "Delete schedule" removes it.
    await card.getByRole("button", { name: "Delete…" }).click();
    expect(await card.locator(".confirm").textContent()).toContain("Delete “E2E monthly invoices”?");
    await snap(page, "webui-schedule-delete");
    await card.getByRole("button", { name: "Keep it" }).click();
    expect(await visible(page, "#schedules li.schedule .confirm")).toBe(false);
    await card.getByRole("button", { name: "Delete…" }).click();
    await card.getByRole("button", { name: "Delete schedule" }).click();
    await expect.poll(() => page.locator("#schedules li.schedule", { hasText: "E2E monthly invoices" }).count(), { timeout: 15_000 }).toBe(0);
    expect(await page.textContent("#schedules-note")).toBe("Deleted “E2E monthly invoices”.");
    expect((await fetch(`${base}/api/v1/schedules/${created.id}`)).status).toBe(404);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
