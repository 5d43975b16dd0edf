/**
 * The invitations list with its page state, in real Chromium (issue 20): every row scored before
 * any is opened, the client's message previewed and checked, the exact reply-by from the state,
 * and the rows of the next page badged as Upwork's app puts them in place.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  clickInShadow,
  collectErrors,
  inEveryShadow,
  launchExtension,
  waitForShadow,
  type ExtensionBrowser,
} from "./harness";

const LIST_URL = "https://www.upwork.com/nx/proposals/";
const PAGE = join(import.meta.dirname, "../fixtures/invitations/with-state-2026.html");
const BADGE = "[data-iw-invitation]";
const PANEL = "[data-iw-panel]";
const ROW = (n: number) => `209410000000000000${n}`;

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
  // This browser serves the test page (not the sample list) at the list's address.
  browser.routes.set("https://www.upwork.com/nx/proposals", await readFile(PAGE, "utf8"));
});
afterAll(async () => browser?.close());

const hosts = (page: Page) =>
  page.$$eval(BADGE, (els) =>
    els.map((h) => ({
      id: h.getAttribute("data-iw-invitation"),
      fit: h.getAttribute("data-iw-fit"),
      provisional: h.hasAttribute("data-iw-provisional"),
    })),
  );

describe("an invitations list with its page state", () => {
  it("scores every row before any is opened, previews and checks the client's message, and badges the next page's rows", async () => {
    const page = await browser.context.newPage();
    // The panel says times in the page's own zone: UTC, whatever this machine's.
    await (await browser.context.newCDPSession(page)).send("Emulation.setTimezoneOverride", { timezoneId: "UTC" });
    const errors = collectErrors(page);
    await page.goto(LIST_URL);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    await expect.poll(async () => (await hosts(page)).every((h) => h.fit !== null)).toBe(true);
    const rows = await hosts(page);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4].map(ROW));
    expect(rows.map((r) => r.provisional)).toEqual([true, true, true, true]);
    // Row 2 asks to move to WhatsApp and its client is unverified: far below row 1.
    expect(Number(rows[1]!.fit)).toBeLessThan(Number(rows[0]!.fit));
    expect(rows[3]!.fit).toBe("unknown"); // no "About the client" cell: nothing to score…
    const texts = await inEveryShadow(page, BADGE, function () {
      return this.textContent ?? "";
    });
    expect(texts[0]).toMatch(/^~\d+ · 2 of 10 factors/);
    expect(texts[3]).toMatch(/^open to score/); // …but its badge still opens the client's message.

    await clickInShadow(page, `[data-iw-invitation="${ROW(2)}"]`, "button");
    const panel = await waitForShadow(page, PANEL, function () {
      const text = this.textContent ?? "";
      return text.includes("The client's message") ? text : null;
    });
    expect(panel).toContain("Please add me on WhatsApp +44 7700 900123");
    expect(panel).toMatch(/Red flag:\s*The client's message asks to talk or pay outside Upwork/);
    expect(panel).toContain("Provisional: from the list row alone");
    // The reply-by is the state's exact receipt time + 24 h (2026-03-10T09:05Z), not the start of the
    // shown day: said as a person reads it, in the page's zone (UTC here), never as ISO.
    expect(panel).toContain("reply by Tue, Mar 10, 09:05 AM");
    expect(panel).not.toContain("2026-03-10T09:05");

    // Upwork's own "next page": its rows replace the first page's, and get their badges.
    await page.click("#next-page");
    await page.waitForFunction(
      ([sel, a, b]) => {
        const ids = [...document.querySelectorAll(sel)].map((h) => h.getAttribute("data-iw-invitation"));
        return ids.length === 2 && ids[0] === a && ids[1] === b;
      },
      [BADGE, ROW(5), ROW(6)] as const,
    );
    await expect.poll(async () => (await hosts(page)).map((h) => h.provisional)).toEqual([true, true]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
