/**
 * One home for the words (src/shared/words/): the popup's and the Insights page's components say
 * nothing of their own (no words in JSX text or in a label-like attribute), so a second language is
 * a file; and the content script takes only the catalogue parts it needs (its 20 KB budget), never
 * the index that would pull in every page's words.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Words in JSX: a text node with a word in it, or a label-like attribute given a literal with one. */
const JSX_TEXT = /(?<!=)>[^<>{}]*\b[A-Za-z]{2,}\b[^<>{}]*</;
/** A line of JSX text on its own: a capitalised word, then more words ("Discard my edits"). */
const JSX_TEXT_LINE = /^\s+[A-Z][a-z]*( [\w'’…,.:?!–-]+)+\s*$/;
const WORDY_ATTRIBUTE = /\b(title|label|empty|categoryHeading|description|placeholder|aria-label)="[^"]*[A-Za-z]{2,}/;

/** The lines of a .tsx file that hold words of their own (comments left out). */
function ownWords(file: string): string[] {
  const source = readFileSync(join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/\{\/\*.*?\*\/\}/g, "");
  return source
    .split("\n")
    .map((line, i) => [line.replace(/\/\/.*$/, ""), i + 1] as const)
    .filter(([line]) => !/^\s*(import|export|function|const|let|type|interface|return|if|\}|\.)/.test(line))
    .filter(([line]) => JSX_TEXT.test(line) || WORDY_ATTRIBUTE.test(line) || JSX_TEXT_LINE.test(line))
    .map(([line, n]) => `${file}:${n}: ${line.trim()}`);
}

describe("the message catalogue is the one home of the words", () => {
  it("finds words that are written in a component (the check itself can fail)", () => {
    expect(JSX_TEXT.test('<p class="muted">Reading the page…</p>')).toBe(true);
    expect(WORDY_ATTRIBUTE.test('categoryHeading="Fit band"')).toBe(true);
    expect(JSX_TEXT_LINE.test("          Discard my edits")).toBe(true);
    expect(JSX_TEXT.test("<p>{POPUP.loading}</p>")).toBe(false);
  });

  it("leaves no words in the popup's and the Insights page's components", () => {
    const found = [...files("src/popup", /\.tsx$/), ...files("src/insights", /\.tsx$/)].flatMap(ownWords);
    expect(found).toEqual([]);
  });

  it("gives the content script only the parts it needs, never the whole catalogue", () => {
    const imports = files("src/content", /\.ts$/).flatMap((file) =>
      [...readFileSync(join(ROOT, file), "utf8").matchAll(/from "([^"]*shared\/words[^"]*)"/g)].map((m) => m[1]!),
    );
    expect(imports.length).toBeGreaterThan(0);
    for (const path of imports) expect(path).toMatch(/shared\/words\/(panel|reasons)$/);
  });
});
