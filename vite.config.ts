import { defineConfig } from "vite";
import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import manifest from "./manifest.json" with { type: "json" };
import pkg from "./package.json" with { type: "json" };
import { compileConstants, standaloneScripts } from "./scripts/standalone-scripts.ts";
import { firefoxManifest } from "./scripts/firefox-manifest.ts";

// `vite build` makes the Chrome package in dist/; `vite build --mode firefox` the Firefox one in
// dist-firefox/, from the same source; `vite build --mode test` the Chrome package with its test
// hooks (src/test-hooks.d.ts) in dist-test/, for the real-browser tests that need them, never to ship.
// crxjs builds the background, popup and options page; the content script and the scripts the popup
// injects on demand are built on their own, each as one file in the package root (see
// standalone-scripts.ts), so crxjs never sees them.
export default defineConfig(({ mode }) => {
  const browser = mode === "firefox" ? "firefox" : "chrome";
  const define = compileConstants(mode);
  const {
    content_scripts: [contentScript],
    ...rest
  } = manifest;
  // One version, package.json's, in both manifests (`npm run release -- <version>` bumps it).
  const pages = { ...rest, version: pkg.version };
  if (!contentScript?.js[0]) throw new Error("manifest.json must declare one content script");
  return {
    plugins: [
      preact(),
      crx({ manifest: browser === "firefox" ? firefoxManifest(pages) : pages, browser }),
      standaloneScripts({
        define,
        content: {
          entry: contentScript.js[0],
          fileName: "content.js",
          matches: contentScript.matches,
          run_at: contentScript.run_at,
        },
        // "Insert into proposal": src/popup/data.ts injects this file by name; "Report this page":
        // src/background/report-page.ts injects its own.
        onDemand: [
          {
            entry: "src/content/insert-draft-entry.ts",
            fileName: "insert-draft.js",
            name: "invitewiseInsertDraftScript",
          },
          { entry: "src/report/report-page-entry.ts", fileName: "report-page.js", name: "invitewiseReportPageScript" },
        ],
      }),
    ],
    define,
    build: {
      outDir: browser === "firefox" ? "dist-firefox" : mode === "test" ? "dist-test" : "dist",
      emptyOutDir: true,
      sourcemap: false,
      // Extension pages the manifest does not name (crxjs builds only those it lists): the Insights page.
      rollupOptions: { input: { insights: "src/insights/index.html" } },
    },
  };
});
