/** Test helpers: load fixture HTML into happy-dom (scripts off) and compare with expected JSON. */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Window } from "happy-dom";
import { expect, it } from "vitest";
import { parsePage } from "../../../src/content/parse/index";
import { sniffKind } from "../../../src/content/parse/sniff";
import { ParsedPage, type PageKind } from "../../../src/shared/records";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const FIXTURES = join(ROOT, "tests/fixtures");
/** The moment every fixture is read at (relative times resolve against it). */
export const NOW = new Date("2026-03-09T12:00:00Z");

export function loadHtml(html: string): { doc: Document; close: () => Promise<void> } {
  const window = new Window({
    url: "https://www.upwork.com/",
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return { doc: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

export function savedUrl(html: string): string {
  return /<!-- saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1] ?? "";
}

export interface Fixture {
  name: string;
  htmlPath: string;
  expectedPath: string;
}

/** Fixtures of a kind: tests/fixtures/<kind>/*.html plus the sample page of that kind. */
export function fixtures(kind: PageKind): Fixture[] {
  const dir = join(FIXTURES, kind);
  const own = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".html"))
        .map((f) => ({
          name: `${kind}/${f}`,
          htmlPath: join(dir, f),
          expectedPath: join(dir, f.replace(/\.html$/, ".expected.json")),
        }))
    : [];
  const pages = JSON.parse(readFileSync(join(ROOT, "sample-pages/pages.json"), "utf8")) as {
    file: string;
    kind: string;
  }[];
  const samples = pages
    .filter((p) => p.kind === kind)
    .map((p) => ({
      name: `sample-pages/${p.file}`,
      htmlPath: join(ROOT, "sample-pages", p.file),
      expectedPath: join(FIXTURES, "sample-pages", p.file.replace(/\.html$/, ".expected.json")),
    }));
  return [...samples, ...own];
}

export function parseHtml(html: string, url = savedUrl(html), now = NOW): ParsedPage | null {
  const { doc, close } = loadHtml(html);
  try {
    return parsePage(doc, url, now, url ? undefined : sniffKind(doc));
  } finally {
    void close();
  }
}

/** Every fixture of the kind parses, validates and equals its expected JSON. */
export function fixtureSuite(kind: PageKind): void {
  const list = fixtures(kind);
  it(`has fixtures for ${kind}`, () => expect(list.length).toBeGreaterThan(0));
  for (const fx of list) {
    it(`${fx.name} matches its expected JSON`, () => {
      const html = readFileSync(fx.htmlPath, "utf8");
      const out = parseHtml(html);
      expect(out?.kind).toBe(kind);
      const checked = ParsedPage.safeParse(out);
      expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues)).toBe(true);
      const expected = JSON.parse(readFileSync(fx.expectedPath, "utf8"));
      const { kind: k, record, missing, warnings } = out!;
      expect({ kind: k, record, missing, warnings }).toEqual(expected);
      // Field health: every field read has the anchor that gave it, no field is credited twice.
      expect(Object.keys(out!.anchors ?? {}).filter((p) => missing.includes(p))).toEqual([]);
    });
  }
}

export function readFixture(name: string): string {
  return name.startsWith("sample-pages/")
    ? readFileSync(join(ROOT, name), "utf8")
    : readFileSync(join(FIXTURES, name), "utf8");
}

/** The real pages beside the project (other people's files, never copied here); absent in a fresh clone. */
export const CAPTURES = resolve(ROOT, "../shared/upwork/captures");

export interface CaptureExpectation {
  capture: string;
  url: string;
  now: string;
  kind: string;
  record: unknown;
  missing: string[];
}

/** The hand-written expectation of each capture (tests/fixtures/captures/), by name. */
export function captureExpectations(): { name: string; exp: CaptureExpectation }[] {
  const dir = join(FIXTURES, "captures");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.expected\.json$/, ""),
      exp: JSON.parse(readFileSync(join(dir, f), "utf8")) as CaptureExpectation,
    }));
}
