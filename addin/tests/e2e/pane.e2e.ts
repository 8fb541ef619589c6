// The task pane in headless Chromium against a scripted API (no service needed): the
// Excel pane with an Office.js stub from request to in-place apply, and the standalone page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openPane, pageErrors, snap } from "./browser";
import { fakeApi } from "./fake-api";
import { serveDist } from "./serve";

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  site = await serveDist();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("task pane in Excel (Office.js stub, scripted API)", () => {
  it("plans, lets the user drop an operation, applies the rest in place and shows findings and usage", async () => {
    const page = await openPane(browser, `${site.url}/addin/index.html`, {
      host: "Excel", documentBase64: Buffer.from("PK\u0003\u0004 workbook bytes").toString("base64"), url: "https://contoso.sharepoint.com/Budget.xlsx",
    });
    const sent = await fakeApi(page);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.textContent("#host-badge")).toBe("Excel");
    await expect.poll(() => page.textContent("#server-status")).toContain("Connected");
    await snap(page, "pane-excel-start");

    await page.fill("#instruction", "Add a 2027 forecast sheet growing revenue 8% a year");
    await page.selectOption("#effort", "low");
    await page.click("#run");
    await page.waitForSelector("#plan:not([hidden])");
    expect(await page.locator("#plan-list li").count()).toBe(5);
    expect(await page.textContent("#plan-list")).toContain("Fill Forecast!B3:B6 with the formula =B2*1.08");
    await page.uncheck("#op-4");
    expect(await page.textContent("#approve")).toBe("Apply 4 of 5");
    await snap(page, "pane-excel-plan");

    await page.click("#approve");
    await page.waitForSelector("#result:not([hidden])");
    await expect.poll(() => page.textContent("#host-message")).toContain("Applied 4 change(s) in place");
    expect(await page.textContent("#findings")).toContain("Forecast!B12: #DIV/0! from =B10/B11");
    expect(await page.textContent("#usage")).toContain("$0.0123");
    await snap(page, "pane-excel-result");

    const upload = sent.find((s) => s.path === "/api/v1/jobs");
    expect(upload?.body).toContain('name="mode"\r\n\r\npreview');
    expect(upload?.body).toContain('filename="Budget.xlsx"');
    expect(sent.find((s) => s.path.endsWith("/approve"))?.body).toBe('{"operations":[0,1,2,3]}');
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: unknown[][] }).__officeCalls);
    expect(calls[0]).toEqual(["getFileAsync", "compressed", 4194304]);
    expect(calls.filter((c) => c[0] === "sync")).toHaveLength(1);
    expect(calls).toContainEqual(["call", 'workbook.worksheets.add("Forecast")']);
    expect(calls).toContainEqual(["set", 'workbook.worksheets.getItem("Forecast").getRange("A1:B2").values', [["Year", "Revenue"], [2026, 1200000]]]);
    expect(JSON.stringify(calls)).not.toContain("D1"); // the unticked operation was not applied

    // LLM and file text is shown as text: the hostile <img> never became an element.
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.textContent("#changes")).toContain("<img src=x");
    expect(pageErrors(page)).toEqual([]);

    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.textContent("#history-list")).toContain("Add a 2027 forecast sheet");
    expect(await page.textContent("#history-list")).toContain("Done");
  });

  it("says what an older Excel cannot do", async () => {
    const page = await openPane(browser, `${site.url}/addin/index.html`, { host: "Excel", sets: { ExcelApi: "1.8" } });
    await expect.poll(() => page.isVisible("#limits-box")).toBe(true);
    expect(await page.textContent("#limits")).toContain("ExcelApi 1.13");
    expect(await page.textContent("#limits")).toContain("only the selection");
    await snap(page, "pane-excel-old-version");
  });
});

describe("task pane in Word (Office.js stub, scripted API)", () => {
  it("runs without preview and replaces the body with the result, tracking paused only for the insert", async () => {
    const page = await openPane(browser, `${site.url}/addin/index.html`, {
      host: "Word", documentBase64: Buffer.from("PK\u0003\u0004 document").toString("base64"), url: "https://contoso.example/Memo.docx",
      trackingMode: "TrackAll",
    });
    await fakeApi(page, { preview: false });
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.textContent("#host-badge")).toBe("Word");
    await page.fill("#instruction", "Tighten the introduction");
    await page.uncheck("#preview");
    expect(await page.textContent("#run")).toBe("Run and apply");
    await page.click("#run");
    await page.waitForSelector("#result:not([hidden])");
    await expect.poll(() => page.textContent("#host-message")).toContain("tracked changes are kept");
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: unknown[][] }).__officeCalls);
    const steps = calls.filter((c) => c[0] !== "sync" && c[0] !== "getFileAsync" && c[0] !== "closeFile");
    expect(steps).toEqual([
      ["set", "document.changeTrackingMode", "Off"],
      ["call", `document.body.insertFileFromBase64("${Buffer.from("PK\u0003\u0004").toString("base64")}", "Replace")`],
      ["set", "document.changeTrackingMode", "TrackAll"],
    ]);
    await snap(page, "pane-word-result");
  });
});

describe("standalone page (plain browser, scripted API)", () => {
  it("shows the document picker and the saved-plan box, keyboard reachable with labels", async () => {
    const page = await openPane(browser, `${site.url}/addin/index.html`);
    await fakeApi(page);
    expect(await page.textContent("#host-badge")).toBe("Standalone");
    expect(await page.isVisible("#document-picker")).toBe(true);
    expect(await page.isVisible("#plan-file-box")).toBe(true);
    for (const id of ["instruction", "effort", "sources", "document-file", "new-host", "server-url", "api-key", "plan-file"])
      expect(await page.locator(`label[for=${id}]`).count(), id).toBe(1);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("settings-toggle");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("server-url");
    await page.fill("#api-key", "k-123");
    await page.click("#settings-form button[type=submit]");
    expect(await page.evaluate(() => localStorage.getItem("officina.settings"))).toContain("k-123");
    await snap(page, "standalone-start");
    expect(pageErrors(page)).toEqual([]);
  });
});
