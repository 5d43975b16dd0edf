/**
 * Access to Upwork in Firefox: its MV3 host permissions are optional — the user can leave them
 * ungranted or withdraw them in the extensions menu — and without them Invitewise's content script
 * does not run. The popup and the options page then say so and ask; the user's click grants it
 * (the harness's pref answers Firefox's prompt with Allow), and Upwork pages read again once reloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "puppeteer-core";
import {
  collectErrors,
  contentScriptAnnouncement,
  launchFirefox,
  samplePages,
  skipReason,
  type ExtensionApi,
  type FirefoxExtension,
} from "./harness";

declare const browser: ExtensionApi;

const BADGE = "[data-iw-invitation]";
const NOTICE = "[data-testid=host-access]";

let fx: FirefoxExtension;
let list = "";

beforeAll(async () => {
  if (skipReason) return;
  list = (await samplePages()).find((p) => p.kind === "invitations")!.url;
  fx = await launchFirefox();
});
afterAll(async () => fx?.close());

const origins = () => fx.inExtension(() => browser.runtime.getManifest().host_permissions as string[]);
const hasAccess = (wanted: string[]) => fx.inExtension((origins) => browser.permissions.contains({ origins }), wanted);
/** Everything the add-on logged on a page, from its first request on. */
function logOf(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (m) => lines.push(m.text()));
  return lines;
}

describe.skipIf(skipReason)("access to Upwork in Firefox", () => {
  it("granted, the popup shows no notice; withdrawn, no content script runs and the popup and options page ask; the user's click gives it back", async () => {
    const upwork = await origins();
    expect(upwork).toEqual(["https://www.upwork.com/*"]);
    // This (temporary) install got the permission without a prompt; a user's may not have.
    expect(await hasAccess(upwork)).toBe(true);
    const popupBefore = await fx.openExtensionPage("src/popup/index.html");
    await popupBefore.waitForSelector("main .status");
    // The notice's own check went out first; one more answer from the same API means it has its own.
    await popupBefore.evaluate((origins) => browser.permissions.contains({ origins }), upwork);
    expect(await popupBefore.$(NOTICE)).toBeNull();
    await popupBefore.close();

    // Withdrawn, as the user does in Firefox's extensions menu.
    expect(await fx.inExtension((origins) => browser.permissions.remove({ origins }), upwork)).toBe(true);
    expect(await hasAccess(upwork)).toBe(false);
    const before = await fx.newPage();
    const beforeLog = logOf(before);
    await before.goto(list);

    const popup = await fx.openExtensionPage("src/popup/index.html");
    const errors = collectErrors(popup);
    await popup.waitForSelector(`${NOTICE}[data-iw-host-access=missing]`);
    expect(await popup.$eval(NOTICE, (n) => n.textContent)).toMatch(
      /not given Invitewise access to www\.upwork\.com.*no scores on Upwork/,
    );
    const options = await fx.openExtensionPage("src/options/index.html");
    await options.waitForSelector(`${NOTICE}[data-iw-host-access=missing]`);

    // The user's click (a trusted one: permissions.request refuses any other).
    await popup.locator("[data-testid=host-access-request]").click();
    await popup.waitForSelector(`${NOTICE}[data-iw-host-access=given]`);
    expect(await popup.$eval(NOTICE, (n) => n.textContent)).toMatch(/Reload the Upwork tabs/);
    expect(await hasAccess(upwork)).toBe(true);
    // The options page, open all along, follows the grant.
    await options.waitForFunction((sel) => document.querySelector(sel) === null, {}, NOTICE);

    // A page opened now is read; the one opened without access was not, and is once reloaded.
    const after = await fx.openSample(list);
    await after.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, {}, BADGE);
    expect(await before.$$(BADGE)).toHaveLength(0);
    expect(beforeLog.filter((line) => line.startsWith("[invitewise]"))).toEqual([]);
    const announced = contentScriptAnnouncement(before);
    await before.reload();
    await announced;
    await before.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, {}, BADGE);
    expect(errors).toEqual([]);
    for (const page of [before, after, popup, options]) await page.close();
  });
});
