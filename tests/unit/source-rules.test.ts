/**
 * A house rule checked over the source tree: browser APIs through the polyfill. (The other house
 * rules — no HTML sinks, no DOM query outside the anchor layer — are ESLint rules: eslint.config.js.)
 */
import { describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

async function sourceFiles(): Promise<Array<{ path: string; code: string }>> {
  const files = [];
  for (const entry of await readdir(join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
    const path = relative(ROOT, join(entry.parentPath, entry.name));
    // Comments may name what the code must not do; only code counts.
    const code = (await readFile(join(ROOT, path), "utf8")).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    files.push({ path, code });
  }
  return files;
}

/**
 * The one exception: the content script's runtime adapter uses the global `browser ?? chrome` runtime
 * directly — what the polyfill itself resolves to in MV3 — for its one use, `runtime.sendMessage` to
 * the background (the content script listens for no messages), because the polyfill (~3 KB gzipped)
 * would push the content script, which every Upwork page loads, over its 20 KB budget. The insert
 * script the popup injects on demand (src/content/insert-draft-entry.ts) uses no browser API at all.
 */
const POLYFILL_EXCEPTIONS = new Set(["src/content/overlay/runtime-backend.ts"]);

describe("browser APIs", () => {
  it("go through webextension-polyfill: no chrome.* use in the source outside the named exception", async () => {
    const offenders = (await sourceFiles())
      .filter(
        ({ path, code }) => /\bchrome\s*\??\.|typeof chrome\b|\.chrome\b/.test(code) && !POLYFILL_EXCEPTIONS.has(path),
      )
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
