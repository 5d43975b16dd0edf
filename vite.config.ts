import { defineConfig } from "vite";
import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import manifest from "./manifest.json" with { type: "json" };
import { standaloneContentScript } from "./scripts/standalone-content-script.ts";

// crxjs builds the background, popup and options page; the content script is built on its own
// (see standalone-content-script.ts), so crxjs never sees it.
const { content_scripts: [contentScript], ...pagesManifest } = manifest;
if (!contentScript?.js[0]) throw new Error("manifest.json must declare one content script");

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: pagesManifest }),
    standaloneContentScript({
      entry: contentScript.js[0],
      fileName: "content.js",
      matches: contentScript.matches,
      run_at: contentScript.run_at,
    }),
  ],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
