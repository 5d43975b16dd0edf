/**
 * The real-browser measures: parse ratio, badges time, load cost and long tasks, retained memory.
 * Every figure is taken in the same run as its baseline (the same browser without the extension, or
 * the same page without our code), because the machine is shared and noisy.
 */
import type { CDPSession, Page } from "playwright-core";
import type { BaselineBrowser, ExtensionBrowser, SamplePage } from "../extension-browser";
import { insertListAndWait, longTasks, navigateInPage, observeLongTasks, parseVsWalk, quiet } from "./in-page";
import { median } from "./stats";

type AnyBrowser = ExtensionBrowser | BaselineBrowser;

/** Where each page kind shows our overlay (records.md §6). */
export const OVERLAY: Record<string, { selector: string; count: number } | undefined> = {
  invitations: { selector: "[data-iw-invitation]", count: 1 },
  invitation: { selector: "[data-iw-panel]", count: 1 },
  job: { selector: "[data-iw-panel]", count: 1 },
};

/** A page served by the benchmark: a sample page, or a generated one. */
export interface BenchPage {
  name: string;
  kind: string;
  url: string;
  html: string;
}

export async function serve(browser: AnyBrowser, pages: readonly BenchPage[]): Promise<void> {
  for (const p of pages) {
    const u = new URL(p.url);
    browser.routes.set(u.origin + u.pathname.replace(/\/$/, ""), p.html);
  }
}

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await session.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

// ——— parse ratio ————————————————————————————————————————————————————————————————

export interface ParseRatio {
  page: string;
  kind: string;
  elements: number;
  parseMs: number;
  walkMs: number;
  /** One read of the page's text (`body.textContent`): what any parser reading text pays at least. */
  textMs: number;
  ratio: number;
  missing: number;
}

export async function parseRatios(
  browser: BaselineBrowser,
  bundle: string,
  pages: readonly BenchPage[],
  now: string,
): Promise<ParseRatio[]> {
  const out: ParseRatio[] = [];
  const page = await browser.context.newPage();
  try {
    for (const p of pages) {
      await page.goto(p.url);
      await page.addScriptTag({ content: bundle });
      const r = await page.evaluate(parseVsWalk, { url: p.url, now, batches: 15 });
      if (r.kind !== p.kind) throw new Error(`${p.name}: parsed as ${r.kind}, expected ${p.kind}`);
      out.push({
        page: p.name,
        kind: p.kind,
        elements: r.elements,
        parseMs: r.parseMs,
        walkMs: r.walkMs,
        textMs: r.textMs,
        ratio: r.ratio,
        missing: r.missing,
      });
    }
  } finally {
    await page.close();
  }
  return out;
}

// ——— attribution: CPU profile samples whose stack holds a content-script frame ———————————

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Ms of samples whose stack contains a frame of a script whose URL passes `ours` (self + callees). */
export function attributedMs(profile: CpuProfile, ours: (url: string) => boolean): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    const p = parent.get(id);
    const v = !!n && (ours(n.callFrame.url) || (p !== undefined && isOurs(p)));
    memo.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length; i++) if (isOurs(samples[i]!)) us += deltas[i + 1] ?? 0;
  return us / 1000;
}

/** The heaviest functions of our script in a profile (self time), to name a cause. */
export function topFunctions(
  profile: CpuProfile,
  ours: (url: string) => boolean,
  n = 5,
): Array<{ name: string; ms: number }> {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node || !ours(node.callFrame.url)) continue;
    const name = node.callFrame.functionName || "(anonymous)";
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...self]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}

async function profiled<T>(session: CDPSession, fn: () => Promise<T>): Promise<{ value: T; profile: CpuProfile }> {
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  await session.send("Profiler.start");
  const value = await fn();
  const { profile } = await session.send("Profiler.stop");
  return { value, profile: profile };
}

// ——— badges ———————————————————————————————————————————————————————————————————————

