/**
 * The real pages in ../shared/upwork/captures (other people's files, never copied here) against
 * expectations written by hand from what each page visibly shows (tests/fixtures/captures/).
 * The text parsers alone must read every shown field right: the SPA slider has no fresh page
 * state, so the text is the source that must stay complete. CI always has the captures; a fresh
 * clone without them skips with a message.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPage } from "../../../src/cli/load-page";
import { parseFile } from "../../../src/cli/parse";
import { parsePage } from "../../../src/content/parse/index";
import { pageKind } from "../../../src/content/routes";
import { ParsedPage } from "../../../src/shared/records";
import { CAPTURES, captureExpectations, compareFields, haveCaptures, leaves } from "./captures";

describe.skipIf(!haveCaptures)("real captures, read from their visible text", () => {
  for (const { name, exp } of haveCaptures ? captureExpectations() : []) {
    it(`${name}: every shown field right, nothing invented`, async () => {
      const page = await loadPage(join(CAPTURES, exp.capture), exp.url);
      try {
        expect(pageKind(exp.url)).toBe(exp.kind);
        const parsed = parsePage(page.document, exp.url, new Date(exp.now));
        if (exp.kind === "other") {
          expect(parsed).toBeNull();
          return;
        }
        expect(parsed?.kind).toBe(exp.kind);
        const checked = ParsedPage.safeParse(parsed);
        expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues)).toBe(true);
        const diff = compareFields(exp.record, parsed!.record);
        expect({ wrong: diff.wrong, missed: diff.missed }).toEqual({ wrong: [], missed: [] });
        expect([...parsed!.missing].sort()).toEqual([...exp.missing].sort());
      } finally {
        await page.close();
      }
    });
  }
});

/** The source of a leaf: its own path's, else its nearest parent's ("activity.proposals.min" → "activity.proposals"). */
function sourceOf(sources: Record<string, string>, path: string): string | undefined {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    if (sources[p]) return sources[p];
    if (!/[.[]/.test(p)) break;
  }
  return undefined;
}

/** Whether a value the state refined still stands for what the page shows (checked here independently of the merge's rules). */
function refines(shown: unknown, got: unknown, path: string): boolean {
  // "Less than 5" → {0, 4}, "50+" → {50, null}: an exact count inside the range.
  if (path.endsWith("proposals.min")) return typeof got === "number" && got >= (shown as number);
  if (path.endsWith("proposals.max")) return typeof got === "number" && (shown === null || got <= (shown as number));
  if (typeof shown === "number" && typeof got === "number") return Math.abs(got - shown) <= Math.max(0.5, shown * 0.05);
  if (typeof shown === "string" && typeof got === "string") {
    const [a, b] = [Date.parse(shown), Date.parse(got)];
    if (/^\d{4}-\d{2}-\d{2}/.test(shown) && !Number.isNaN(a) && !Number.isNaN(b))
      return Math.abs(a - b) <= 48 * 3600_000;
    return got.startsWith(shown); // the page shortens long feedback; the state has all of it
  }
  return false;
}

describe.skipIf(!haveCaptures)("real captures, read as the command line reads them (text and page state)", () => {
  for (const { name, exp } of haveCaptures ? captureExpectations() : []) {
    it(`${name}: the state fills and refines, never contradicts what the page shows`, async () => {
      const line = await parseFile(join(CAPTURES, exp.capture), {
        url: exp.url,
        now: new Date(exp.now),
        files: [],
      });
      expect(line.error).toBeUndefined();
      expect(line.kind).toBe(exp.kind);
      const sources = line.sources as Record<string, string>;
      const want = leaves(exp.record);
      const got = leaves(line.record);
      const problems: string[] = [];
      for (const [path, shown] of want) {
        const g = got.has(path) ? got.get(path) : undefined;
        if (JSON.stringify(g) === JSON.stringify(shown)) continue;
        const source = sourceOf(sources, path);
        const isShown = shown !== null && !(Array.isArray(shown) && shown.length === 0);
        if (!isShown && source === "state") continue; // filled: the page does not show it
        if (source === "both" && refines(shown, g, path)) continue;
        problems.push(`${path} (${source ?? "no source"}): shown ${JSON.stringify(shown)}, read ${JSON.stringify(g)}`);
      }
      // Items the page does not render, filled from the state, are the state's.
      for (const [path, g] of got)
        if (!want.has(path) && g !== null && sourceOf(sources, path) !== "state")
          problems.push(`${path}: not on the page, read ${JSON.stringify(g)}`);
      expect(problems).toEqual([]);
      for (const [path, source] of Object.entries(sources)) expect(["text", "state", "both"], path).toContain(source);
    });
  }
});

if (!haveCaptures) {
  describe("real captures", () => {
    it.skip(`skipped: ${CAPTURES} not found (CI always has it; a fresh clone without ../shared skips these)`, () => {});
  });
}
