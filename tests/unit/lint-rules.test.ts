/**
 * The architecture rules in eslint.config.js, each shown to fire on a sample that breaks it (and to
 * stay quiet on the allowed form), so that a rule quietly weakened is a failing test, not a surprise.
 */
import { ESLint } from "eslint";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
let eslint: ESLint;

/** The rule ids reported for `code` as if it were the file at `path` (which need not exist). */
async function rulesFired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

describe("architecture rules", () => {
  it("the content script never imports scoring or drafting", async () => {
    expect(
      await rulesFired(
        "src/content/overlay/panel.ts",
        'import { scoreFit } from "../../scoring/fit";\nvoid scoreFit;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(
      await rulesFired("src/content/routes.ts", 'import { draftReply } from "../drafting/index";\nvoid draftReply;\n'),
    ).toContain("no-restricted-imports");
    expect(
      await rulesFired("src/popup/data.ts", 'import { draftReply } from "../drafting/index";\nvoid draftReply;\n'),
    ).not.toContain("no-restricted-imports");
  }, 180_000); // the first lint loads the TypeScript program

  it("Upwork's page is queried only in the anchor layer; the overlay's own root is its own", async () => {
    const query = "export const f = (d: Document) => d.querySelector('.job');\n";
    const ancestor = "export const g = (e: Element) => e.closest('tr');\n";
    expect(await rulesFired("src/content/parse/job.ts", query)).toContain("no-restricted-syntax");
    expect(await rulesFired("src/content/overlay/mount.ts", ancestor)).toContain("no-restricted-syntax");
    expect(await rulesFired("src/content/anchors/dom.ts", query + ancestor)).not.toContain("no-restricted-syntax");
    const own = "export const h = (host: { root: ShadowRoot }) => host.root.querySelector('.body');\n";
    expect(await rulesFired("src/content/overlay/panel.ts", own)).not.toContain("no-restricted-syntax");
  }, 60_000);

  it("no HTML sinks anywhere in the source", async () => {
    for (const code of [
      "export const f = (e: Element, t: string) => { e.innerHTML = t; };\n",
      "export const f = (e: Element, t: string) => { e.outerHTML = t; };\n",
      "export const f = (e: Element, t: string) => e.insertAdjacentHTML('beforeend', t);\n",
      "export const f = (t: string) => document.write(t);\n",
    ])
      expect(await rulesFired("src/options/form.ts", code), code).toContain("no-restricted-syntax");
    expect(
      await rulesFired(
        "src/popup/main.tsx",
        "export const F = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n",
      ),
    ).toContain("no-restricted-syntax");
    expect(
      await rulesFired("src/options/form.ts", "export const f = (e: Element, t: string) => { e.textContent = t; };\n"),
    ).toEqual([]);
  }, 60_000);

  it("no `any`, no loose equality, browser APIs through the polyfill", async () => {
    expect(await rulesFired("src/shared/text.ts", "export const f = (x: any) => x;\n")).toContain(
      "@typescript-eslint/no-explicit-any",
    );
    expect(await rulesFired("src/shared/text.ts", "export const f = (a: number, b: number) => a == b;\n")).toContain(
      "eqeqeq",
    );
    expect(await rulesFired("src/shared/text.ts", "export const f = (a: number | null) => a == null;\n")).toEqual([]);
    expect(await rulesFired("src/background/badge.ts", "export const r = chrome.runtime;\n")).toContain(
      "no-restricted-globals",
    );
  }, 60_000);
});
