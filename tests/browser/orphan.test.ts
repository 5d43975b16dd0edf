/**
 * After an update the old content script stays in the open tabs with no extension behind it. It must
 * notice (its runtime id is gone) and take its overlay down on the page's next change, not fail every
 * send; Upwork's page keeps working. Reloading the extension from its worker orphans it as an update does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentScriptAnnouncement, launchExtension, samplePages, type ExtensionBrowser } from "./harness";

declare const chrome: { runtime: { reload(): void } };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => browser?.close());

describe("an orphaned content script", () => {
  it("takes its badges down on the page's next change once the extension is reloaded", async () => {
    const list = (await samplePages()).find((s) => s.kind === "invitations")!;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const announced = contentScriptAnnouncement(page);
    await page.goto(list.url);
    await announced;
    await expect.poll(() => page.locator("[data-iw-invitation]").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await browser.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The page changes (Upwork re-renders a row): the orphan notices and leaves.
    await expect
      .poll(
        async () => {
          await page.evaluate(() =>
            document.body.append(Object.assign(document.createElement("div"), { textContent: "Upwork re-rendered" })),
          );
          return page.locator("[data-iw-invitation], [data-iw-panel]").count();
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
