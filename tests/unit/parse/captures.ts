/** Comparing a capture's hand-written expectation with what was read, field by field. */
import { existsSync } from "node:fs";
import { CAPTURES } from "./helpers";

export { CAPTURES, captureExpectations, type CaptureExpectation } from "./helpers";
export const haveCaptures = existsSync(CAPTURES);

/** Leaf values by dotted path ("client.history[2].amount"); empty lists and objects count as one leaf. */
export function leaves(value: unknown, path = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length)
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, value);
  return out;
}

/** Field-by-field comparison: shown (non-null in the expectation), right, wrong and missed fields. */
export function compareFields(expected: unknown, actual: unknown) {
  const want = leaves(expected);
  const got = leaves(actual);
  const wrong: string[] = [];
  const missed: string[] = [];
  let shown = 0;
  for (const [path, v] of want) {
    const isShown = v !== null && !(Array.isArray(v) && v.length === 0);
    if (isShown) shown++;
    const g = got.has(path) ? got.get(path) : undefined;
    if (JSON.stringify(g) === JSON.stringify(v)) continue;
    if (isShown && (g === null || g === undefined)) missed.push(path);
    else wrong.push(`${path}: expected ${JSON.stringify(v)}, got ${JSON.stringify(g)}`);
  }
  for (const [path, g] of got)
    if (!want.has(path) && g !== null) wrong.push(`${path}: not expected, got ${JSON.stringify(g)}`);
  return {
    shown,
    right: shown - missed.length - wrong.filter((w) => !w.includes("expected null")).length,
    wrong,
    missed,
  };
}
