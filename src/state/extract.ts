/**
 * Finds the page's embedded state as text (records.md §1 "Two sources"). DOM only and dependency-free:
 * the content script imports this and sends the text on; decoding happens in the background or the
 * command line, where `devalue` and `acorn` may be loaded.
 */

export type StateForm = "nuxt3" | "nuxt2";
export interface StateText {
  form: StateForm;
  text: string;
}

/**
 * Larger states are refused: the text travels in a runtime message, and no real page comes near it
 * (the 2024 job pages carry 11–33 KB, the 2026 one 26 KB, a search page 130 KB).
 */
export const MAX_STATE_CHARS = 5_000_000;

// Nuxt 2 serializes its state as `window.__NUXT__=(function(a,…){…}(…))` or `=(((a,…)=>{…})(…))`, or a
// plain object literal. Nuxt 3 pages also have `window.__NUXT__={};window.__NUXT__.config=…`, which is
// only the app's configuration: the data is then in #__NUXT_DATA__.
const NUXT2_START = /^\s*window\.__NUXT__\s*=\s*(?!\{\s*\}\s*;)/;

/** The page state's text: `script#__NUXT_DATA__` (Nuxt 3), else the inline `window.__NUXT__=` script (Nuxt 2). */
export function embeddedStateText(doc: Document): StateText | null {
  const data = doc.getElementById("__NUXT_DATA__");
  if (data && data.tagName.toLowerCase() === "script") {
    const text = data.textContent ?? "";
    if (text.trim() !== "" && text.length <= MAX_STATE_CHARS) return { form: "nuxt3", text };
  }
  for (const script of Array.from(doc.getElementsByTagName("script"))) {
    if (script.hasAttribute("src")) continue;
    // Test the first text node's opening only: most inline scripts are not the state, and reading
    // textContent of each would copy every script's whole text.
    const head = script.firstChild?.nodeValue?.slice(0, 64) ?? "";
    if (!NUXT2_START.test(head)) continue;
    const text = script.textContent ?? "";
    if (text.length > MAX_STATE_CHARS) continue;
    return { form: "nuxt2", text };
  }
  return null;
}
