/**
 * The popup in real Firefox (dist-firefox/), opened as a tab for a tab (`?tab=`), as
 * tests/browser/popup.test.ts does in Chromium: it drafts for the tab's page through the background
 * (an event page here, its tab pages in storage.session), keeps the user's edits, and "Insert into
 * proposal" fills the sample apply form through `scripting.executeScript`, the values holding after
 * blur under a page script that rewrites each field from what its input events told it, as a
 * framework's model does. Nothing is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { routeKey } from "../../scripts/extension-browser";
import {
  collectErrors,
  launchFirefox,
  SAMPLE_PAGES,
  samplePages,
  skipReason,
  type ExtensionApi,
  type FirefoxExtension,
} from "./harness";

declare const browser: ExtensionApi;

let fx: FirefoxExtension;
const url: Record<string, string> = {};

/**
 * A framework's model, in the page's own world: each field's value as its `input` events reported
 * it, written back when the field loses focus. A value set without an input event the page sees
 * would not hold. Clicks on the footer's buttons (Send, Cancel) are counted.
 */
const PAGE_MODEL = `<script>
  window.iwSubmitClicks = 0;
  for (const el of document.querySelectorAll("textarea, input[type=text]")) {
    let model = el.value;
    el.addEventListener("input", () => (model = el.value));
    el.addEventListener("focusout", () => queueMicrotask(() => (el.value = model)));
  }
  for (const b of document.querySelectorAll("footer button")) b.addEventListener("click", () => (window.iwSubmitClicks += 1));
</script>`;

beforeAll(async () => {
  if (skipReason) return;
  const samples = await samplePages();
  for (const sample of samples) url[sample.kind] = sample.url;
  // Firefox stops an idle MV3 background page (an event page) after 30 s; here after 1 s, so that the
  // popup also meets a background woken afresh, with nothing but storage to go on.
  fx = await launchFirefox({ prefs: { "extensions.background.idle.timeout": 1000 } });
  const apply = samples.find((s) => s.kind === "apply")!;
  fx.routes.set(
    routeKey(apply.url),
    (await readFile(join(SAMPLE_PAGES, apply.file), "utf8")).replace("</body>", `${PAGE_MODEL}</body>`),
  );
});
afterAll(async () => fx?.close());

/**
 * Opens the popup page for a tab. The background learns the page when the content script reports
 * it, which may land just after the page announced itself, so the popup is reopened until it has a draft.
 */
async function openPopup(tabId: number, errors: string[]): Promise<Page> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const popup = await fx.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    errors.push(...collectErrors(popup));
    const state = await popup.waitForSelector("#letter-text, main .status", { timeout: 10_000 });
    // Until the background has the tab's page, the popup drafts for the last invitation opened instead.
    const fromTab =
      (await popup.$eval(".eyebrow", (e) => e.textContent).catch(() => null)) !== "The last invitation you opened";
    if ((await state!.evaluate((el) => el.id)) === "letter-text" && fromTab) return popup;
    await popup.close();
  }
  throw new Error("the popup never got the page");
}

const value = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLTextAreaElement | HTMLInputElement).value);

