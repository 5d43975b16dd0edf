/**
 * Upgrades lose nothing: each kept fixture (tests/fixtures/upgrade/storage-<version>.json, written by
 * `npm run capture-storage` after a realistic run of that release) is loaded into the build under test,
 * and what the user had must survive and still show: the imported settings in the options page, with no
 * "could not be read" notice; the pages read and the invitation marked declined on the list's badge;
 * the edited draft in the popup. storage.session is not loaded: the browser empties it on an update.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { FIXTURE_FORMAT, FIXTURES, type StorageFixture } from "../../scripts/capture-storage";
import { openOptions, openPopupForTab, sampleOf, settle } from "../../scripts/user-run";
import { collectErrors, launchExtension, type ExtensionBrowser } from "./harness";

declare const chrome: {
  storage: Record<
    "local" | "sync" | "session",
    { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> }
  >;
};

const files = (await readdir(FIXTURES)).filter((f) => /^storage-\d+\.\d+\.\d+\.json$/.test(f)).sort();

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension(process.env.IW_DIST_DIR ? { distDir: process.env.IW_DIST_DIR } : {});
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  await browser.serviceWorker.evaluate(() =>
    Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear(), chrome.storage.session.clear()]),
  );
});

/** Keys a later storage layout replaces, each with the check that what it held survived. */
const MIGRATED: Record<string, (local: Record<string, unknown>, old: unknown) => void> = {
  // The record cache's index, one item up to 0.1.0, is kept in 16 shards since (record-cache.ts).
  "iw:cache:index": (local, old) => {
    const listed = Object.entries(local)
      .filter(([k]) => /^iw:cache:index:\d+$/.test(k))
      .flatMap(([, shard]) => Object.keys(shard as Record<string, unknown>));
    for (const entry of Object.keys(old as Record<string, unknown>))
      expect(listed, `index entry ${entry}`).toContain(entry);
  },
  // The invitation log, one item up to 0.2.0, is kept in shards since (src/shared/invitation-log.ts),
  // moved when the worker first uses it (or, not used yet, still whole).
  "iw:log": (local, old) => {
    const whole = local["iw:log"] as { entries: Array<{ id: string }> } | undefined;
    const ids = whole
      ? whole.entries.map((e) => e.id)
      : Object.entries(local)
          .filter(([k]) => /^iw:log:\d+$/.test(k))
          .flatMap(([, shard]) => Object.keys(shard as Record<string, unknown>));
    for (const { id } of (old as { entries: Array<{ id: string }> }).entries)
      expect(ids, `log entry ${id}`).toContain(id);
  },
};

describe("upgrading keeps what the user had", () => {
  it("keeps at least one fixture, each a whole capture of a released version", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`from ${file}: settings, records, drafts and marks survive and still show`, async () => {
      const fixture = JSON.parse(await readFile(join(FIXTURES, file), "utf8")) as StorageFixture;
      expect(fixture.format).toBe(FIXTURE_FORMAT);
      expect(file).toBe(`storage-${fixture.extensionVersion}.json`);
      const { facts } = fixture;
      expect(Object.keys(fixture.areas.local).length).toBeGreaterThan(0);
      await browser.serviceWorker.evaluate(
        ({ local, sync }) => Promise.all([chrome.storage.local.set(local), chrome.storage.sync.set(sync)]),
        { local: fixture.areas.local, sync: fixture.areas.sync },
      );

      // Settings: the imported profile, read without a notice that something could not be read.
      const options = await openOptions(browser, "#profile");
      const errors = collectErrors(options);
      expect(await options.locator("#f-profile-name").inputValue()).toBe(facts.profileName);
      const notices = await options.getByTestId("notice").allTextContents();
      expect(notices.filter((n) => /could not|defaults are in use|damaged/i.test(n))).toEqual([]);
      await options.close();

      // Records and marks: on the list, the invitation opened then declined reads closed, scored from its page.
      const page = await browser.context.newPage();
      await page.goto((await sampleOf("invitations")).url);
      await settle(page);
      const badge = page.locator(`[data-iw-invitation="${facts.invitation}"]`);
      await expect.poll(() => badge.getAttribute("data-iw-urgency")).toBe("closed");
      expect(await badge.getAttribute("data-iw-provisional")).toBeNull();
      expect(await badge.getAttribute("data-iw-fit")).toMatch(/^\d+$/);

      // Drafts: the popup for the job shows the user's edited letter, not a fresh draft.
      await page.goto(facts.draftPage);
      await settle(page);
      const popup = await openPopupForTab(browser, facts.draftPage);
      expect(await popup.inputValue("#letter-text")).toBe(facts.editedLetter);
      await popup.close();

      // Nothing the fixture held was dropped on the way (reading may add, never lose); a key that a
      // later layout replaces is checked where what it held now lives.
      const local = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
      for (const [key, value] of Object.entries(fixture.areas.local)) {
        const moved = MIGRATED[key];
        if (moved) moved(local, value);
        else expect(Object.keys(local), key).toContain(key);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
