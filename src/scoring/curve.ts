/** Small numeric helpers shared by the scoring functions. */

/**
 * Piecewise-linear interpolation through `points` ([x, y] pairs, any order): below the first x it
 * returns the first y, above the last x the last y. Every score curve is one of these, so the
 * panel can explain a factor as "0 at $0, 0.6 at $1,000, 1 at $10,000".
 */
export function curve(x: number, points: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return 0;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < sorted.length; i++) {
    const [x1, y1] = sorted[i]!;
    const [x0, y0] = sorted[i - 1]!;
    // A zero-width segment (two equal x) is a step: the later point wins at and after x.
    if (x < x1) return x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Evidence 0–1 from a count: full at `full`, never below `floor` (also used when the count is unknown). */
export function evidence(count: number | null, full: number, floor: number): number {
  if (count === null) return floor;
  return Math.max(floor, Math.min(1, count / full));
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
