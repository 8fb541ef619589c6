// Debian's Chromium, headless, through playwright-core (no browser download).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const artifacts = resolve(__dirname, "../../test-results");
const officeStub = readFileSync(resolve(__dirname, "office-stub.js"), "utf8");

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium is missing at ${chromiumPath}: install it with 'apt-get install chromium' (scripts/test.sh does).`);
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export interface StubOptions {
  host: "Excel" | "Word" | "PowerPoint" | null; documentBase64?: string; url?: string;
  sets?: Record<string, string>; trackingMode?: string;
}

/** A task-pane-sized page. With `office`, office.js is the recording stub; without, it fails to load (plain browser). */
export async function openPane(browser: Browser, url: string, office?: StubOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    office ? route.fulfill({ contentType: "text/javascript", body: officeStub }) : route.abort());
  if (office) await page.addInitScript((cfg) => { (window as unknown as { __officinaStub: unknown }).__officinaStub = cfg; }, office);
  watchErrors(page);
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
  return page;
}

/** Records uncaught errors and Content Security Policy violations for pageErrors. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  (page as Page & { errors?: string[] }).errors = errors;
}

export const pageErrors = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

export async function snap(page: Page, name: string) {
  await page.screenshot({ path: resolve(artifacts, `${name}.png`), fullPage: true });
}
