/**
 * A click as the user's own. The panel's "Draft reply", "Report this page" and "Copy note" act only
 * on a trusted click (panel.ts), and happy-dom has no `isTrusted` at all (undefined: refused, like a
 * page script's click), so this event is given `isTrusted: true`. No script can do that in a browser
 * (the property is unforgeable): real clicks, and a page's refused ones, are tested in Chromium
 * (tests/browser/overlay.test.ts).
 */
export function userClick(el: Element): void {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, "isTrusted", { value: true });
  el.dispatchEvent(event);
}
