/**
 * Where our hosts go. Upwork's elements are only read here, never restyled or reordered: a badge
 * is one new child appended to the row's title cell; the panel is a fixed-position element docked
 * beside the page, in a band where it covers none of Upwork's buttons.
 */
import { qsa } from "../anchors/dom";
import { INVITATIONS } from "../anchors/invitations";
import { invitationIdFromUrl } from "../routes";
import { guard, HOST_SELECTOR } from "../watch";
import type { Host } from "./define-host";

export interface InvitationRow {
  row: Element;
  /** Upwork's own title link (clicking it is how the badge opens the invitation). */
  link: HTMLElement;
  title: string;
  /** The cell holding the title link: the badge is appended here, after Upwork's own children. */
  cell: Element;
}

/**
 * The row of each invitation the parser found, keyed by id. Only ids of the parsed record are
 * looked up, so offers and proposals (which the parser excludes) never get a badge. `null`: every
 * invitation link (only when the parser failed, to show the error state where the rows are).
 */
export function invitationRows(doc: Document, ids: readonly string[] | null): Map<string, InvitationRow> {
  const wanted = ids && new Set(ids);
  const rows = new Map<string, InvitationRow>();
  // The parser's own anchors: the same links, the same rows.
  for (const link of qsa(doc, INVITATIONS.link)) {
    const id = invitationIdFromUrl(link.getAttribute("href") ?? "");
    if (!id || (wanted && !wanted.has(id)) || rows.has(id)) continue;
    const row = link.closest(INVITATIONS.row);
    if (!row || row.closest(HOST_SELECTOR)) continue;
    const cell = link.closest("td, th") ?? link.parentElement ?? row;
    rows.set(id, { row, cell, link: link as HTMLElement, title: (link.textContent ?? "").trim() });
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
export function chooseDock(controls: readonly Box[], viewport: { width: number; height: number }, width: number, height: number): Dock | null {
  let best: { dock: Dock; room: number } | null = null;
  for (const side of ["right", "left"] as const) {
    const x0 = side === "right" ? viewport.width - MARGIN - width : MARGIN;
    const x1 = x0 + width;
    const blocks = controls
      .filter((c) => c.right > x0 - 4 && c.left < x1 + 4 && c.bottom > TOP && c.top < viewport.height)
      .map((c) => [c.top - 4, c.bottom + 4] as const)
      .sort((a, b) => a[0] - b[0]);
    let cursor = TOP;
    const bands: Array<[number, number]> = [];
    for (const [top, bottom] of blocks) {
      if (top > cursor) bands.push([cursor, top]);
      cursor = Math.max(cursor, bottom);
    }
    if (viewport.height - MARGIN > cursor) bands.push([cursor, viewport.height - MARGIN]);
    for (const [top, bottom] of bands) {
      const room = bottom - top;
      if (room >= height) return { side, top, maxHeight: room };
      if (room >= Math.min(MIN_BAND, height) && (!best || room > best.room)) best = { dock: { side, top, maxHeight: room }, room };
    }
  }
  return best?.dock ?? null;
}

/** Rectangles of Upwork's visible controls (never ours). */
export function controlBoxes(doc: Document): Box[] {
  const boxes: Box[] = [];
  for (const el of qsa(doc, CONTROLS)) {
    if (el.closest(HOST_SELECTOR)) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push(r);
  }
  return boxes;
}

export function applyDock(host: HTMLElement, dock: Dock): void {
  const s = host.style;
  s.setProperty("top", `${Math.round(dock.top)}px`);
  s.setProperty(dock.side, `${MARGIN}px`);
  s.setProperty(dock.side === "right" ? "left" : "right", "auto");
  s.setProperty("--iw-max-h", `${Math.floor(dock.maxHeight)}px`);
}

/**
 * Keeps the panel docked in a free band: after each render (`dock()`), and on scroll and resize
 * (once per frame). `noRoom` is called when no band fits even the collapsed tab's height.
 */
export function dockPanel(host: Host, noRoom: () => void): { dock(): void; destroy(): void } {
  const doc = host.el.ownerDocument;
  const win = doc.defaultView ?? window;
  let frame = 0;
  const dock = guard("dock panel", () => {
    frame = 0;
    const header = host.root.querySelector("header");
    const body = host.root.querySelector(".body");
    // The natural height, not the (maybe clipped) current one.
    const height = (header?.getBoundingClientRect().height ?? 0) + (body?.scrollHeight ?? 0) + 4;
    const width = host.el.getBoundingClientRect().width;
    const found = chooseDock(controlBoxes(doc), { width: doc.documentElement.clientWidth, height: win.innerHeight }, width, height);
    if (found) applyDock(host.el, found);
    else noRoom();
  });
  const soon = () => {
    if (frame === 0) frame = win.requestAnimationFrame(dock);
  };
  win.addEventListener("scroll", soon, { passive: true });
  win.addEventListener("resize", soon, { passive: true });
  return {
    dock,
    destroy() {
      win.removeEventListener("scroll", soon);
      win.removeEventListener("resize", soon);
      if (frame !== 0) win.cancelAnimationFrame(frame);
    },
  };
}
