/**
 * The page each tab last parsed, for the popup. Kept in storage.session: it must survive the service
 * worker being stopped, but not a browser restart (tab ids are reused then). Injected storage, at most
 * TAB_PAGES_CAP tabs (the oldest forgotten first), validated on read.
 */
import * as z from "zod/mini";
import { ParsedPage, timestamp } from "../shared/records";
import type { StorageLike } from "./record-cache";

export const TAB_PAGES_CAP = 50;
const KEY = "iw:tab-pages";

export const TabPage = z.object({ url: z.string(), readAt: timestamp, parsed: ParsedPage, at: z.number() });
export type TabPage = z.infer<typeof TabPage>;

export class TabPages {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly storage: StorageLike) {}

  private async all(): Promise<Record<string, TabPage>> {
    const raw = (await this.storage.get(KEY))[KEY];
    if (typeof raw !== "object" || raw === null) return {};
    const out: Record<string, TabPage> = {};
    // Entry by entry, so one bad tab never loses the others.
    for (const [tab, value] of Object.entries(raw)) {
      const page = TabPage.safeParse(value);
      if (page.success) out[tab] = page.data;
    }
    return out;
  }

  set(tabId: number, page: Omit<TabPage, "at">, at: number): Promise<void> {
    const run = this.queue.then(async () => {
      const pages = await this.all();
      pages[String(tabId)] = { ...page, at };
      const tabs = Object.keys(pages).sort((a, b) => pages[b]!.at - pages[a]!.at);
      for (const old of tabs.slice(TAB_PAGES_CAP)) delete pages[old];
      await this.storage.set({ [KEY]: pages });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async get(tabId: number): Promise<TabPage | null> {
    await this.queue;
    return (await this.all())[String(tabId)] ?? null;
  }

  /** The tabs that parsed a page with the page each read last, the most recent first (some may have closed since). */
  async recent(): Promise<Array<{ tabId: number; page: TabPage }>> {
    await this.queue;
    return Object.entries(await this.all())
      .map(([tab, page]) => ({ tabId: Number(tab), page }))
      .sort((a, b) => b.page.at - a.page.at);
  }
}

/** A StorageLike in memory: the fallback when storage.session is unavailable, and the tests' fake. */
export function memoryStorage(initial: Record<string, unknown> = {}): StorageLike & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      if (keys === null || keys === undefined) return structuredClone(data);
      const list = typeof keys === "string" ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const k of list) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
    async remove(keys) {
      for (const k of typeof keys === "string" ? [keys] : keys) delete data[k];
    },
  };
}
