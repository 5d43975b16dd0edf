/**
 * Where our hosts go. Upwork's elements are only read here, never restyled or reordered: a badge
 * is one new child appended to the row's title cell; the panel is a fixed-position element docked
 * beside the page, in a band where it covers none of Upwork's buttons.
 */
import { closest, qsa } from "../anchors/dom";
import { INVITATIONS } from "../anchors/invitations";
import { invitationIdFromUrl } from "../routes";
import { guard, HOST_SELECTOR } from "../watch";
import type { Host } from "./define-host";

export interface InvitationRow {
  /** Upwork's own title link (clicking it is how the badge opens the invitation). */
  link: HTMLElement;
  title: string;
  /** The cell holding the title link: the badge is appended here, after Upwork's own children. */
  cell: Element;
}

/**
 * The row of each invitation the parser found (id → its job title), keyed by id. Only ids of the
 * parsed record are looked up, so offers and proposals (which the parser excludes) never get a badge.
 * `null`: every invitation link, titled by its text (only when the parser failed, to show the error
 * state where the rows are).
 */
export function invitationRows(doc: Document, wanted: ReadonlyMap<string, string> | null): Map<string, InvitationRow> {
  const rows = new Map<string, InvitationRow>();
  // The parser's own anchors: the same links, the same rows.
  // (The document's query never sees inside our shadow roots, and our hosts have no light children:
  // every link found is Upwork's.)
  for (const link of qsa(doc, INVITATIONS.link)) {
    const id = invitationIdFromUrl(link.getAttribute("href") ?? "");
    if (!id || (wanted && !wanted.has(id)) || rows.has(id)) continue;
    const row = closest(link, INVITATIONS.row);
    if (row)
      rows.set(id, {
        cell: closest(link, "td, th") ?? link.parentElement ?? row,
        link: link as HTMLElement,
        title: wanted?.get(id) ?? link.textContent.trim(),
      });
  }
  return rows;
}

/**
 * Whether the page shows a dark theme of its own: a dark class or data-theme on html/body, or a
 * dark body background. (REFERENCE names no Upwork dark-mode hook, so this stays generic.)
 */
export function pageIsDark(doc: Document): boolean {
  const { documentElement: html, body } = doc;
  if (/dark/i.test(`${html.className} ${body.className} ${html.dataset.theme} ${body.dataset.theme}`)) return true;
  const rgb = (doc.defaultView?.getComputedStyle(body).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
  // Transparent (alpha 0) says nothing; otherwise a luminance under ~0.35 is a dark page.
  return rgb.length >= 3 && rgb[3] !== 0 && 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]! < 90;
}

/** Upwork's controls the panel must never cover. */
const CONTROLS = 'button, [role="button"], input[type="submit"], input[type="button"], select, textarea';
const MARGIN = 16;
const TOP = 72;
const MIN_BAND = 140;

export interface Dock {
  side: "right" | "left";
  top: number;
  /** Height available in the free band; the panel scrolls inside it. */
  maxHeight: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The dock for a panel of `width` × `height`: the right edge first, then the left, in the highest
 * vertical band where no control overlaps the column. Null when no band is tall enough.
 */
export function chooseDock(
  controls: readonly Box[],
  viewport: { width: number; height: number },
  width: number,
  height: number,
): Dock | null {
  let best: Dock | null = null;
  for (const side of ["right", "left"] as const) {
    const x0 = side === "right" ? viewport.width - MARGIN - width : MARGIN;
    const blocks = controls
      .filter((c) => c.right > x0 - 4 && c.left < x0 + width + 4 && c.bottom > TOP && c.top < viewport.height)
      .map((c) => [c.top - 4, c.bottom + 4])
      .sort((a, b) => a[0]! - b[0]!);
    // Each free band ends where a control starts (the last one at the viewport's bottom margin).
    let top = TOP;
    for (const [start, end] of [...blocks, [viewport.height - MARGIN, 0]]) {
      const maxHeight = start! - top;
      if (maxHeight >= height) return { side, top, maxHeight };
      if (maxHeight >= Math.min(MIN_BAND, height) && maxHeight > (best?.maxHeight ?? 0))
        best = { side, top, maxHeight };
      top = Math.max(top, end!);
    }
  }
  return best;
}

/**
 * Keeps the panel docked in a free band: after each render (`dock()`), and on scroll and resize
 * (once per frame). `noRoom` is called when no band fits even the collapsed tab's height.
 *
 * Docking reads the layout (where Upwork's buttons are). After a render it waits for the next paint,
 * when the layout is clean and reading it is free; read in the frame that changed the page, it would
 * force a layout of the whole page (~25 ms on a job page, measured). Until its first dock the panel
 * stays invisible, so it never shows where it might cover a button.
 */
export function dockPanel(host: Host, noRoom: () => void): { dock(): void; destroy(): void } {
  const doc = host.el.ownerDocument;
  const win = doc.defaultView!;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  host.el.style.visibility = "hidden";
  const place = guard("dock panel", () => {
    frame = 0;
    // Shown from here on, even if what follows throws (then where the stylesheet puts it).
    host.el.style.visibility = "";
    const boxes: Box[] = [];
    // Rectangles of Upwork's visible controls (never ours).
    for (const el of qsa(doc, CONTROLS)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && !closest(el, HOST_SELECTOR)) boxes.push(r);
    }
    // The natural height, not the (maybe clipped) current one.
    const height =
      host.root.querySelector("header")!.offsetHeight + (host.root.querySelector(".body")?.scrollHeight ?? 0) + 4;
    const found = chooseDock(
      boxes,
      { width: doc.documentElement.clientWidth, height: win.innerHeight },
      host.el.offsetWidth,
      height,
    );
    // Only our own host's inline style: the top, the side, and the band's height.
    if (found)
      host.el.style.cssText = `top:${Math.round(found.top)}px;left:auto;right:auto;${found.side}:${MARGIN}px;--iw-max-h:${Math.floor(found.maxHeight)}px`;
    else noRoom();
  });
  const soon = () => {
    frame ||= win.requestAnimationFrame(place);
  };
  const events = ["scroll", "resize"];
  for (const type of events) win.addEventListener(type, soon, { passive: true });
  return {
    dock() {
      // The task after the next frame's paint.
      win.cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(place);
      });
    },
    destroy() {
      for (const type of events) win.removeEventListener(type, soon);
      win.cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
