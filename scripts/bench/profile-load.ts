/**
 * `npx tsx scripts/bench/profile-load.ts [runs]`: where the main thread's time goes while a real capture
 * loads as a job page and as a slider (the bench's "main thread added" measure, profiled in detail).
 * Expects the extension built into bench-out/dist; profiles an unminified copy (as profile-badges.ts).
 * Prints per page the thread CPU figures with and without the extension and, for the median profiled
 * run, the content script's heaviest functions by self and by total time.
 */
import { launchExtension } from "../extension-browser";
import { BENCH_DIST, namedCopy } from "./bundles";
import { capturePages } from "./pages";
import { quiet } from "./in-page";
import { attributedMs } from "./browser-measures";
import { breakdown, type Profile } from "./profile-breakdown";
import { median } from "./stats";
import type { CDPSession } from "playwright-core";

const runs = Number(process.argv[2] ?? 5);
const KEYS = ["ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration"] as const;

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await session.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function main(): Promise<void> {
  const pages = await capturePages();
  if (!pages) throw new Error("../shared/upwork/captures not found: nothing to profile");
  const built = process.env.IW_BENCH_DIST ?? BENCH_DIST;
  const distDir = process.env.IW_PROFILE_AS_BUILT ? built : await namedCopy(built);
  for (const withExtension of [false, true]) {
    const browser = await launchExtension({ distDir, withExtension });
    try {
      for (const p of pages) {
        const u = new URL(p.url);
        browser.routes.set(u.origin + u.pathname.replace(/\/$/, ""), p.html);
      }
      const ours = (url: string) => url.startsWith("chrome-extension://");
      for (const p of pages) {
        const results: Array<{ cpu: Record<string, number>; profile: Profile; script: number }> = [];
        for (let r = 0; r < runs; r++) {
          const page = await browser.context.newPage();
          await page.goto("about:blank");
          const session = await browser.context.newCDPSession(page);
          await session.send("Performance.enable", { timeDomain: "threadTicks" });
          // IW_PROFILE_OFF=1: thread CPU figures alone, without the sampling profiler's slowdown.
          const sampling = !process.env.IW_PROFILE_OFF;
          if (sampling) {
            await session.send("Profiler.enable");
            await session.send("Profiler.setSamplingInterval", { interval: 100 });
          }
          const m0 = await metrics(session);
          if (sampling) await session.send("Profiler.start");
          await page.goto(p.url);
          await page.waitForLoadState("load");
          await page.waitForTimeout(2_000);
          await page.evaluate(quiet);
          const { profile } = sampling ? await session.send("Profiler.stop") : { profile: { nodes: [] } as Profile };
          const m1 = await metrics(session);
          const cpu = Object.fromEntries(KEYS.map((k) => [k, ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000]));
          results.push({ cpu, profile, script: attributedMs(profile, ours) });
          await page.close();
        }
        console.log(`\n== ${p.name} ${withExtension ? "WITH" : "without"} the extension, ${runs} runs`);
        for (const k of KEYS) console.log(`  ${k}: median ${median(results.map((r) => r.cpu[k]!)).toFixed(1)} ms`);
        if (!withExtension || !!process.env.IW_PROFILE_OFF) continue;
        results.sort((a, b) => a.script - b.script);
        const mid = results[results.length >> 1]!;
        const b = breakdown(mid.profile, ours);
        console.log(`  content script (profile) ${mid.script.toFixed(1)} ms; self:\n${b.self}\n  total:\n${b.total}`);
      }
    } finally {
      await browser.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
