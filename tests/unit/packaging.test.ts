/** The Firefox package and the store zips: built from the same source, reproducible, lint-clean. */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { zipDirectory } from "../../scripts/package-zip";

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");

async function buildFirefox(outDir: string): Promise<void> {
  await exec("npx", ["vite", "build", "--mode", "firefox", "--outDir", outDir, "--logLevel", "warn"], { cwd: ROOT });
}

describe("the Firefox package", { timeout: 180_000 }, () => {
  it("builds twice into the same bytes, with a Firefox manifest, and web-ext lint finds no error", async () => {
    const [a, b] = [await mkdtemp(join(tmpdir(), "iw-ff-a-")), await mkdtemp(join(tmpdir(), "iw-ff-b-"))];
    try {
      await buildFirefox(a);
      await buildFirefox(b);
      expect(Buffer.from(await zipDirectory(a)).equals(Buffer.from(await zipDirectory(b)))).toBe(true);

      const manifest = JSON.parse(await readFile(join(a, "manifest.json"), "utf8"));
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.background.service_worker).toBeUndefined();
      expect(manifest.browser_specific_settings.gecko).toMatchObject({
        id: "invitewise@invitewise.app",
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      });
      expect(manifest.options_ui.page).toBe("src/options/index.html");
      // package.json's version, the one version (vite.config.ts; `npm run release` bumps it).
      const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
      expect(manifest.version).toBe(pkg.version);
      expect(manifest.permissions).toEqual(["storage", "scripting", "alarms"]);
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      // The insert and report scripts ship beside the content script, injected on demand, never declared.
      expect(manifest.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([["content.js"]]);
      expect((await readFile(join(a, "insert-draft.js"), "utf8")).length).toBeGreaterThan(0);
      expect((await readFile(join(a, "report-page.js"), "utf8")).length).toBeGreaterThan(0);

      const { stdout } = await exec("npx", ["web-ext", "lint", "--source-dir", a, "--output", "json"], {
        cwd: ROOT,
      }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
      const lint = JSON.parse(stdout) as {
        errors: unknown[];
        warnings: Array<{ code: string; message: string; file: string }>;
      };
      expect(lint.errors).toEqual([]);
      // The only warning allowed is the one the README explains: Preact's own dangerouslySetInnerHTML
      // branch in the popup's and options page's chunk (the content script carries no Preact), which
      // our source never uses (tests/unit/source-rules.test.ts).
      for (const warning of lint.warnings) {
        expect(warning).toMatchObject({ code: "UNSAFE_VAR_ASSIGNMENT", message: "Unsafe assignment to innerHTML" });
      }
      expect(lint.warnings.length).toBeLessThanOrEqual(1);
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
  });
});

describe("the manifest's shortcut and strings", () => {
  it("opens the popup with a shortcut whose name and description come from the English locale", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "manifest.json"), "utf8"));
    const messages = JSON.parse(await readFile(join(ROOT, "public", "_locales", "en", "messages.json"), "utf8"));
    const command = manifest.commands._execute_action;
    expect(command.suggested_key.default).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/);
    for (const text of [manifest.name, manifest.description, command.description]) {
      const key = /^__MSG_(\w+)__$/.exec(text)?.[1];
      expect(key, `${text} is a locale reference`).toBeDefined();
      expect(messages[key!].message.length).toBeGreaterThan(0);
    }
  });
});
