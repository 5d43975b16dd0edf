/**
 * The popup in real Chromium: it drafts for a tab on a sample page, and "Insert into proposal" on
 * the sample apply page leaves Upwork's fields holding the values after blur.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  collectErrors,
  contentScriptAnnouncement,
  launchExtension,
  samplePages,
  type ExtensionBrowser,
} from "./harness";

declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    get(id: number): Promise<{ url?: string }>;
  };
  action: { getBadgeText(details: object): Promise<string> };
};

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => browser?.close());

async function sampleUrl(kind: string): Promise<string> {
  const sample = (await samplePages()).find((p) => p.kind === kind);
  if (!sample) throw new Error(`no sample ${kind} page`);
  return sample.url;
}

/** Opens a sample page and waits until the content script has read it. */
async function openSample(kind: string): Promise<{ page: Page; url: string }> {
  const url = await sampleUrl(kind);
  const page = await browser.context.newPage();
  const announced = contentScriptAnnouncement(page);
  await page.goto(url);
  await announced;
  return { page, url };
}

/** The tab id of an Upwork tab; host permission lets the extension see Upwork tabs' addresses. */
async function tabIdOf(url: string): Promise<number> {
  const ids = await browser.serviceWorker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((t) => t.url === target).map((t) => t.id);
  }, url);
  if (typeof ids[0] !== "number") throw new Error(`no tab for ${url}`);
  return ids[0];
}

/**
 * Opens the popup for a tab. The background learns the page when the content script reports it,
 * which may land just after the page announced itself, so the popup is reopened until it has a draft.
 */
async function openPopup(tabId: number, errors: string[], fromTab = true): Promise<Page> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    errors.push(...collectErrors(popup));
    const state = await popup.waitForSelector("#letter-text, main .status", { timeout: 10_000 });
    // Until the background has the tab's page, the popup drafts for the last invitation opened instead.
    const fallback =
      (await popup
        .locator(".eyebrow")
        .textContent({ timeout: 1_000 })
        .catch(() => null)) === "The last invitation you opened";
    if ((await state.getAttribute("id")) === "letter-text" && fallback !== fromTab) return popup;
    await popup.close();
  }
  throw new Error("the popup never got the page");
}

