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
import { CSS } from "./styles";

export type HostTag = "iw-badge" | "iw-panel";

/** One constructed stylesheet, shared by every host of the page (null: not constructed yet). */
let sheet: CSSStyleSheet | null = null;

/** Keys typed in our UI must not reach Upwork's shortcuts; they stop at the host. */
const stop = (event: Event) => event.stopPropagation();

export interface Host {
  readonly el: HTMLElement;
  readonly root: ShadowRoot;
  /** Renders the tree; false when rendering threw (the caller then shows its quiet error state). */
  render(tree: ComponentChild): boolean;
  /** Follows the page's own dark theme (the system's is followed by the stylesheet). */
  setDark(dark: boolean): void;
  /** Unmounts the tree and removes the host. */
  destroy(): void;
}

/** A detached host: the caller inserts `el` (so many hosts can be built first, then placed in one go). */
export function createHost(doc: Document, tag: HostTag): Host {
  const el = doc.createElement(tag);
  const root = el.attachShadow({ mode: "open" });
  try {
    if (!sheet) {
      const made = new CSSStyleSheet();
      made.replaceSync(CSS);
      sheet = made;
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets here: a <style> inside the shadow root is still scoped to it.
    root.append(Object.assign(doc.createElement("style"), { textContent: CSS }));
  }
  // Preact owns only this container: rendering into the root itself would drop a fallback <style>.
  const mount = root.appendChild(doc.createElement("div"));
  mount.className = "r";
  el.addEventListener("keydown", stop);
  el.addEventListener("keyup", stop);
  el.addEventListener("keypress", stop);
  let dark = false;
  let live = true;
  return {
    el,
    root,
    render: (tree) => guard(`render ${tag}`, () => (live && render(tree, mount), true))() ?? false,
    setDark(next) {
      if (next !== dark) mount.classList.toggle("d", (dark = next));
    },
    destroy() {
      if (!live) return;
      live = false;
      el.remove();
      render(null, mount);
    },
  };
}
