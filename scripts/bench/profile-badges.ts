/**
 * `npx tsx scripts/bench/profile-badges.ts [rows] [runs]`: where the content script's time goes while
 * badging a list inserted late (the bench's "badges" measure, profiled in detail). Expects the
 * extension built into bench-out/dist (`npm run bench` builds it; or `npx vite build --outDir
 * bench-out/dist`); profiles an unminified copy (rebuilt from the working tree's sources) so
 * functions keep their names — IW_PROFILE_AS_BUILT=1 profiles the build itself. Prints, for the median
 * run: our scripting, long tasks, the heaviest functions by self time (including the browser's own
 * work — style, layout, GC — done on behalf of our frames) and by total time.
 */
import { launchExtension } from "../extension-browser";
import { BENCH_DIST, namedCopy } from "./bundles";
import { insertListAndWait, longTasks, observeLongTasks, quiet } from "./in-page";
import { invitationsCard, invitationsShell, invitationsTemplate } from "./pages";
import { attributedMs } from "./browser-measures";
import { median } from "./stats";
import type { CDPSession } from "playwright-core";
import { breakdown, type Profile } from "./profile-breakdown";

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await session.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

const SHELL_URL = "https://www.upwork.com/ab/proposals/";
const rows = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);

async function main(): Promise<void> {
  // The named copy is rebuilt from the working tree's sources; IW_PROFILE_AS_BUILT=1 profiles the built
  // (minified) content script as it is instead, to compare two builds (IW_BENCH_DIST=<dir>).
  const built = process.env.IW_BENCH_DIST ?? BENCH_DIST;
  const distDir = process.env.IW_PROFILE_AS_BUILT ? built : await namedCopy(built);
  const t = await invitationsTemplate();
  // IW_PROFILE_BASE=1: the same browser without the extension (the list alone), for the CPU figures.
  const base = !!process.env.IW_PROFILE_BASE;
  const ext = base ? await launchExtension({ distDir, withExtension: false }) : await launchExtension({ distDir });
  try {
    await ext.context.addInitScript({ content: "globalThis.__name = (f) => f;" });
    ext.routes.set(SHELL_URL.replace(/\/$/, ""), invitationsShell(t));
    const ours = (url: string) => url.startsWith(`chrome-extension://${ext.extensionId}/`);
    const card = invitationsCard(t, rows);
    const results: Array<{
      ms: number | null;
      script: number;
      lt: number[];
      profile: Profile;
      cpu: Record<string, number>;
    }> = [];
    for (let r = 0; r < runs; r++) {
      const page = await ext.context.newPage();
      await page.addInitScript(observeLongTasks);
      await page.goto(SHELL_URL);
      await page.waitForLoadState("load");
      await page.evaluate(quiet);
      const before = (await page.evaluate(longTasks)).length;
      const session = await ext.context.newCDPSession(page);
      await session.send("Performance.enable", { timeDomain: "threadTicks" });
      const m0 = await metrics(session);
      // IW_PROFILE_OFF=1: no sampling profiler (it slows our code down), for the thread CPU figures alone.
      const sampling = !process.env.IW_PROFILE_OFF;
      if (sampling) {
        await session.send("Profiler.enable");
        await session.send("Profiler.setSamplingInterval", { interval: 50 });
        await session.send("Profiler.start");
      }
      const ms = await page.evaluate(insertListAndWait, { card, rows, expectBadges: !base, timeoutMs: 10_000 });
      const { profile } = sampling ? await session.send("Profiler.stop") : { profile: { nodes: [] } as Profile };
      await page.evaluate(quiet);
      const m1 = await metrics(session);
      const cpu = Object.fromEntries(
        ["ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration"].map((k) => [
          k,
          ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000,
        ]),
      );
      const lt = (await page.evaluate(longTasks)).slice(before);
      results.push({ ms, script: attributedMs(profile, ours), lt, profile, cpu });
      await page.close();
    }
    // Thread CPU time (not wall time): steadier than the profile on a shared machine. It counts the
    // whole page's main thread (the list's insertion too), so compare builds, not absolute values.
    for (const k of Object.keys(results[0]!.cpu))
      console.log(
        `thread CPU ${k}: ${results.map((r) => r.cpu[k]!.toFixed(1)).join(", ")} ms (median ${median(results.map((r) => r.cpu[k]!)).toFixed(1)})`,
      );
    results.sort((a, b) => a.script - b.script);
    const mid = results[results.length >> 1]!;
    console.log(
      `${rows} rows, ${runs} runs: scripting ${results.map((r) => r.script.toFixed(1)).join(", ")} ms; insert→painted ${results.map((r) => r.ms?.toFixed(0)).join(", ")} ms`,
    );
    console.log(`long tasks per run: ${results.map((r) => `[${r.lt.map((d) => d.toFixed(0)).join(" ")}]`).join(" ")}`);
    const b = breakdown(mid.profile, ours);
    console.log(`median run (${mid.script.toFixed(1)} ms), self time:\n${b.self}\ntotal time:\n${b.total}`);
  } finally {
    await ext.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
