import { defineConfig } from "vite";
import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import manifest from "./manifest.json" with { type: "json" };
import { standaloneContentScript } from "./scripts/standalone-content-script.ts";
import { firefoxManifest } from "./scripts/firefox-manifest.ts";

// `vite build` makes the Chrome package in dist/; `vite build --mode firefox` the Firefox one in
// dist-firefox/, from the same source. crxjs builds the background, popup and options page; the
// content script is built on its own (see standalone-content-script.ts), so crxjs never sees it.
export default defineConfig(({ mode }) => {
  const browser = mode === "firefox" ? "firefox" : "chrome";
  const { content_scripts: [contentScript], ...pages } = manifest;
  if (!contentScript?.js[0]) throw new Error("manifest.json must declare one content script");
  return {
    plugins: [
      preact(),
      crx({ manifest: browser === "firefox" ? firefoxManifest(pages) : pages, browser }),
      standaloneContentScript({
        entry: contentScript.js[0],
        fileName: "content.js",
        matches: contentScript.matches,
        run_at: contentScript.run_at,
      }),
    ],
    build: { outDir: browser === "firefox" ? "dist-firefox" : "dist", emptyOutDir: true, sourcemap: false },
  };
});
