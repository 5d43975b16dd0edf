/**
 * Property test: random damage to the fixtures (elements deleted or duplicated, attributes stripped,
 * text replaced by junk, HTML truncated at a tag) never throws, always validates, and never turns a
 * number into a different one: each number read is the undamaged page's value or null.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../../src/content/parse/index";
import { ParsedPage } from "../../../src/shared/records";
import { CAPTURES, captureExpectations } from "./helpers";
import { fixtures, loadHtml, NOW, savedUrl } from "./helpers";

type Op = { kind: "delete" | "duplicate" | "strip" | "junk"; at: number; junk: string };

/** Numbers of a record by path, array indices wildcarded ("client.history[].amount"). */
function numbers(value: unknown, path = "", out = new Map<string, Set<number>>()): Map<string, Set<number>> {
  if (typeof value === "number") {
    const set = out.get(path) ?? new Set<number>();
    set.add(value);
    out.set(path, set);
  } else if (Array.isArray(value)) value.forEach((v) => numbers(v, `${path}[]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) numbers(v, path ? `${path}.${k}` : k, out);
  return out;
}

function damage(doc: Document, ops: Op[]): void {
  for (const op of ops) {
    const all = Array.from(doc.body?.querySelectorAll("*") ?? []);
    if (all.length === 0) return;
    const el = all[op.at % all.length]!;
    // A textarea's text is what the user typed, not page markup: the page's counter always agrees with it.
    if (op.kind === "junk" && el.tagName === "TEXTAREA") continue;
    if (op.kind === "delete") el.remove();
    else if (op.kind === "duplicate") el.after(el.cloneNode(true));
    else if (op.kind === "strip") for (const a of Array.from(el.attributes)) el.removeAttribute(a.name);
    else {
      const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3);
      const t = texts[op.at % Math.max(texts.length, 1)];
      if (t) t.nodeValue = op.junk;
      else el.append(doc.createTextNode(op.junk));
    }
  }
}

/** Runs per fixture (about 1,700 in all; job pages are the slowest to build in happy-dom). */
const RUNS: Record<string, number> = {
  job: 40,
  invitation: 60,
  invitations: 200,
  apply: 120,
  proposal: 150,
  home: 250,
};

interface Case {
  name: string;
  html: string;
  url: string;
  now: Date;
  original: Map<string, Set<number>>;
}

function caseOf(name: string, html: string, url: string, now: Date): Case {
  const { doc, close } = loadHtml(html);
  try {
    return { name, html, url, now, original: numbers(parsePage(doc, url, now)!.record) };
  } finally {
    void close();
  }
}

const op = fc.record({
  kind: fc.constantFrom<Op["kind"]>("delete", "duplicate", "strip", "junk"),
  at: fc.nat(),
  // Junk has no digits: a page that shows another figure is not damage but a different value.
  junk: fc.stringMatching(/^[A-Za-z .,:()-]{0,12}$/),
});

/** Damaged copies of the cases never throw, validate, and keep every number right or null. */
function assertDamageSafe(cases: Case[], runs: number): void {
  fc.assert(
    fc.property(
      fc.constantFrom(...cases),
      fc.array(op, { minLength: 1, maxLength: 4 }),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      (c, ops, cut) => {
        let html = c.html;
        if (cut != null) {
          const at = html.indexOf("<", Math.floor(html.length * cut));
          if (at > 0) html = html.slice(0, at);
        }
        const { doc, close } = loadHtml(html);
        try {
          damage(doc, ops);
          const out = parsePage(doc, c.url, c.now);
          expect(out).not.toBeNull();
          const checked = ParsedPage.safeParse(out);
          expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues.slice(0, 3))).toBe(true);
          for (const [path, values] of numbers(out!.record)) {
            const allowed = c.original.get(path);
            for (const v of values) {
              // A client rating may fall back from the precise "4.17 of 12 reviews" to the shown "4.2".
              const ok =
                allowed != null &&
                [...allowed].some((a) => a === v || (/rating$/i.test(path) && Math.abs(a - v) <= 0.05));
              expect(ok, `${c.name}: ${path} = ${v}, undamaged ${JSON.stringify(allowed ? [...allowed] : null)}`).toBe(
                true,
              );
            }
          }
        } finally {
          void close();
        }
      },
    ),
    { numRuns: runs },
  );
}

describe("parsers under random damage", () => {
  for (const kind of ["job", "invitation", "invitations", "apply", "proposal", "home"] as const) {
    const cases = fixtures(kind).map((f) => {
      const html = readFileSync(f.htmlPath, "utf8");
      return caseOf(f.name, html, savedUrl(html), NOW);
    });
    it(
      `${kind}: ${RUNS[kind]} damaged copies per fixture never throw, validate, and keep numbers right or null`,
      { timeout: 60_000 },
      () => {
        assertDamageSafe(cases, RUNS[kind]! * cases.length);
      },
    );
  }
});

/** The real pages are large (up to 950 KB): fewer runs each, the same property. */
const CAPTURE_RUNS = 6;
describe.skipIf(!existsSync(CAPTURES))("real captures under random damage", () => {
  const readable = existsSync(CAPTURES) ? captureExpectations().filter(({ exp }) => exp.kind !== "other") : [];
  it(
    `${CAPTURE_RUNS} damaged copies per real page never throw, validate, and keep numbers right or null`,
    { timeout: 180_000 },
    () => {
      const cases = readable.map(({ name, exp }) =>
        caseOf(name, readFileSync(join(CAPTURES, exp.capture), "utf8"), exp.url, new Date(exp.now)),
      );
      assertDamageSafe(cases, CAPTURE_RUNS * cases.length);
    },
  );
});