describe.skipIf(skipReason)("the popup in Firefox", () => {
  for (const kind of ["job", "invitation"]) {
    it(`drafts for a tab on the sample ${kind} page, and keeps the user's edit`, async () => {
      const page = await fx.openSample(url[kind]!);
      const errors: string[] = [];
      const popup = await openPopup(await fx.tabIdOf(page), errors);
      const letter = await value(popup, "#letter-text");
      expect(letter.length).toBeGreaterThan(200);
      if (kind === "invitation") expect(letter).toMatch(/Thank you for inviting me to “/);
      const heading = (await popup.$eval("h1.title", (h) => h.textContent ?? "")).trim();
      expect(heading).toBeTruthy();
      expect(letter.replace(/\s+/g, " ").slice(0, 240)).toContain(heading);
      expect(await popup.$$eval("h2", (hs) => hs.map((h) => h.textContent))).toEqual(
        expect.arrayContaining([
          "Cover letter",
          "Terms",
          "Decline",
          "Referral (optional)",
          "Follow-up after submitting",
        ]),
      );
      // No access notice: Firefox gave the add-on its host permission (tests/firefox/host-access.test.ts: when it did not).
      expect(await popup.$("[data-testid=host-access]")).toBeNull();

      // The live check follows an edit, which is saved and restored when the popup is reopened.
      await popup.locator("#letter-text").fill("Dear Sir/Madam, I am writing to apply.");
      await expect.poll(() => popup.$$eval("[data-issue='generic']", (els) => els.length)).toBe(2);
      await popup.close();
      const again = await openPopup(await fx.tabIdOf(page), errors);
      expect(await value(again, "#letter-text")).toBe("Dear Sir/Madam, I am writing to apply.");
      await again.locator("button::-p-text(Discard my edits)").click();
      await expect.poll(() => value(again, "#letter-text")).toBe(letter);
      expect(errors).toEqual([]);
      await again.close();
      await page.close();
    });
  }

  it("drafts for the tab after Firefox has stopped the idle background page: the tab's page was kept in storage.session", async () => {
    const page = await fx.openSample(url.job!);
    const tabId = await fx.tabIdOf(page);
    const kept = () =>
      fx.inExtension(
        async (tab) => Object.keys(await browser.storage.session.get(null)).includes(`iw:tab-page:${tab}`),
        tabId,
      );
    await expect.poll(kept, { timeout: 10_000 }).toBe(true);
    // Stopped: the page is gone from the extension's views (getBackgroundPage does not wake it).
    await expect
      .poll(() => fx.inExtension(() => browser.extension.getBackgroundPage() === null), { timeout: 20_000 })
      .toBe(true);
    const errors: string[] = [];
    const popup = await openPopup(tabId, errors);
    expect(await popup.$eval(".eyebrow", (e) => e.textContent)).toBe("Job");
    expect((await value(popup, "#letter-text")).length).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it("inserts the draft into the sample apply page: the fields hold the values after blur, and nothing is submitted", async () => {
    const page = await fx.openSample(url.apply!);
    const errors: string[] = [];
    const popup = await openPopup(await fx.tabIdOf(page), errors);
    const letter = await value(popup, "#letter-text");
    const answers = await popup.$$eval("textarea[id^='answer-']", (els) => els.map((e) => e.value));
    expect(answers).toHaveLength(2);
    const rate = Number(/\$(\d+(?:\.\d+)?)\/hr/.exec((await popup.$eval(".terms p", (p) => p.textContent)) ?? "")?.[1]);
    expect(rate).toBeGreaterThan(0);

    await popup.locator("button::-p-text(Insert into proposal)").click();
    const outcome = await popup.waitForSelector("[data-iw-insert-result], [role='alert']");
    const [role, said] = await outcome!.evaluate((el) => [el.getAttribute("role"), el.textContent]);
    if (role === "alert") throw new Error(`insert failed: ${said}`);
    expect(said).toContain("Filled: Cover letter, Hourly rate, Question:");

    // Read on the page itself, after the blur the insert ended with and the page model's write-back.
    await page.evaluate(() => new Promise((done) => setTimeout(done)));
    expect(await value(page, "textarea[aria-labelledby='cover_letter_label']")).toBe(letter);
    expect(Number((await value(page, "#step-rate")).replace(/[^0-9.]/g, ""))).toBe(rate);
    expect(await page.$$eval(".fe-proposal-job-questions textarea", (els) => els.map((e) => e.value))).toEqual(answers);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("TEXTAREA");
    expect(await page.evaluate(() => (window as unknown as { iwSubmitClicks: number }).iwSubmitClicks)).toBe(0);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