describe("popup", () => {
  for (const kind of ["job", "invitation"]) {
    it(`drafts for a tab on the sample ${kind} page`, async () => {
      const { page, url } = await openSample(kind);
      const errors: string[] = [];
      const popup = await openPopup(await tabIdOf(url), errors);
      const letter = await popup.inputValue("#letter-text");
      expect(letter.length).toBeGreaterThan(200);
      if (kind === "invitation") expect(letter).toMatch(/Thank you for inviting me to “/);
      expect(await popup.textContent("h1.title")).toBeTruthy();
      // The letter names the job's title within what the client sees first.
      const heading = (await popup.textContent("h1.title"))!.trim();
      expect(letter.replace(/\s+/g, " ").slice(0, 240)).toContain(heading);
      // Every section is there, each with its copy button and labelled controls.
      for (const name of ["Cover letter", "Terms", "Decline", "Referral (optional)", "Follow-up after submitting"]) {
        expect(await popup.getByRole("heading", { name }).count()).toBe(1);
      }
      expect(await popup.getByRole("button", { name: /^Copy / }).count()).toBeGreaterThanOrEqual(5);
      for (const id of await popup.$$eval("textarea", (els) => els.map((e) => e.id))) {
        expect(await popup.locator(`label[for="${id}"]`).count()).toBe(1);
      }
      // The live check follows an edit.
      await popup.fill("#letter-text", "Dear Sir/Madam, I am writing to apply.");
      await expect.poll(() => popup.locator("[data-issue='generic']").count()).toBe(2);
      expect(await popup.locator("[data-issue='too-short']").count()).toBe(1);
      // The edit is autosaved and restored when the popup is reopened.
      await popup.close();
      const again = await openPopup(await tabIdOf(url), errors);
      expect(await again.inputValue("#letter-text")).toBe("Dear Sir/Madam, I am writing to apply.");
      await again.getByRole("button", { name: "Discard my edits" }).click();
      expect(await again.inputValue("#letter-text")).toBe(letter);
      expect(errors).toEqual([]);
      await again.close();
      await page.close();
    });
  }

  it("on an invitation, 'I declined it' tells the background, and the toolbar count of invitations to answer drops", async () => {
    // The list first: its freshest row (3 hours old) is the sample invitation, still inside its 24 hours.
    const list = await openSample("invitations");
    const { page, url } = await openSample("invitation");
    const badge = () => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(badge).toBe("1");
    const errors: string[] = [];
    const popup = await openPopup(await tabIdOf(url), errors);
    await popup.getByRole("button", { name: "I declined it" }).click();
    await expect.poll(() => popup.getByRole("status").filter({ hasText: "Marked as declined" }).count()).toBe(1);
    expect(await popup.getByRole("status").filter({ hasText: "Marked as declined" }).textContent()).toContain(
      "No invitation is still waiting",
    );
    await expect.poll(badge).toBe("");
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
    await list.page.close();
  });

  it("once the tab has moved on to a page it does not read, drafts for the last invitation opened instead", async () => {
    await (await openSample("invitation")).page.close();
    const { page, url } = await openSample("job");
    const tabId = await tabIdOf(url);
    await page.evaluate(() => history.pushState({}, "", "/nx/messages/rooms/"));
    // The browser learns of a same-document navigation a moment later; the user clicks the
    // toolbar button once the address bar shows the new page.
    const tabUrl = () => browser.serviceWorker.evaluate(async (id) => (await chrome.tabs.get(id)).url, tabId);
    await expect.poll(tabUrl).toMatch(/\/nx\/messages\/rooms\/$/);
    const errors: string[] = [];
    const popup = await openPopup(tabId, errors, false);
    expect(await popup.textContent(".eyebrow")).toBe("The last invitation you opened");
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it("inserts the draft into the sample apply page, and the fields hold the values after blur", async () => {
    const { page, url } = await openSample("apply");
    const errors: string[] = [];
    const popup = await openPopup(await tabIdOf(url), errors);
    const letter = await popup.inputValue("#letter-text");
    const answers = await popup.$$eval("textarea[id^='answer-']", (els) =>
      els.map((e) => (e as HTMLTextAreaElement).value),
    );
    expect(answers).toHaveLength(2);
    const rateText = (await popup.textContent(".terms p"))!;
    const rate = Number(/\$(\d+(?:\.\d+)?)\/hr/.exec(rateText)?.[1]);
    expect(rate).toBeGreaterThan(0);
    let submitClicked = false;
    await page.exposeFunction("iwSubmitClicked", () => (submitClicked = true));
    await page.evaluate(() => {
      for (const b of document.querySelectorAll("footer button"))
        b.addEventListener("click", () => (window as unknown as { iwSubmitClicked(): void }).iwSubmitClicked());
    });

    await popup.getByRole("button", { name: "Insert into proposal" }).click();
    const outcome = await popup.waitForSelector("[data-iw-insert-result], [role='alert']");
    if ((await outcome.getAttribute("role")) === "alert")
      throw new Error(`insert failed: ${await outcome.textContent()}`);
    const result = popup.locator("[data-iw-insert-result]");
    expect(await result.textContent()).toContain("Filled: Cover letter, Hourly rate, Question:");

    // Read the fields on the page itself, after the blur the insert ended with.
    expect(await page.inputValue("textarea[aria-labelledby='cover_letter_label']")).toBe(letter);
    expect(Number((await page.inputValue("#step-rate")).replace(/[^0-9.]/g, ""))).toBe(rate);
    const onPage = await page.$$eval(".fe-proposal-job-questions textarea", (els) =>
      els.map((e) => (e as HTMLTextAreaElement).value),
    );
    expect(onPage).toEqual(answers);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("TEXTAREA");
    expect(submitClicked).toBe(false);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
