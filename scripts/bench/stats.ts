/** Small statistics for noisy timings: medians over batches, each batch long enough for the clock. */
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Milliseconds per call of `fn` in Node: calibrates a batch size so a batch takes ≥ `batchMs`, then
 * returns the median over `batches` batches (after one warm-up batch).
 */
export function timePerCall(fn: () => unknown, batchMs = 5, batches = 15, budgetMs = 1500): number {
  let k = 1;
  let batchTime: number;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    batchTime = performance.now() - t0;
    if (batchTime >= batchMs || k >= 1 << 20) break;
    k *= 2;
  }
  // Slow functions get fewer batches (at least 5), so the whole benchmark stays within minutes.
  batches = Math.max(5, Math.min(batches, Math.floor(budgetMs / Math.max(batchTime, 1e-3))));
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    per.push((performance.now() - t0) / k);
  }
  return median(per);
}
