/**
 * The page each tab last parsed, for the popup and the page report. Kept in storage.session: it must
 * survive the service worker being stopped, but not a browser restart (tab ids are reused then).
 * One key per tab and a small index of when each was read: a page read writes its own tab only and
 * validates nothing else (one key for all 50 tabs made every read re-check every tab's page, a
 * 200-row list's among them). At most TAB_PAGES_CAP tabs, the oldest forgotten first; validated on read.
 */
import * as z from "zod/mini";
import { ParsedPage, timestamp } from "../shared/records";
import type { StorageLike } from "./record-cache";

export const TAB_PAGES_CAP = 50;
const INDEX_KEY = "iw:tab-pages:index";
const PAGE_PREFIX = "iw:tab-page:";

export const TabPage = z.object({ url: z.string(), readAt: timestamp, parsed: ParsedPage, at: z.number() });
export type TabPage = z.infer<typeof TabPage>;
/** Tab id → when its page was read (ms). */
const Index = z.record(z.string(), z.number());

export class TabPages {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly storage: StorageLike) {}

  private async index(): Promise<Record<string, number>> {
    const checked = Index.safeParse((await this.storage.get(INDEX_KEY))[INDEX_KEY]);
    return checked.success ? checked.data : {};
  }

  private async page(tab: string): Promise<TabPage | null> {
    const checked = TabPage.safeParse((await this.storage.get(PAGE_PREFIX + tab))[PAGE_PREFIX + tab]);
    return checked.success ? checked.data : null;
  }

  set(tabId: number, page: Omit<TabPage, "at">, at: number): Promise<void> {
    const run = this.queue.then(async () => {
      const index = await this.index();
      index[String(tabId)] = at;
      const tabs = Object.keys(index).sort((a, b) => index[b]! - index[a]!);
      const dropped = tabs.slice(TAB_PAGES_CAP);
      for (const old of dropped) delete index[old];
      await this.storage.set({ [PAGE_PREFIX + tabId]: { ...page, at }, [INDEX_KEY]: index });
      if (dropped.length) await this.storage.remove(dropped.map((t) => PAGE_PREFIX + t));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async get(tabId: number): Promise<TabPage | null> {
    await this.queue;
    return this.page(String(tabId));
  }

  /** The tabs that parsed a page with the page each read last, the most recent first (some may have closed since). */
  async recent(): Promise<Array<{ tabId: number; page: TabPage }>> {
    await this.queue;
    const index = await this.index();
    const out: Array<{ tabId: number; page: TabPage }> = [];
    for (const tab of Object.keys(index).sort((a, b) => index[b]! - index[a]!)) {
      const page = await this.page(tab);
      if (page) out.push({ tabId: Number(tab), page });
    }
    return out;
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
