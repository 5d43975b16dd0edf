/**
 * Our host elements: `<iw-badge>` and `<iw-panel>`, each with a shadow root holding the styles
 * (adopted, never injected into the page) and the content, built with the DOM API (badge.ts says
 * why; the content script carries no UI library).
 *
 * The root is closed: the page's scripts see `el.shadowRoot === null` and cannot read the score or
 * the drafts, nor reach our buttons. The only reference is `Host.root`, which this script keeps.
 *
 * Chrome gives content scripts `customElements === null` (isolated world), so the hosts are not
 * registered: an element with a valid custom-element name may still attach a shadow root, which is
 * all we need. Where the registry exists (other browsers), nothing depends on it either.
 */
import { guard } from "../watch";
import { CSS } from "./styles";

/** One constructed stylesheet, shared by every host of the page (Chromium and Firefox 140 construct them). */
let sheet: CSSStyleSheet | undefined;

/** Keys typed in our UI must not reach Upwork's shortcuts; they stop at the host. */
const stop = (event: Event) => event.stopPropagation();

export interface Host {
  readonly el: HTMLElement;
  /** The closed shadow root: reach our content through this, never `el.shadowRoot` (null). */
  readonly root: ShadowRoot;
  /** What the host last showed (the session re-renders only when it changed). */
  sig?: string;
  /** Replaces the content with what `build` returns; false when building threw (the content is left as it was). */
  show(build: () => Node): boolean;
  /** Removes the host. */
  destroy(): void;
}

/**
 * A detached host: the caller inserts `el` (so many hosts can be built first, then placed in one go).
 * The page's own dark theme is followed through the `d` class of `el` (the system's by the stylesheet).
 */
export function createHost(doc: Document, tag: "iw-badge" | "iw-panel"): Host {
  const el = doc.createElement(tag);
  const root = el.attachShadow({ mode: "closed" });
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  for (const type of ["keydown", "keyup", "keypress"]) el.addEventListener(type, stop);
  return {
    el,
    root,
    show: (build) => !!guard(tag, () => (root.replaceChildren(build()), 1))(),
    destroy: () => el.remove(),
  };
}