export interface BadgeRun {
  rows: number;
  /** Insert → every badge painted (with the extension), median; null when the badges never came. */
  ms: number | null;
  /** Insert → the list painted, same page, no extension. */
  baselineMs: number;
  /**
   * Scripting the extension adds (ms): the main thread's CPU time in script (CDP ScriptDuration,
   * thread ticks) from insert to idle, with the extension minus without, medians. Measured with no
   * profiler attached: sampling slows cold code down by a third and more.
   */
  scriptMs: number | null;
  /** Content-script scripting by CPU-profile attribution (one extra profiled run: it names the cause). */
  profiledScriptMs: number | null;
  top: Array<{ name: string; ms: number }>;
  /** Long tasks per run, median (a single preempted run on a shared machine does not set it). */
  longTasks: number;
  baselineLongTasks: number;
  /** The most long tasks any one run had. */
  longTasksWorst: number;
}

async function badgeOnce(
  browser: AnyBrowser,
  shellUrl: string,
  card: string,
  rows: number,
  ours: ((url: string) => boolean) | null,
) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(observeLongTasks);
    await page.goto(shellUrl);
    await page.waitForLoadState("load");
    await page.evaluate(quiet);
    const before = (await page.evaluate(longTasks)).length;
    const session = await browser.context.newCDPSession(page);
    await session.send("Performance.enable", { timeDomain: "threadTicks" });
    const expectBadges = browser.serviceWorker !== null;
    const insert = () => page.evaluate(insertListAndWait, { card, rows, expectBadges, timeoutMs: 10_000 });
    const m0 = await metrics(session);
    const { value: ms, profile } = ours ? await profiled(session, insert) : { value: await insert(), profile: null };
    await page.evaluate(quiet);
    const m1 = await metrics(session);
    const lt = (await page.evaluate(longTasks)).length - before;
    return {
      ms,
      cpuScriptMs: ((m1.ScriptDuration ?? 0) - (m0.ScriptDuration ?? 0)) * 1000,
      profiledScriptMs: profile && ours ? attributedMs(profile, ours) : null,
      top: profile && ours ? topFunctions(profile, ours) : [],
      longTasks: lt,
    };
  } finally {
    await page.close();
  }
}

export async function badgeTimes(
  ext: ExtensionBrowser,
  base: BaselineBrowser,
  shellUrl: string,
  cards: ReadonlyMap<number, string>,
  repeats: number,
): Promise<BadgeRun[]> {
  const ours = (url: string) => url.startsWith(`chrome-extension://${ext.extensionId}/`);
  const out: BadgeRun[] = [];
  for (const [rows, card] of cards) {
    const runs: Awaited<ReturnType<typeof badgeOnce>>[] = [];
    const baseRuns: Awaited<ReturnType<typeof badgeOnce>>[] = [];
    for (let i = 0; i < repeats; i++) {
      baseRuns.push(await badgeOnce(base, shellUrl, card, rows, null));
      runs.push(await badgeOnce(ext, shellUrl, card, rows, null));
    }
    const profiledRun = await badgeOnce(ext, shellUrl, card, rows, ours);
    const ok = runs.filter((r) => r.ms !== null);
    out.push({
      rows,
      ms: ok.length === runs.length ? median(ok.map((r) => r.ms!)) : null,
      baselineMs: median(baseRuns.map((r) => r.ms ?? Number.NaN)),
      scriptMs: ok.length
        ? Math.max(0, median(ok.map((r) => r.cpuScriptMs)) - median(baseRuns.map((r) => r.cpuScriptMs)))
        : null,
      profiledScriptMs: profiledRun.profiledScriptMs,
      top: profiledRun.top,
      longTasks: median(runs.map((r) => r.longTasks)),
      baselineLongTasks: median(baseRuns.map((r) => r.longTasks)),
      longTasksWorst: Math.max(...runs.map((r) => r.longTasks)),
    });
  }
  return out;
}

// ——— load cost and long tasks ——————————————————————————————————————————————————————

