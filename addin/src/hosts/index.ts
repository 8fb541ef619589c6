// Picks the adapter for the Office application the pane was opened in (null: plain browser).
import { ExcelHost } from "./excel";
import type { HostAdapter } from "./host";
import { PowerPointHost } from "./powerpoint";
import { WordHost } from "./word";

export function detectHost(office: typeof Office | undefined = globalThis.Office): HostAdapter | null {
  const host = office?.context?.host as unknown as string | undefined;
  switch (host) {
    case "Excel": return new ExcelHost(office);
    case "Word": return new WordHost(office);
    case "PowerPoint": return new PowerPointHost(office);
    default: return null;
  }
}
