/** The tab pages: one key per tab, so a page read writes its own tab and reads no other tab's page. */
import { describe, expect, it } from "vitest";
import { memoryStorage, TAB_PAGES_CAP, TabPages } from "../../../src/background/tab-pages";
import type { ParsedPage } from "../../../src/shared/records";

const page = (n: number) => ({
  url: `https://www.upwork.com/nx/proposals/?p=${n}`,
  readAt: "2026-03-09T12:00:00.000Z",
  parsed: { kind: "home", record: { newInvitations: n }, missing: [], warnings: [] } as ParsedPage,
});

describe("tab pages", () => {
  it("keeps the newest TAB_PAGES_CAP tabs, and a write reads no other tab's page", async () => {
    const storage = memoryStorage();
    const reads: string[] = [];
    const get = storage.get.bind(storage);
    storage.get = async (keys) => (reads.push(String(keys)), get(keys));
    const tabs = new TabPages(storage);
    for (let t = 1; t <= TAB_PAGES_CAP + 5; t++) await tabs.set(t, page(t), t);
    expect(reads.every((k) => !k.startsWith("iw:tab-page:"))).toBe(true);
    expect(await tabs.get(1)).toBeNull();
    expect((await tabs.get(TAB_PAGES_CAP + 5))?.parsed.record).toEqual({ newInvitations: TAB_PAGES_CAP + 5 });
    const recent = await tabs.recent();
    expect(recent).toHaveLength(TAB_PAGES_CAP);
    expect(recent[0]!.tabId).toBe(TAB_PAGES_CAP + 5);
    expect(Object.keys(storage.data).filter((k) => k.startsWith("iw:tab-page:"))).toHaveLength(TAB_PAGES_CAP);
  });

  it("drops a corrupt tab page and keeps the others", async () => {
    const storage = memoryStorage();
    const tabs = new TabPages(storage);
    await tabs.set(1, page(1), 1);
    await tabs.set(2, page(2), 2);
    storage.data["iw:tab-page:1"] = { url: 5 };
    expect(await tabs.get(1)).toBeNull();
    expect((await tabs.recent()).map((r) => r.tabId)).toEqual([2]);
  });
});