export interface LoadRun {
  page: string;
  /** CDP ScriptDuration of the load (ms), median, with and without the extension. */
  scriptMs: number;
  baselineScriptMs: number;
  /** CDP TaskDuration (all main-thread work) of the load (ms), median. */
  taskMs: number;
  baselineTaskMs: number;
  /** Content-script scripting from a CPU profile of the load (ms; one extra, profiled load). */
  contentScriptMs: number;
  /** Long tasks per load, median; and the most any one load had. */
  longTasks: number;
  baselineLongTasks: number;
  longTasksWorst: number;
  /** The overlay appeared (pages where one is expected). */
  overlay: boolean | null;
}

/** One load of `p`; with `ours`, under the CPU profiler (for attribution only: it slows the page). */
async function loadOnce(
  browser: AnyBrowser,
  p: BenchPage,
  expectOverlay: boolean,
  ours: ((url: string) => boolean) | null,
) {
  const page: Page = await browser.context.newPage();
  try {
    await page.addInitScript(observeLongTasks);
    await page.goto("about:blank");
    const session = await browser.context.newCDPSession(page);
    await session.send("Performance.enable", { timeDomain: "threadTicks" });
    const m0 = await metrics(session);
    const load = async () => {
      await page.goto(p.url);
      await page.waitForLoadState("load");
      const want = OVERLAY[p.kind];
      let overlay: boolean | null = null;
      if (expectOverlay && want) {
        overlay = await page
          .waitForFunction((s) => document.querySelector(s) !== null, want.selector, { timeout: 5_000 })
          .then(
            () => true,
            () => false,
          );
      }
      await page.evaluate(quiet);
      return overlay;
    };
    const profile = ours ? (await profiled(session, load)).profile : (await load(), null);
    const m1 = await metrics(session);
    const lt = await page.evaluate(longTasks);
    const overlay = expectOverlay && OVERLAY[p.kind] ? (await page.$(OVERLAY[p.kind]!.selector)) !== null : null;
    return {
      scriptMs: ((m1.ScriptDuration ?? 0) - (m0.ScriptDuration ?? 0)) * 1000,
      taskMs: ((m1.TaskDuration ?? 0) - (m0.TaskDuration ?? 0)) * 1000,
      contentScriptMs: profile && ours ? attributedMs(profile, ours) : 0,
      longTasks: lt.length,
      overlay,
    };
  } finally {
    await page.close();
  }
}

export async function loadCosts(
  ext: ExtensionBrowser,
  base: BaselineBrowser,
  pages: readonly BenchPage[],
  repeats: number,
  overlayBuilt: boolean,
): Promise<LoadRun[]> {
  const ours = (url: string) => url.startsWith(`chrome-extension://${ext.extensionId}/`);
  const out: LoadRun[] = [];
  for (const p of pages) {
    const runs: Awaited<ReturnType<typeof loadOnce>>[] = [];
    const baseRuns: Awaited<ReturnType<typeof loadOnce>>[] = [];
    for (let i = 0; i < repeats; i++) {
      baseRuns.push(await loadOnce(base, p, false, null));
      runs.push(await loadOnce(ext, p, overlayBuilt, null));
    }
    const profiledRun = await loadOnce(ext, p, overlayBuilt, ours);
    out.push({
      page: p.name,
      scriptMs: median(runs.map((r) => r.scriptMs)),
      baselineScriptMs: median(baseRuns.map((r) => r.scriptMs)),
      taskMs: median(runs.map((r) => r.taskMs)),
      baselineTaskMs: median(baseRuns.map((r) => r.taskMs)),
      contentScriptMs: profiledRun.contentScriptMs,
      longTasks: median(runs.map((r) => r.longTasks)),
      baselineLongTasks: median(baseRuns.map((r) => r.longTasks)),
      longTasksWorst: Math.max(...runs.map((r) => r.longTasks)),
      overlay: runs.some((r) => r.overlay === null) ? null : runs.every((r) => r.overlay),
    });
  }
  return out;
}

