/**
 * What a user does with Invitewise, step by step in real Chromium over the sample pages: shared by
 * the demo (`npm start`), the store assets (`npm run store-assets`) and the upgrade fixtures
 * (`npm run capture-storage`), so each shows the same product the same way.
 */
import type { Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SAMPLE_PAGES, samplePages, type ExtensionBrowser, type SamplePage } from "./extension-browser";

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

/**
 * Lets the overlay settle: it renders after the frames that follow the page's content, and the panel
 * shows once docked beside Upwork's buttons.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page
    .waitForFunction(
      () => {
        const panel = document.querySelector<HTMLElement>("[data-iw-panel]");
        return (
          (panel ?? document.querySelector("[data-iw-invitation]")) !== null && panel?.style.visibility !== "hidden"
        );
      },
      null,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number | undefined> {
  const tabs = await browser.serviceWorker.evaluate(() => chrome.tabs.query({}));
  return tabs.find((tab) => tab.url === url)?.id;
}

export async function sampleOf(kind: string): Promise<SamplePage> {
  const sample = (await samplePages()).find((p) => p.kind === kind);
  if (!sample) throw new Error(`no sample ${kind} page in ${SAMPLE_PAGES}/pages.json`);
  return sample;
}

/** Opens the options page and waits until it has loaded the settings. */
export async function openOptions(browser: ExtensionBrowser, hash = ""): Promise<Page> {
  const options = await browser.openExtensionPage(`src/options/index.html${hash}`);
  await options.getByTestId("options-ready").waitFor();
  return options;
}

/** Imports a settings file the way the user does: Export and import, choose the file, apply. */
export async function importSettings(options: Page, file = join(SAMPLE_PAGES, "demo-settings.json")): Promise<void> {
  await options.evaluate(() => (location.hash = "backup"));
  await options.getByTestId("import-file").setInputFiles(file);
  await options.getByTestId("import-apply").click();
  await options.getByTestId("import-preview").waitFor({ state: "detached" });
}

/**
 * Opens the popup for a tab once the background has that tab's page: until the content script's
 * report lands, the popup drafts for the last invitation opened instead, so it is reopened until then.
 */
export async function openPopupForTab(browser: ExtensionBrowser, url: string): Promise<Page> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tabId = await tabIdOf(browser, url);
    const popup = await browser.openExtensionPage(`src/popup/index.html${tabId === undefined ? "" : `?tab=${tabId}`}`);
    await popup.setViewportSize({ width: 420, height: 900 });
    const state = await popup.waitForSelector("#letter-text, main .status", { timeout: 10_000 });
    const eyebrow = await popup
      .locator(".eyebrow")
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    if ((await state.getAttribute("id")) === "letter-text" && eyebrow !== "The last invitation you opened") {
      await settle(popup);
      return popup;
    }
    await popup.close();
  }
  throw new Error(`the popup never got the page ${url}`);
}

/** What a realistic run did, for whoever checks that it survives (tests/browser/upgrade.test.ts). */
export interface RunFacts {
  /** The profile name the imported settings hold (shown in the options page's Profile). */
  profileName: string;
  /** The invitation opened (its page read) and then marked declined: its badge on the list reads closed. */
  invitation: string;
  /** The page whose draft the user edited, and the cover letter they left there. */
  draftPage: string;
  editedLetter: string;
}

export const EDITED_LETTER =
  "Hi! I have shipped three React Native booking apps with Expo, most recently for a dog-walking startup. " +
  "I can start this week; a short call to go over the screens would help me give you a firm estimate.";

/**
 * A realistic first week: the user imports their settings, reads every sample page, edits the
 * job's draft in the popup and marks the invitation declined. Leaves `page` on the invitations list.
 */
export async function realisticRun(browser: ExtensionBrowser, page: Page): Promise<RunFacts> {
  const settingsFile = join(SAMPLE_PAGES, "demo-settings.json");
  const options = await openOptions(browser);
  await importSettings(options, settingsFile);
  await options.close();
  const imported = JSON.parse(await readFile(settingsFile, "utf8")) as { profile: { name: string } };

  for (const kind of ["invitations", "invitation", "job", "apply", "proposal", "home"]) {
    await page.goto((await sampleOf(kind)).url);
    await settle(page);
  }

  // The user rewrites the job's cover letter in the popup (autosaved by the background).
  const job = await sampleOf("job");
  await page.goto(job.url);
  await settle(page);
  const popup = await openPopupForTab(browser, job.url);
  await popup.fill("#letter-text", EDITED_LETTER);
  await popup.locator("#letter-text").blur();
  await popup.waitForTimeout(1_500); // the autosave's debounce
  await popup.close();

  // ...and declines the invitation from its page's popup.
  const invitation = await sampleOf("invitation");
  await page.goto(invitation.url);
  await settle(page);
  const invitationPopup = await openPopupForTab(browser, invitation.url);
  await invitationPopup.getByRole("button", { name: "I declined it" }).click();
  await invitationPopup.getByRole("status").filter({ hasText: "Marked as declined" }).waitFor();
  await invitationPopup.close();

  await page.goto((await sampleOf("invitations")).url);
  await settle(page);
  const id = /\/(\d+)\/?$/.exec(new URL(invitation.url).pathname)?.[1];
  if (!id) throw new Error(`no invitation id in ${invitation.url}`);
  return {
    profileName: imported.profile.name,
    invitation: id,
    draftPage: job.url,
    editedLetter: EDITED_LETTER,
  };
}
