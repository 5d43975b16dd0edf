/**
 * Functions the benchmark runs in the page's main world (page.evaluate / addInitScript). They are
 * serialised by Playwright, so each one is self-contained: no imports, no closures over Node values.
 */

/** Init script: records every long task (> 50 ms) of the page from its first moment. */
export function observeLongTasks(): void {
  const w = window as unknown as { __iwLongTasks: number[] };
  w.__iwLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__iwLongTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    /* no longtask support: the count stays empty */
  }
}

/** Long tasks seen so far (durations in ms). */
export function longTasks(): number[] {
  return (window as unknown as { __iwLongTasks?: number[] }).__iwLongTasks ?? [];
}

/** Resolves when the main thread is idle: two frames, then an idle callback (with a 1 s cap). */
export function quiet(): Promise<void> {
  return new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 1000 }))),
  );
}

/**
 * Parse time of `parsePage` (from the injected bench bundle) against one `querySelectorAll('*')` walk
 * of the same document, in interleaved batches (each ≥ 3 ms, so the coarse page clock is fine); and
 * one `body.textContent` read, the least any parser that reads the page's text pays.
 */
export function parseVsWalk(args: { url: string; now: string; batches: number }) {
  const bench = (
    window as unknown as {
      iwBench: { parsePage(doc: Document, url: string, now: Date): { kind: string; missing: string[] } | null };
    }
  ).iwBench;
  const now = new Date(args.now);
  const parse = () => bench.parsePage(document, args.url, now);
  const walk = () => {
    const all = document.querySelectorAll("*");
    let n = 0;
    for (let i = 0; i < all.length; i++) n += all[i]!.nodeType;
    return n;
  };
  // The floor of reading text at all: the page's text once, as one string (no visibility rules).
  const text = () => document.body.textContent.length;
  const calibrate = (fn: () => unknown) => {
    for (let k = 1; ; k *= 2) {
      const t0 = performance.now();
      for (let i = 0; i < k; i++) fn();
      if (performance.now() - t0 >= 3 || k >= 1 << 16) return k;
    }
  };
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  for (let i = 0; i < 10; i++) {
    parse();
    walk();
    text();
  }
  const kp = calibrate(parse);
  const kw = calibrate(walk);
  const kt = calibrate(text);
  const p: number[] = [];
  const w: number[] = [];
  const tx: number[] = [];
  const r: number[] = [];
  for (let b = 0; b < args.batches; b++) {
    let t0 = performance.now();
    for (let i = 0; i < kp; i++) parse();
    const pb = (performance.now() - t0) / kp;
    t0 = performance.now();
    for (let i = 0; i < kw; i++) walk();
    const wb = (performance.now() - t0) / kw;
    t0 = performance.now();
    for (let i = 0; i < kt; i++) text();
    tx.push((performance.now() - t0) / kt);
    p.push(pb);
    w.push(wb);
    r.push(pb / wb);
  }
  const result = parse();
  return {
    parseMs: median(p),
    walkMs: median(w),
    textMs: median(tx),
    ratio: median(r),
    elements: document.querySelectorAll("*").length,
    kind: result?.kind ?? "other",
    missing: result?.missing.length ?? 0,
  };
}

/**
 * Inserts the invitations card (as Upwork's app renders it late) and resolves with the ms from the
 * insertion to the frame after every row's badge is in the DOM with its content written
 * (`expectBadges`), or to the frame after the list itself (the baseline). Null on timeout.
 *
 * The badges' shadow roots are closed, so the page cannot look inside them, and a CDP round trip per
 * check would distort the timing. What it can see: a badge is placed only after its content and then
 * its `data-iw-urgency` are written, in one batch (session.ts), so a placed badge with that
 * attribute shows its text.
 */
export function insertListAndWait(args: {
  card: string;
  rows: number;
  expectBadges: boolean;
  timeoutMs: number;
}): Promise<number | null> {
  const template = document.createElement("template");
  template.innerHTML = args.card;
  const card = template.content.firstElementChild!;
  const before = document.querySelector("[data-qa='card-active-proposals']");
  const visible = (host: Element) => host.hasAttribute("data-iw-urgency");
  const ready = () => {
    if (!args.expectBadges) return true;
    const hosts = document.querySelectorAll("[data-iw-invitation]");
    if (hosts.length < args.rows) return false;
    for (const host of Array.from(hosts)) if (!visible(host)) return false;
    return true;
  };
  return new Promise((resolve) => {
    let t0 = 0;
    let finished = false;
    const finish = (value: number | null) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      resolve(value);
    };
    // Painted: the frame that shows the change has run (rAF), and the task after it (the paint) too.
    const painted = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => finish(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    let seen = false;
    const check = () => {
      if (seen || finished) return;
      if (ready()) {
        seen = true;
        painted();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-iw-urgency"],
    });
    // Also look once per frame: a shadow root's content is invisible to the document's observer.
    const poll = () => {
      if (finished || seen) return;
      check();
      requestAnimationFrame(poll);
    };
    setTimeout(() => finish(null), args.timeoutMs);
    t0 = performance.now();
    if (before) before.before(card);
    else document.body.append(card);
    if (!args.expectBadges) check();
    else requestAnimationFrame(poll);
  });
}

/**
 * In-page navigation as Upwork's router does it: history.pushState, then the new page's body.
 * Resolves when the overlay of the new page is there (`expect`: a selector and how many), or after
 * the next quiet frame when nothing is expected. False on timeout.
 */
export function navigateInPage(args: {
  url: string;
  html: string;
  expect: { selector: string; count: number } | null;
  timeoutMs: number;
}): Promise<boolean> {
  const doc = new DOMParser().parseFromString(args.html, "text/html");
  history.pushState({}, "", args.url);
  document.body.replaceWith(document.adoptNode(doc.body));
  const expect = args.expect;
  return new Promise((resolve) => {
    if (!expect) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
      return;
    }
    const timer = setTimeout(() => resolve(false), args.timeoutMs);
    const check = () => {
      if (document.querySelectorAll(expect.selector).length >= expect.count) {
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(true));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