// ——— main-thread time a page feels (script, style and layout together) ——————————————————————

export interface PageCost {
  page: string;
  /** Script + style recalculation + layout added over the same page without the extension (ms, medians). */
  addedMs: number;
  ms: number;
  baselineMs: number;
  /** Each part added (ms, medians). */
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  overlay: boolean;
}

/** Main-thread time from the navigation until SETTLE_MS after it and quiet (late sections, timers). */
const SETTLE_MS = 3_000;

async function mainThreadOnce(browser: AnyBrowser, p: BenchPage, expectOverlay: boolean) {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto("about:blank");
    const session = await browser.context.newCDPSession(page);
    await session.send("Performance.enable", { timeDomain: "threadTicks" });
    const m0 = await metrics(session);
    const start = Date.now();
    await page.goto(p.url);
    await page.waitForLoadState("load");
    const want = OVERLAY[p.kind];
    const overlay =
      expectOverlay && want
        ? await page
            .waitForFunction((s) => document.querySelector(s) !== null, want.selector, { timeout: 5_000 })
            .then(
              () => true,
              () => false,
            )
        : false;
    await page.waitForTimeout(Math.max(0, SETTLE_MS - (Date.now() - start)));
    await page.evaluate(quiet);
    const m1 = await metrics(session);
    const d = (k: string) => ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000;
    return { script: d("ScriptDuration"), style: d("RecalcStyleDuration"), layout: d("LayoutDuration"), overlay };
  } finally {
    await page.close();
  }
}

/** What each page costs the main thread with the extension, against itself without it, runs interleaved. */
export async function mainThreadCosts(
  ext: ExtensionBrowser,
  base: BaselineBrowser,
  pages: readonly BenchPage[],
  repeats: number,
): Promise<PageCost[]> {
  const out: PageCost[] = [];
  for (const p of pages) {
    const runs: Awaited<ReturnType<typeof mainThreadOnce>>[] = [];
    const baseRuns: Awaited<ReturnType<typeof mainThreadOnce>>[] = [];
    for (let i = 0; i < repeats; i++) {
      baseRuns.push(await mainThreadOnce(base, p, false));
      runs.push(await mainThreadOnce(ext, p, true));
    }
    const total = (r: (typeof runs)[number]) => r.script + r.style + r.layout;
    const added = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f)) - median(baseRuns.map(f));
    out.push({
      page: p.name,
      addedMs: added(total),
      ms: median(runs.map(total)),
      baselineMs: median(baseRuns.map(total)),
      scriptMs: added((r) => r.script),
      styleMs: added((r) => r.style),
      layoutMs: added((r) => r.layout),
      overlay: runs.every((r) => r.overlay),
    });
  }
  return out;
}

// ——— the worker's answer to a page read, with the record cache full ————————————————————————

export interface WorkerReply {
  /** Entries in the record cache while measuring. */
  cached: number;
  /** Round trip of a page read from an extension page (send → reply), median, ms. */
  ms: number;
  /** The same round trip for a request the worker refuses at once (no such type): the messaging alone. */
  baselineMs: number;
}

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string | string[]): Promise<Record<string, unknown>> } };
};

