/**
 * Injects one of the package's on-demand scripts (insert-draft.js, report-page.js: built beside the
 * content script in the package root) into a tab, in the extensions' isolated world.
 */
import browser from "webextension-polyfill";

/**
 * The path is given from the package root: Firefox resolves a relative one against the calling page
 * (from the popup, src/popup/insert-draft.js, which does not exist), Chrome against the root. A
 * script that cannot load makes Chrome reject, but is only an `error` in Firefox's result: both throw here.
 */
export async function injectScript(tabId: number, file: string): Promise<void> {
  const results = await browser.scripting.executeScript({ target: { tabId }, files: [`/${file}`] });
  const failed = results.find((frame) => frame.error !== undefined);
  if (failed)
    throw new Error(
      `${file} could not be injected: ${failed.error instanceof Error ? failed.error.message : String(failed.error)}`,
    );
}
