/**
 * "Erase all data" in the built extension, in real Chromium: after a realistic run (settings
 * imported, pages read, a draft edited, an invitation marked) every storage area holds data; Cancel
 * keeps it all; confirming empties storage.local, storage.sync and storage.session, the options page
 * shows defaults again, and the toolbar count clears. The privacy policy is one link away.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openOptions, realisticRun, sampleOf, settle } from "../../scripts/user-run";
import { collectErrors, launchExtension, type ExtensionBrowser } from "./harness";

declare const chrome: {
  storage: Record<"sync" | "local" | "session", { get(keys: null): Promise<Record<string, unknown>> }>;
  action: { getBadgeText(details: object): Promise<string>; setBadgeText(details: { text: string }): Promise<void> };
};

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension(process.env.IW_DIST_DIR ? { distDir: process.env.IW_DIST_DIR } : {});
});
afterAll(async () => browser?.close());

/** How many items each area holds, read from the worker (it sees storage.session too). */
const itemCounts = () =>
  browser.serviceWorker.evaluate(async () => ({
    local: Object.keys(await chrome.storage.local.get(null)).length,
    sync: Object.keys(await chrome.storage.sync.get(null)).length,
    session: Object.keys(await chrome.storage.session.get(null)).length,
  }));

describe("Erase all data", () => {
  it("asks first, then empties every storage area, and the page and the toolbar show no old data", async () => {
    const page = await browser.context.newPage();
    const facts = await realisticRun(browser, page);
    const before = await itemCounts();
    expect(before.local).toBeGreaterThan(5);
    expect(before.sync).toBeGreaterThan(0);
    expect(before.session).toBeGreaterThan(0);
    const local = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((key) => key.startsWith("drafts."))).not.toEqual([]);
    // The run declined the one invitation still in time, so the count is empty already: a stale count
    // stands in for one, which only a recount after the erase clears.
    await browser.serviceWorker.evaluate(() => chrome.action.setBadgeText({ text: "9" }));

    const options: Page = await openOptions(browser, "#backup");
    const errors = collectErrors(options);
    await options.evaluate(() => (location.hash = "profile"));
    expect(await options.locator("#f-profile-name").inputValue()).toBe(facts.profileName);
    await options.evaluate(() => (location.hash = "backup"));

    // First click only asks, naming what goes; Cancel keeps everything.
    await options.getByTestId("erase-all").click();
    const confirm = options.getByTestId("erase-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/cannot be undone/);
    expect(await confirm.textContent()).toContain(`${before.local + before.sync + before.session} items`);
    await options.getByTestId("erase-cancel").click();
    await confirm.waitFor({ state: "detached" });
    expect(await itemCounts()).toEqual(before);
    expect(await browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe("9");

    await options.getByTestId("erase-all").click();
    await options.getByTestId("erase-confirm-yes").click();
    await expect.poll(() => options.getByTestId("your-data-status").textContent()).toMatch(/^All data erased/);
    expect(await itemCounts()).toEqual({ local: 0, sync: 0, session: 0 });

    // The page dropped what it showed: the profile is back to its default, nothing is unsaved.
    await options.evaluate(() => (location.hash = "profile"));
    expect(await options.locator("#f-profile-name").inputValue()).toBe("");
    expect(await options.getByTestId("save-state").textContent()).toContain("All changes saved");
    // The toolbar count recounts over the empty cache.
    await expect.poll(() => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe("");
    // Reading the options page wrote nothing back.
    await options.reload();
    await options.getByTestId("options-ready").waitFor();
    expect(await itemCounts()).toEqual({ local: 0, sync: 0, session: 0 });

    // The worker forgot the invitation log it keeps in memory: the invitation read again after the
    // erase is logged as new (first seen now, no mark), not written back as it was before.
    const erasedAt = new Date().toISOString();
    await page.goto((await sampleOf("invitation")).url);
    await settle(page);
    const logged = () =>
      browser.serviceWorker.evaluate(async (id) => {
        const all = await chrome.storage.local.get(null);
        const shards = Object.entries(all).filter(([k]) => /^iw:log:\d+$/.test(k));
        const entries = shards.flatMap(([, shard]) => Object.values(shard as object)) as Array<{ id: string }>;
        return { ids: entries.map((e) => e.id), entry: entries.find((e) => e.id === id) ?? null };
      }, facts.invitation);
    await expect.poll(async () => (await logged()).entry).not.toBeNull();
    const { ids, entry } = await logged();
    expect(ids).toEqual([facts.invitation]);
    expect(entry).toMatchObject({ reply: null });
    expect((entry as unknown as { firstSeenAt: string }).firstSeenAt >= erasedAt).toBe(true);
    expect(errors).toEqual([]);
    await options.close();
    await page.close();
  });

  it("links the privacy policy from the page's footer, and shows it open at #privacy", async () => {
    const options = await openOptions(browser, "#rates");
    await options.getByTestId("footer-privacy").click();
    await expect.poll(() => options.getByTestId("nav-backup").getAttribute("aria-current")).toBe("page");
    const details = options.getByTestId("privacy-details");
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = await options.getByTestId("privacy-policy").textContent();
    expect(text).toContain("Nothing leaves your browser");
    expect(text).toContain("storage.session");
    await options.close();
  });
});