export async function workerReply(
  ext: ExtensionBrowser,
  seed: unknown,
  probe: unknown,
  repeats: number,
): Promise<WorkerReply> {
  const page = await ext.openExtensionPage("src/options/index.html");
  try {
    const readAt = new Date().toISOString();
    await page.evaluate(
      async ({ seed, readAt }) => {
        await chrome.runtime.sendMessage({
          type: "page-parsed",
          url: "https://www.upwork.com/nx/proposals/",
          readAt,
          parsed: seed,
        });
      },
      { seed, readAt },
    );
    // The worker records after it replies: wait until the seed is in the cache.
    // The cache's index lives in 16 shards (record-cache.ts): the entries they list. (A build from
    // before the shards, measured with IW_BENCH_DIST to compare, keeps it in one item.)
    const cachedNow = () =>
      page.evaluate(async () => {
        const keys = ["iw:cache:index", ...Array.from({ length: 16 }, (_, n) => `iw:cache:index:${n}`)];
        const shards = await chrome.storage.local.get(keys);
        return Object.values(shards).reduce((n: number, shard) => n + Object.keys(shard as object).length, 0);
      });
    const deadline = Date.now() + 15_000;
    let cached = await cachedNow();
    while (cached < 500 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      cached = await cachedNow();
    }
    const times = await page.evaluate(
      async ({ probe, repeats }) => {
        const page: number[] = [];
        const memory: number[] = [];
        for (let i = 0; i < repeats; i++) {
          const readAt = new Date().toISOString();
          let t0 = performance.now();
          await chrome.runtime.sendMessage({
            type: "page-parsed",
            url: "https://www.upwork.com/nx/proposals/interview/uid/1",
            readAt,
            parsed: probe,
          });
          page.push(performance.now() - t0);
          t0 = performance.now();
          await chrome.runtime.sendMessage({ type: "no-such-request" });
          memory.push(performance.now() - t0);
          // Let the work after each reply finish: the next read must not queue behind it.
          await new Promise((r) => setTimeout(r, 100));
        }
        return { page, memory };
      },
      { probe, repeats },
    );
    return { cached, ms: median(times.page), baselineMs: median(times.memory) };
  } finally {
    await page.close();
  }
}

// ——— retained memory after in-page navigations ——————————————————————————————————————

export interface MemoryRun {
  navigations: number;
  /** JSHeapUsedSize after forced GC: after the navigations minus before, bytes. */
  heapGrowth: number;
  /** DOM nodes and JS event listeners, same difference (a leaked host keeps both). */
  nodesGrowth: number;
  listenersGrowth: number;
  /** Navigations whose overlay did not appear within the timeout. */
  missedOverlays: number;
}

async function heap(session: CDPSession): Promise<Record<string, number>> {
  for (let i = 0; i < 3; i++) await session.send("HeapProfiler.collectGarbage");
  return metrics(session);
}

export async function memoryGrowth(
  browser: AnyBrowser,
  list: BenchPage,
  detail: BenchPage,
  navigations: number,
  expectOverlay: boolean,
): Promise<MemoryRun> {
  const page = await browser.context.newPage();
  try {
    await page.goto(list.url);
    await page.waitForLoadState("load");
    const session = await browser.context.newCDPSession(page);
    await session.send("Performance.enable");
    await session.send("HeapProfiler.enable");
    let missed = 0;
    const go = async (p: BenchPage) => {
      const want = expectOverlay ? (OVERLAY[p.kind] ?? null) : null;
      const ok = await page.evaluate(navigateInPage, { url: p.url, html: p.html, expect: want, timeoutMs: 5_000 });
      if (!ok) missed++;
    };
    // Warm up to a steady state first: the first window of navigations grows the heap by ~0.7 MB
    // with the extension (compiled and optimised code, inline caches, style sheets), the next ones by
    // a few KB — measured, see the report. So one full window of warm-up, then the measured window.
    for (let i = 0; i < navigations; i++) await go(i % 2 ? list : detail);
    await page.evaluate(quiet);
    const before = await heap(session);
    missed = 0;
    for (let i = 0; i < navigations; i++) await go(i % 2 ? list : detail);
    await page.evaluate(quiet);
    const after = await heap(session);
    return {
      navigations,
      heapGrowth: (after.JSHeapUsedSize ?? 0) - (before.JSHeapUsedSize ?? 0),
      nodesGrowth: (after.Nodes ?? 0) - (before.Nodes ?? 0),
      listenersGrowth: (after.JSEventListeners ?? 0) - (before.JSEventListeners ?? 0),
      missedOverlays: missed,
    };
  } finally {
    await page.close();
  }
}

export type { SamplePage };
