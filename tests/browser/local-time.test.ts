/**
 * What a person reads about time, in real Chromium with the built extension (issue 16): the badges'
 * urgency labels 3 h, 23 h and 30 h after an invitation arrived, and the panel's reasons in the
 * page's own time zone (a non-UTC one, set through CDP) and locale — never an ISO string.
 *
 * The clock is the browser's own: the list says "3 hours ago", "23 hours ago" and "30 hours ago",
 * which the content script reads against its clock, so each row's receipt is exactly that long ago
 * (only the test's own run time passes in between: seconds, under the minute the words resolve).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  clickInShadow,
  collectErrors,
  inEveryShadow,
  launchExtension,
  SAMPLE_PAGES,
  waitForShadow,
  type ExtensionBrowser,
} from "./harness";

const LIST_URL = "https://www.upwork.com/nx/proposals/";
const BADGE = "[data-iw-invitation]";
const PANEL = "[data-iw-panel]";
const ROWS = ["2093311804456129011", "2093302277180045312", "2093287765019934720"];
const HOUR = 3_600_000;

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
  // The sample list, its first three invitations received 3, 23 and 30 hours before the page is read.
  let list = await readFile(join(SAMPLE_PAGES, "invitations.html"), "utf8");
  for (const [was, now] of [
    ["3 hours ago", "3 hours ago"],
    ["yesterday", "23 hours ago"],
    ["3 days ago", "30 hours ago"],
  ])
    list = list.replace(
      `<small class="text-light-on-muted">${was}</small>`,
      `<small class="text-light-on-muted">${now}</small>`,
    );
  browser.routes.set("https://www.upwork.com/nx/proposals", list);
});
afterAll(async () => browser?.close());

/** A page in time zone `zone` (CDP Emulation.setTimezoneOverride: the content script's Intl and Date follow it). */
async function pageIn(zone: string): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Emulation.setTimezoneOverride", { timezoneId: zone });
  return page;
}

const badgeViews = (page: Page) =>
  inEveryShadow(page, BADGE, function () {
    return {
      id: this.host.getAttribute("data-iw-invitation"),
      level: this.host.getAttribute("data-iw-urgency"),
      urgency: this.querySelector(".urgency")?.textContent ?? null,
    };
  });

describe("time as a person reads it", () => {
  it("labels the urgency 3 h, 23 h and 30 h after receipt: reply today, reply now, late", async () => {
    const page = await pageIn("UTC");
    const errors = collectErrors(page);
    await page.goto(LIST_URL);
    await expect.poll(async () => (await badgeViews(page)).filter((b) => b.urgency !== null).length).toBe(4);
    const byId = new Map((await badgeViews(page)).map((b) => [b.id, b]));
    expect(ROWS.map((id) => [byId.get(id)!.level, byId.get(id)!.urgency])).toEqual([
      ["today", "Reply today · reply in 21 h"], // 3 h after: 21 h of Upwork's 24 left
      ["now", "Reply now · reply in 59 min"], // 23 h after: under the hour (seconds have passed since)
      ["low", "Late · 24 h passed"], // 30 h after: late, never "no rush"
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says the panel's times in the page's own zone (Auckland) and locale, relative when near, never as ISO", async () => {
    const zone = "Pacific/Auckland";
    const page = await pageIn(zone);
    const errors = collectErrors(page);
    await page.goto(LIST_URL);
    const readAt = Date.now();
    await expect.poll(async () => (await badgeViews(page)).filter((b) => b.urgency !== null).length).toBe(4);
    await clickInShadow(page, `[data-iw-invitation="${ROWS[0]}"]`, "button");
    const reasons = await waitForShadow(page, PANEL, function () {
      const items = [...this.querySelectorAll("section li")].map((li) => li.textContent ?? "");
      return items.some((t) => t.startsWith("Received")) ? items : null;
    });
    const locale = await page.evaluate(() => navigator.language);
    // The same moments worded here, independently: Intl in Auckland, with the page's locale.
    const clock = (ms: number) =>
      new Date(ms).toLocaleTimeString(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit" });
    const day = (ms: number) => new Date(ms).toLocaleDateString("en-CA", { timeZone: zone });
    const today = day(Date.now());
    const dayWord = (ms: number) => (day(ms) === today ? "today" : day(ms) < today ? "yesterday" : "tomorrow");
    // The receipt was read a few seconds before `readAt`: either minute it may have fallen in.
    const expected = [readAt - 3 * HOUR, readAt - 3 * HOUR - 60_000].map(
      (received) =>
        `Received ${dayWord(received)} ${clock(received)} · reply by ${dayWord(received + 24 * HOUR)} ${clock(received + 24 * HOUR)} (in 21 h).`,
    );
    const receipt = reasons.find((t) => t.startsWith("Received"))!;
    expect(
      expected.some((e) => receipt.startsWith(e)),
      `${receipt}\nexpected one of\n${expected.join("\n")}`,
    ).toBe(true);
    // Auckland is 13 hours from UTC in December: the UTC clock would read differently.
    const utc = new Date(readAt - 3 * HOUR).toLocaleTimeString(locale, {
      timeZone: "UTC",
      hour: "2-digit",
      minute: "2-digit",
    });
    expect(receipt).not.toContain(`today ${utc}`);
    expect(reasons).toContain("21 h left to reply.");
    for (const line of reasons) expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
