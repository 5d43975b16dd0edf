/**
 * The content script runs on every Upwork page: its gzipped size is a budget (a size is deterministic,
 * so it is a test; timings are not, so they stay in `npm run bench`). Measures dist/content.js as
 * `npm test` builds it; when it is missing, builds the extension into a temporary directory first.
 *
 * The budget is 20 KB (issue 8). Code only some pages need (the apply form's insert) is injected on
 * demand instead, so it is not counted here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_SCRIPT_BUDGET_GZ, EAGER_COMPILE_HINT } from "../../scripts/standalone-scripts";

const ROOT = resolve(import.meta.dirname, "../..");
const BUDGET = CONTENT_SCRIPT_BUDGET_GZ;

let temp: string | null = null;

let code: Buffer | null = null;

/** dist/content.js, or (built once) a temporary build's. */
function contentScript(): Buffer {
  return (code ??= readContentScript());
}

function readContentScript(): Buffer {
  const built = join(ROOT, "dist", "content.js");
  if (existsSync(built)) return readFileSync(built);
  temp = mkdtempSync(join(tmpdir(), "invitewise-size-"));
  execFileSync("npx", ["vite", "build", "--logLevel", "warn", "--outDir", temp], { cwd: ROOT, stdio: "inherit" });
  return readFileSync(join(temp, "content.js"));
}

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("content script size", () => {
  it(`is at most ${BUDGET} bytes gzipped (what every Upwork page loads)`, { timeout: 120_000 }, () => {
    const code = contentScript();
    const gzipped = gzipSync(code).length;
    expect(code.length).toBeGreaterThan(0);
    expect(
      gzipped,
      `dist/content.js is ${gzipped} B gzipped; run \`npm run bench\` to see what dominates it`,
    ).toBeLessThanOrEqual(BUDGET);
  });

  it("opens with V8's compile hint, which the minifier must not strip (its code runs once, cold, on load)", () => {
    expect(contentScript().toString("utf8").split("\n", 1)[0]).toBe(EAGER_COMPILE_HINT);
  });
});
