/**
 * The one observer, and in-page navigation detection.
 *
 * Upwork is a single-page app: pages change without a reload and sections arrive seconds late.
 * The observer never works in its callback; it only flags that something relevant changed and
 * asks for one animation frame, after whose paint the page module re-reads the page (uBlock / Dark
 * Reader habit).
 * Mutations caused by our own hosts are ignored, so our writes never wake us up again.
 */
import { closest, matches } from "./anchors/dom";

export const TAG = "[invitewise]";
const logged = new Set<string>();

/** Logs a failure once per name, tagged, and never rethrows: Upwork's page must keep working. */
export function report(name: string, error: unknown): void {
  if (logged.has(name)) return;
  logged.add(name);
  console.warn(`${TAG} ${name} failed:`, error);
}

/** Wraps a listener or callback so a throw is logged once and swallowed. */
export function guard<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      report(name, error);
    }
  };
}

/** Our host elements: mutations of these (inserting, removing a badge) are our own writes. */
export const HOST_SELECTOR = "iw-badge, iw-panel";
const isHost = (node: Node): boolean => node.nodeType === 1 && matches(node as Element, HOST_SELECTOR);

/** Whether a batch of mutations touched Upwork's content rather than only our own hosts. */
export function relevant(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (closest(record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement, HOST_SELECTOR))
      continue;
    // Attributes matter only on html/body: a theme switch (class, data-theme, style) there.
    if (record.type === "attributes" && !/^(HTML|BODY)$/.test((record.target as Element).tagName)) continue;
    if (record.type === "childList") {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (nodes.length > 0 && nodes.every(isHost)) continue;
      // Whitespace-only text churn cannot change what we read.
      if (nodes.every((n) => n.nodeType === 3 && !(n.nodeValue ?? "").trim())) continue;
    }
    return true;
  }
  return false;
}

export interface Watcher {
  /** Ask for one frame of work that reuses what was read (e.g. a toggle, the minute's tick). */
  schedule(): void;
  /**
   * The work at once, in the caller's task, when it would only reuse the last read (the background
   * answered: the badges are written in the reply's own task rather than a frame and a task later);
   * when Upwork's page changed since, or a frame is already asked for, that frame does it instead.
   */
  now(): void;
  destroy(): void;
}

/**
 * Observes the document and runs `work` at most once per animation frame, after its paint.
 * `work(dirty)`: dirty when relevant mutations arrived since the last frame (or it is the first
 * frame) — only then is the page worth re-reading; a frame asked for through `schedule` alone (our
 * own reply arrived, a toggle) reuses the last read. `work` runs guarded.
 */
export function watchPage(doc: Document, work: (dirty: boolean) => void): Watcher {
  const win = doc.defaultView!;
  let frame = 0;
  let dirty = true;
  const run = guard("page update", () => {
    // Records not yet delivered are Upwork's and count; the ones `work` adds are all our own writes
    // (hosts placed, their attributes): dropped unread rather than filtered one by one.
    if (relevant(observer.takeRecords())) dirty = true;
    const was = dirty;
    frame = 0;
    dirty = false;
    work(was);
    observer.takeRecords();
  });
  let task: ReturnType<typeof setTimeout> | undefined;
  // The work runs in the task after the frame's paint, not inside the frame: Upwork's own style and
  // layout of that frame then stay one task and ours another (no long task made of both), and the
  // layout our reads may touch is clean. Once destroyed, `frame` stays -1: nothing is scheduled again.
  const schedule = () => {
    frame ||= win.requestAnimationFrame(() => {
      task = setTimeout(run);
    });
  };
  const observer = new MutationObserver(
    guard("observer", (records: MutationRecord[]) => {
      if (relevant(records)) {
        dirty = true;
        schedule();
      }
    }),
  );
  // attributeFilter keeps attribute records to the few names a theme switch uses; the rest are skipped in `relevant`.
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: ["class", "data-theme", "style"],
  });
  schedule();
  return {
    schedule,
    now() {
      if (frame < 0) return;
      if (relevant(observer.takeRecords())) dirty = true;
      if (frame || dirty) schedule();
      else run();
    },
    destroy() {
      observer.disconnect();
      win.cancelAnimationFrame(frame);
      clearTimeout(task);
      frame = -1;
    },
  };
}

/** An address without its hash: a hash change is not a new page. */
export function pageAddress(href: string): string {
  return href.split("#")[0]!;
}

/**
 * Calls `onChange` when the address changes without a reload. history.pushState can't be patched
 * from the content script's isolated world, so this listens to what does reach it — popstate and the
 * Navigation API's events — and checks the address on the next frame; the page watcher also checks
 * it on every frame of work (an SPA re-renders after navigating). No polling timer.
 */
/** Watches in-page navigation; returns the function that stops watching (an orphaned script stops). */
export function watchNavigation(win: Window, onChange: () => void): () => void {
  let frame = 0;
  const check = guard("navigation", () => {
    frame = 0;
    onChange();
  });
  const soon = () => {
    frame ||= win.requestAnimationFrame(check);
  };
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  win.addEventListener("popstate", soon);
  nav?.addEventListener("navigate", soon);
  nav?.addEventListener("currententrychange", soon);
  return () => {
    win.cancelAnimationFrame(frame);
    win.removeEventListener("popstate", soon);
    nav?.removeEventListener("navigate", soon);
    nav?.removeEventListener("currententrychange", soon);
  };
}
