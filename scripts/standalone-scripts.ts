/**
 * Builds the extension's page scripts as self-contained IIFE files in the package root:
 *  - the content script, declared in the manifest's `content_scripts` (every Upwork page loads it);
 *  - on-demand scripts, declared nowhere in the manifest: the extension injects one into a tab with
 *    `browser.scripting.executeScript({ files: [fileName] })` only when the user asks for what it
 *    does (insert-draft.js: the popup's "Insert into proposal"; report-page.js: the background, for
 *    "Report this page"), so Upwork pages do not load its code otherwise.
 *
 * Why standalone: @crxjs/vite-plugin splits code shared with other entries into chunks and loads them
 * through `web_accessible_resources`, which lets any upwork.com page detect the extension. A
 * standalone file needs no web-accessible resource at all (`executeScript` reads extension files
 * directly), so the manifest declares none.
 */
import { build, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** What every Upwork page may load: the content script's budget, gzipped (its test and the bench check it). */
export const CONTENT_SCRIPT_BUDGET_GZ = 20 * 1024;

/**
 * V8's explicit compile hint (Chromium 136+; a plain comment elsewhere): compile every function with
 * the script instead of lazily at its first call. The content script runs most of its code once, on
 * a cold page, right after loading; measured on the real job capture, this cut its main-thread
 * script time by about a quarter (profile-load.ts, 7 runs each, two rounds: 55/54 → 41/36 ms and
 * 50/37 → 31/31 ms).
 */
export const EAGER_COMPILE_HINT = "//# allFunctionsCalledOnLoad";

export interface ContentScript {
  entry: string;
  fileName: string;
  matches: string[];
  run_at?: string;
}

/** A script the extension injects itself when needed; `name` is the IIFE's global (vite requires one). */
export interface OnDemandScript {
  entry: string;
  fileName: string;
  name: string;
}

/**
 * The compile-time constants of our code for a vite mode (declared in src/test-hooks.d.ts): the test
 * hooks are on only in `--mode test`. Every build of the content script takes them from here.
 */
export function compileConstants(mode: string): Record<string, string> {
  return { __IW_TEST_HOOKS__: JSON.stringify(mode === "test") };
}

/**
 * `define`: the outer build's compile-time constants (`compileConstants`). These builds do not read
 * vite.config.ts (`configFile: false`), so they get them only from here.
 */
export function standaloneScripts(scripts: {
  define: Record<string, string>;
  content: ContentScript;
  onDemand: OnDemandScript[];
}): Plugin {
  let outDir = "dist";
  let root = process.cwd();
  const iife = (entry: string, fileName: string, name: string, preamble?: string) =>
    build({
      configFile: false,
      root,
      logLevel: "warn",
      plugins: [preact()],
      define: scripts.define,
      build: {
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        // Terser, five passes: ~1 % smaller than the default minifier on what every Upwork page
        // loads, which keeps the content script inside its 20 KB budget.
        minify: "terser",
        terserOptions: {
          compress: { passes: 5, ecma: 2020, unsafe_arrows: true, pure_getters: true },
          mangle: { toplevel: true },
          ecma: 2020,
          ...(preamble && { format: { preamble } }),
        },
        sourcemap: false,
        lib: { entry: resolve(root, entry), formats: ["iife"], name, fileName: () => fileName },
      },
    });
  return {
    name: "invitewise:standalone-scripts",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      root = config.root;
    },
    async writeBundle() {
      const { entry, fileName, ...declaration } = scripts.content;
      await iife(entry, fileName, "invitewiseContent", EAGER_COMPILE_HINT);
      for (const script of scripts.onDemand) await iife(script.entry, script.fileName, script.name);
      // Only the content script goes into the manifest: on-demand scripts are neither content
      // scripts nor web-accessible resources.
      const manifestPath = join(outDir, "manifest.json");
      const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
      manifest.content_scripts = [{ ...declaration, js: [fileName] }];
      await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    },
  };
}
