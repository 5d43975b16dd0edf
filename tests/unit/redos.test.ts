/**
 * Every regular expression that may see page text is safe on adversarial input: checked with a ReDoS
 * checker (`recheck`), not by eye. The patterns are gathered two ways: the regex literals of the
 * source (TypeScript's own parser finds them), and every `new RegExp(…)` the code builds while it
 * reads the sample pages and drafts replies (the constructor is watched while the modules load and run).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { ROOT } from "./parse/helpers";

/** Source folders whose code reads page text (the popup's and options page's own UI do not). */
const FOLDERS = ["src/content", "src/scoring", "src/drafting", "src/state", "src/shared", "src/cli"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function literals(): Array<{ source: string; flags: string; where: string }> {
  const out: Array<{ source: string; flags: string; where: string }> = [];
  for (const file of FOLDERS.flatMap((f) => files(join(ROOT, f)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf("/");
        out.push({
          source: text.slice(1, end),
          flags: text.slice(end + 1),
          where: `${file.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** The patterns built at run time while the code parses every sample page, scores it and drafts for it. */
async function built(): Promise<Array<{ source: string; flags: string; where: string }>> {
  const seen: Array<{ source: string; flags: string; where: string }> = [];
  const Native = globalThis.RegExp;
  class Watched extends Native {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      // Only the project's own patterns: happy-dom (the tests' DOM) builds its own while it parses.
      // The frame that called `new RegExp` (0: the message, 1: this constructor).
      const caller = new Error().stack?.split("\n")[2];
      if (caller && (!caller.includes("/src/") || caller.includes("node_modules"))) return;
      if (caller)
        seen.push({
          source: this.source,
          flags: this.flags,
          where: `built at ${caller.trim().replace(/^at /, "").slice(-80)}`,
        });
    }
  }
  globalThis.RegExp = Watched as RegExpConstructor;
  try {
    vi.resetModules();
    const { parseHtml, readFixture } = await import("./parse/helpers");
    const { draftInputFor } = await import("../../src/drafting/input");
    const { draftReply } = await import("../../src/drafting/index");
    const { assessPage } = await import("../../src/scoring/assess");
    const { defaultSettings } = await import("../../src/shared/settings");
    const { NOW } = await import("./parse/helpers");
    const pages = JSON.parse(readFileSync(join(ROOT, "sample-pages/pages.json"), "utf8")) as Array<{
      file: string;
      url: string;
    }>;
    for (const p of pages) {
      const parsed = parseHtml(readFixture(`sample-pages/${p.file}`), p.url);
      if (!parsed) continue;
      assessPage(parsed, defaultSettings(), NOW);
      const input = draftInputFor(parsed, p.url);
      if (typeof input !== "string") draftReply(input, defaultSettings());
    }
  } finally {
    globalThis.RegExp = Native;
  }
  return seen;
}

describe("regular expressions over page text", () => {
  it("are all free of super-linear backtracking (recheck)", { timeout: 240_000 }, async () => {
    const all = [...literals(), ...(await built())];
    const unique = new Map<string, { source: string; flags: string; where: string }>();
    for (const r of all) if (!unique.has(`${r.flags}/${r.source}`)) unique.set(`${r.flags}/${r.source}`, r);
    expect(unique.size).toBeGreaterThan(100);
    const vulnerable: string[] = [];
    for (const r of unique.values()) {
      const result = checkSync(r.source, r.flags, { timeout: 5_000 });
      if (result.status === "vulnerable")
        vulnerable.push(
          `${r.where}: /${r.source}/${r.flags} (${result.complexity.type}; attack ${result.attack.pattern.slice(0, 40)})`,
        );
    }
    expect(vulnerable).toEqual([]);
  });
});
