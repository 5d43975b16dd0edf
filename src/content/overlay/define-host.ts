/**
 * Our host elements: `<iw-badge>` and `<iw-panel>`, each with an open shadow root holding the
 * styles (adopted, never injected into the page) and the Preact tree.
 *
 * Chrome gives content scripts `customElements === null` (isolated world), so the hosts are not
 * registered: an element with a valid custom-element name may still attach a shadow root, which is
 * all we need. Where the registry exists (other browsers), nothing depends on it either.
 */
import { render, type ComponentChild } from "preact";
import { guard } from "../watch";
import baseCss from "./base.css?inline";

export type HostTag = "iw-badge" | "iw-panel";

const sheets = new Map<string, CSSStyleSheet>();

function sheet(css: string): CSSStyleSheet | null {
  let s = sheets.get(css);
  if (!s) {
    try {
      s = new CSSStyleSheet();
      s.replaceSync(css);
    } catch {
      return null;
    }
    sheets.set(css, s);
  }
  return s;
}

/** Keys typed in our UI must not reach Upwork's shortcuts; they stop at the host. */
const KEY_EVENTS = ["keydown", "keyup", "keypress"] as const;
const stop = (event: Event) => event.stopPropagation();

export interface Host {
  readonly el: HTMLElement;
  readonly root: ShadowRoot;
  /** Renders the tree; false when rendering threw (the caller then shows its quiet error state). */
  render(tree: ComponentChild): boolean;
  /** Follows the page's own dark theme (the system's is followed by the stylesheet). */
  setDark(dark: boolean): void;
  destroy(): void;
}

export function createHost(doc: Document, tag: HostTag, css: string): Host {
  const el = doc.createElement(tag);
  const root = el.attachShadow({ mode: "open" });
  const adopted = [sheet(baseCss), sheet(css)].filter((s): s is CSSStyleSheet => s !== null);
  if (adopted.length === 2) root.adoptedStyleSheets = adopted;
  else {
    // No constructable stylesheets: a <style> inside the shadow root is still scoped to it.
    const style = doc.createElement("style");
    style.textContent = baseCss + css;
    root.append(style);
  }
  // Preact owns only this container: rendering into the root itself would drop a fallback <style>.
  const mount = doc.createElement("div");
  mount.className = "iw-root";
  root.append(mount);
  for (const type of KEY_EVENTS) el.addEventListener(type, stop);
  let destroyed = false;
  return {
    el,
    root,
    render: (tree: ComponentChild) =>
      guard(`render ${tag}`, () => {
        if (!destroyed) render(tree, mount);
        return true;
      })() ?? false,
    setDark(dark: boolean) {
      mount.classList.toggle("dark", dark);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        render(null, mount);
      } finally {
        for (const type of KEY_EVENTS) el.removeEventListener(type, stop);
        el.remove();
      }
    },
  };
}
