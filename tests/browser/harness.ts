/** Test-side helpers over the shared launcher (scripts/extension-browser.ts). */
import type { Page } from "playwright-core";
export {
  DIST,
  DIST_TEST,
  launchExtension,
  SAMPLE_PAGES,
  samplePages,
  type ExtensionBrowser,
} from "../../scripts/extension-browser";
export { clickInShadow, inEveryShadow, inShadow, waitForShadow } from "../../scripts/closed-shadow";

/** Collects console errors and uncaught exceptions of a page, to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return errors;
}

/** Waits until the content script has announced itself on a page (it logs one debug line per page it reads). */
export function contentScriptAnnouncement(page: Page, timeout = 10_000): Promise<string> {
  return page
    .waitForEvent("console", { predicate: (message) => message.text().startsWith("[invitewise]"), timeout })
    .then((message) => message.text());
}
