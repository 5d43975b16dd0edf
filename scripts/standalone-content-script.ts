/**
 * Builds the content script as one self-contained IIFE file and declares it in the manifest.
 *
 * Why: @crxjs/vite-plugin splits code shared with other entries into chunks and loads them through
 * `web_accessible_resources`, which lets any upwork.com page detect the extension. One standalone
 * file needs no web-accessible resource at all.
 */
import { build, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface ContentScript {
  entry: string;
  fileName: string;
  matches: string[];
  run_at?: string;
}

export function standaloneContentScript(script: ContentScript): Plugin {
  let outDir = "dist";
  let root = process.cwd();
  return {
    name: "invitewise:standalone-content-script",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      root = config.root;
    },
    async writeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: "warn",
        plugins: [preact()],
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          sourcemap: false,
          lib: { entry: resolve(root, script.entry), formats: ["iife"], name: "invitewiseContent", fileName: () => script.fileName },
        },
      });
      const manifestPath = join(outDir, "manifest.json");
      const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
      const { entry: _entry, fileName, ...declaration } = script;
      manifest.content_scripts = [{ ...declaration, js: [fileName] }];
      await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    },
  };
}
