// Settings and request history live in the add-in's own storage (OfficeRuntime.storage
// where Office provides it, else localStorage) — never in the document.

export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export function defaultStore(): KeyValueStore {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStore } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  return {
    getItem: async (k) => globalThis.localStorage?.getItem(k) ?? null,
    setItem: async (k, v) => globalThis.localStorage?.setItem(k, v),
  };
}

export interface Settings { serverUrl: string; apiKey: string }

/** The server that served this page when it came from /addin/, else the service's default. */
export function defaultServerUrl(location: { origin: string; pathname: string; protocol: string }): string {
  return location.protocol.startsWith("http") && location.pathname.includes("/addin/")
    ? location.origin
    : "http://127.0.0.1:5170";
}

export interface HistoryEntry {
  jobId: string;
  instruction: string;
  status: string;
  at: string;
  summary?: string;
  serverUrl: string;
}

const historyLimit = 30;

export class AddinStorage {
  constructor(private readonly store: KeyValueStore = defaultStore()) {}

  async settings(fallbackUrl: string): Promise<Settings> {
    const raw = await this.store.getItem("officina.settings");
    const saved = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
    return { serverUrl: saved.serverUrl || fallbackUrl, apiKey: saved.apiKey ?? "" };
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.store.setItem("officina.settings", JSON.stringify(settings));
  }

  async history(documentKey: string): Promise<HistoryEntry[]> {
    const raw = await this.store.getItem(`officina.history.${documentKey}`);
    return raw ? (JSON.parse(raw) as HistoryEntry[]) : [];
  }

  /** Adds or updates (by job id) an entry, newest first, keeping the last 30. */
  async remember(documentKey: string, entry: HistoryEntry): Promise<HistoryEntry[]> {
    const list = (await this.history(documentKey)).filter((e) => e.jobId !== entry.jobId);
    list.unshift(entry);
    const kept = list.slice(0, historyLimit);
    await this.store.setItem(`officina.history.${documentKey}`, JSON.stringify(kept));
    return kept;
  }
}
