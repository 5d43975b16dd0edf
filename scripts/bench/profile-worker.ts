/**
 * `npx tsx scripts/bench/profile-worker.ts [gapMs,…] [logEntries]`: the worker's reply to a page read
 * with 500 records cached, and how long the work after the reply takes (a request that waits for it),
 * to tell the reply's own cost from queueing behind the previous read's writes. With `logEntries`, the
 * invitation log first holds that many entries (e.g. 5000, its bound), written as one whole-log item
 * as an older version or an import leaves it, so the first read also moves it into the shards.
 * Expects bench-out/dist built.
 */
import { launchExtension } from "../extension-browser";
import { BENCH_DIST } from "./bundles";
import { nodeMeasures } from "./node-measures";
import { invitationsTemplate } from "./pages";
import { median } from "./stats";

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

const gaps = (process.argv[2] ?? "100,1000").split(",").map(Number);
const logEntries = Number(process.argv[3] ?? 0);

/** `n` log entries first seen a minute apart, up to now, with a fit and some replies (~300 bytes each, as real ones). */
function syntheticLog(n: number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(now - (n - i) * 60_000).toISOString();
    return {
      id: String(1_000_000_000 + i),
      title: `Synthetic invitation ${i} for a React and Node.js developer`,
      receivedAt: at,
      firstSeenAt: at,
      openedAt: i % 3 ? at : null,
      fit: { score: i % 100, confidence: 0.8, provisional: false, factors: { hireRate: 0.5, rate: 0.75 }, at },
      reply: i % 4 ? { kind: "accepted", at, source: "mark" } : null,
      outcome: null,
    };
  });
}

async function main(): Promise<void> {
  const node = await nodeMeasures(await invitationsTemplate());
  const ext = await launchExtension({ distDir: process.env.IW_BENCH_DIST ?? BENCH_DIST });
  try {
    const page = await ext.openExtensionPage("src/options/index.html");
    if (logEntries > 0)
      await page.evaluate((entries) => chrome.storage.local.set({ "iw:log": { entries } }), syntheticLog(logEntries));
    const seedMs = await page.evaluate(
      async ({ seed }) => {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({
          type: "page-parsed",
          url: "https://www.upwork.com/nx/proposals/",
          readAt: new Date().toISOString(),
          parsed: seed,
        });
        const reply = performance.now() - t0;
        await chrome.runtime.sendMessage({ type: "get-tab-page", tabId: 1 });
        return { reply, settled: performance.now() - t0 };
      },
      { seed: node.parsed.list500 },
    );
    console.log(`seed 500 rows (log: ${logEntries || "empty"}):`, seedMs);
    for (const gap of gaps) {
      const r = await page.evaluate(
        async ({ probe, gap }) => {
          const reply: number[] = [];
          const after: number[] = [];
          for (let i = 0; i < 10; i++) {
            const t0 = performance.now();
            await chrome.runtime.sendMessage({
              type: "page-parsed",
              url: "https://www.upwork.com/nx/proposals/interview/uid/1",
              readAt: new Date().toISOString(),
              parsed: probe,
            });
            const t1 = performance.now();
            reply.push(t1 - t0);
            await chrome.runtime.sendMessage({ type: "get-tab-page", tabId: 1 });
            after.push(performance.now() - t1);
            await new Promise((r) => setTimeout(r, gap));
          }
          return { reply, after };
        },
        { probe: node.parsed.invitation, gap },
      );
      console.log(
        `gap ${gap} ms: reply median ${median(r.reply).toFixed(1)} ms [${r.reply.map((x) => x.toFixed(0)).join(" ")}]; after-reply work + get-tab-page ${median(r.after).toFixed(1)} ms`,
      );
    }
  } finally {
    await ext.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
