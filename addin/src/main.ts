// Entry point: waits for Office.js when the page is inside Office, else starts standalone.
import "./styles.css";
import { detectHost } from "./hosts";
import { TaskPane } from "./ui/app";

async function boot() {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.onReady) {
    // Outside Office, office.js still resolves onReady (with no host) — but give up after 3 s.
    await Promise.race([office.onReady(), new Promise((r) => setTimeout(r, 3000))]);
  }
  await new TaskPane(detectHost(office)).start();
  document.body.dataset.ready = "true";
}

void boot();
