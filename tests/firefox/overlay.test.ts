/**
 * The overlay in real Firefox (the Firefox build, dist-firefox/), on the sample pages: one badge per
 * invitation row with the engine's numbers, the panel on an invitation and a job page, clicks inside
 * the closed roots, and "Draft reply" opening the drafts. As tests/browser/overlay.test.ts does for
 * Chromium. Firefox differs here in its content scripts (Xray wrappers around the page's objects, a
 * custom-element registry) and in its MV3 background (an event page, not a service worker).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import {
  clickInShadow,
  collectErrors,
  inShadow,
  launchFirefox,
  SAMPLE_PAGES,
  samplePages,
  skipReason,
  waitForShadow,
  type ExtensionApi,
  type FirefoxExtension,
} from "./harness";
import { engineFit, engineRowFits, type Served } from "../browser/engine";

declare const browser: ExtensionApi;

const BADGE = "[data-iw-invitation]";
const PANEL = "[data-iw-panel]";
const INVITATION_ID = "2093311804456129011";

let fx: FirefoxExtension;
const sample: Record<string, Served> = {};

beforeAll(async () => {
  if (skipReason) return;
  for (const page of await samplePages())
    sample[page.kind] = { url: page.url, html: await readFile(join(SAMPLE_PAGES, page.file), "utf8") };
  fx = await launchFirefox();
});
afterAll(async () => fx?.close());

const attributes = (page: Page, selector: string) =>
  page.$$eval(selector, (hosts) =>
    hosts.map((h) => ({
      id: h.getAttribute("data-iw-invitation"),
      fit: h.getAttribute("data-iw-fit"),
      urgency: h.getAttribute("data-iw-urgency"),
      provisional: h.hasAttribute("data-iw-provisional"),
      card: h.closest("[data-qa^='card-']")?.getAttribute("data-qa") ?? null,
      // What the page's own scripts see of our root: nothing.
      shadowRoot: h.shadowRoot,
      // The adopted stylesheet styles the host itself: an unknown element would be inline.
      display: getComputedStyle(h).display,
    })),
  );

const panelFit = (page: Page) =>
  page.waitForFunction(
    (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
    {},
    PANEL,
  );

describe.skipIf(skipReason)("the overlay in Firefox", () => {
  it("puts one badge on each invitation row, with the engine's fit and an urgency on the host; the closed roots hold the text and the adopted styles", async () => {
    const page = await fx.openSample(sample.invitations!.url);
    const errors = collectErrors(page);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, {}, BADGE);
    const rows = await page.$$eval("[data-qa='card-invitations'] a[href*='/interview/uid/']", (links) =>
      links.map((a) => /uid\/(\d+)/.exec(a.getAttribute("href")!)![1]),
    );
    const hosts = await attributes(page, BADGE);
    expect(hosts.map((h) => h.id)).toEqual(rows);
    expect(hosts.every((h) => h.card === "card-invitations")).toBe(true);
    const engine = engineRowFits(sample.invitations!);
    for (const h of hosts) {
      expect(h.fit).toBe(engine.get(h.id!));
      expect(h.provisional).toBe(h.fit !== "unknown");
      expect(["now", "today", "soon", "low", "closed"]).toContain(h.urgency);
      expect(h.shadowRoot).toBeNull();
      expect(h.display).toBe("inline-block");
    }
    // Inside the closed roots, read as an extension can (harness: openOrClosedShadowRoot).
    const inside = await fx.inEveryShadow(page, BADGE, function () {
      return {
        mode: this.mode,
        sheets: this.adoptedStyleSheets.length,
        text: this.textContent ?? "",
        fit: this.host.getAttribute("data-iw-fit"),
      };
    });
    expect(inside.map((r) => r.mode)).toEqual(["closed", "closed", "closed", "closed"]);
    expect(inside.every((r) => r.sheets === 1)).toBe(true);
    for (const r of inside) {
      if (r.fit === "unknown") expect(r.text).toContain("open to score");
      else expect(r.text).toMatch(new RegExp(`^~${r.fit} · \\d of 10 factors`));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a badge click (a real mouse click inside the closed root) opens the row's provisional panel", async () => {
    const page = await fx.openSample(sample.invitations!.url);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, {}, BADGE);
    await clickInShadow(fx, page, `[data-iw-invitation="${INVITATION_ID}"]`, "button");
    await waitForShadow(fx, page, PANEL, function () {
      return (this.textContent ?? "").includes("Provisional: from the list row alone");
    });
    expect(await page.$eval(PANEL, (p) => p.getAttribute("data-iw-fit"))).toBe(
      engineRowFits(sample.invitations!).get(INVITATION_ID),
    );
    await page.close();
  });

  it("shows the panel on invitation and job pages with the engine's score, factors and actions", async () => {
    for (const kind of ["invitation", "job"] as const) {
      const page = await fx.openSample(sample[kind]!.url);
      const errors = collectErrors(page);
      await panelFit(page);
      expect(await page.$eval(PANEL, (p) => p.getAttribute("data-iw-fit"))).toBe(engineFit(sample[kind]!, kind));
      expect(await page.$$eval(PANEL, (p) => p.length)).toBe(1);
      expect(await page.$eval(PANEL, (p) => [p.shadowRoot, getComputedStyle(p).position])).toEqual([null, "fixed"]);
      const text = await inShadow(fx, page, PANEL, function () {
        return this.textContent ?? "";
      });
      expect(text).toContain("Score factors");
      expect(text).toMatch(/Hire rate.*\d+(\.\d)? of \d+/);
      expect(text).toMatch(/couldn't read: /);
      expect(text).toContain("Draft reply");
      expect(text).toContain("Decline politely");
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("'Draft reply' on the panel opens the drafts for this tab: the toolbar popup, or where Firefox can't open it, the popup page in a tab", async () => {
    const page = await fx.openSample(sample.invitation!.url);
    await panelFit(page);
    const tabId = await fx.tabIdOf(page);
    const opened = () =>
      fx.inExtension(async () => {
        const popups = browser.extension.getViews({ type: "popup" }).map((w) => ({
          where: "popup",
          title: w.document.querySelector("h1.title")?.textContent ?? null,
          letter: w.document.querySelector<HTMLTextAreaElement>("#letter-text")?.value ?? "",
        }));
        const tabs = (await browser.tabs.query({}))
          .filter((t) => t.url?.includes("/src/popup/index.html"))
          .map((t) => ({ where: "tab", title: t.url ?? null, letter: "" }));
        return [...popups, ...tabs];
      });
    expect(await opened()).toEqual([]);
    await clickInShadow(fx, page, PANEL, "button", "Draft reply");
    await expect.poll(async () => (await opened()).length, { timeout: 10_000 }).toBe(1);
    const [view] = await opened();
    if (view!.where === "popup") {
      // The real toolbar popup, drafting for the active tab: this invitation.
      await expect
        .poll(async () => (await opened())[0]!.letter, { timeout: 10_000 })
        .toMatch(/Thank you for inviting me to “/);
    } else {
      expect(view!.title).toContain(`?tab=${tabId}`);
    }
    await page.close();
  });
});
