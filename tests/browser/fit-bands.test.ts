/**
 * The list badges' colour bands follow the user's own decline threshold (issue 16), in real Chromium
 * with the built extension: under the threshold a fit is "poor" (red), from halfway between it and
 * 100 "good" (green), "fair" between. The threshold is changed where a user changes it, on the
 * options page, and the same badge's band is read again from its closed shadow root (through CDP).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { collectErrors, inEveryShadow, launchExtension, SAMPLE_PAGES, type ExtensionBrowser } from "./harness";

const LIST_URL = "https://www.upwork.com/nx/proposals/";
const BADGE = "[data-iw-invitation]";
const DEFAULT_DECLINE_BELOW = 40;
/** The sample list's second row: its client has spent $1K (was $1.2M), so its fit from the row is neither 0 nor 100. */
const ROW = "2093302277180045312";

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
  const list = await readFile(join(SAMPLE_PAGES, "invitations.html"), "utf8");
  expect(list).toContain("$1.2M spent");
  browser.routes.set("https://www.upwork.com/nx/proposals", list.replace("$1.2M spent", "$1K spent"));
});
afterAll(async () => browser?.close());

interface BadgeView {
  id: string | null;
  fit: string | null;
  band: string | null;
}

/** Each badge's fit hook and the colour band of its fit (the tone class of its `.t` part). */
const badgeViews = (page: Page): Promise<BadgeView[]> =>
  inEveryShadow(page, BADGE, function () {
    const tone = this.querySelector(".t")?.className.split(" ")[1] ?? null;
    return { id: this.host.getAttribute("data-iw-invitation"), fit: this.host.getAttribute("data-iw-fit"), band: tone };
  });

/** The list as a user opens it, once every badge with a fit has drawn its band. */
async function listBadges(): Promise<BadgeView[]> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(LIST_URL);
  await expect
    .poll(async () => (await badgeViews(page)).filter((b) => b.band !== null).length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const views = await badgeViews(page);
  expect(errors).toEqual([]);
  await page.close();
  return views;
}

/** Sets the decline threshold on the options page, as a user does, and saves it. */
async function setDeclineBelow(value: number): Promise<void> {
  const options = await browser.openExtensionPage("src/options/index.html#scoring");
  await options.getByLabel("Suggest declining below score").fill(String(value));
  await options.getByTestId("save").click();
  await expect.poll(() => options.getByTestId("save-status").textContent()).toBe("Saved.");
  await options.close();
}

describe("the badges' colour bands follow the decline threshold", () => {
  it("moves one badge from green to red to amber as the threshold changes, and back", async () => {
    const before = (await listBadges()).find((b) => b.id === ROW);
    // A fit well inside the scale, so every band is reachable: green at the default threshold.
    expect(before?.fit).toMatch(/^\d+$/);
    const fit = Number(before!.fit);
    expect(fit).toBeGreaterThan(DEFAULT_DECLINE_BELOW + (100 - DEFAULT_DECLINE_BELOW) / 2);
    expect(fit).toBeLessThan(100);
    expect(before!.band).toBe("good");

    const bandAt = async (declineBelow: number) => {
      await setDeclineBelow(declineBelow);
      const badge = (await listBadges()).find((b) => b.id === ROW)!;
      // The threshold colours the fit; it never changes the fit itself.
      expect(badge.fit).toBe(before!.fit);
      return badge.band;
    };
    try {
      // Just above the fit: under the threshold, red.
      expect(await bandAt(fit + 1)).toBe("poor");
      // At the fit: not under it, but short of halfway from it to 100: amber.
      expect(await bandAt(fit)).toBe("fair");
    } finally {
      await setDeclineBelow(DEFAULT_DECLINE_BELOW);
    }
    expect((await listBadges()).find((b) => b.id === ROW)!.band).toBe("good");
  });
});
