/**
 * The benchmark's own builds: the parsers as one IIFE to inject into a page, and the content script's
 * module breakdown (what dominates its size), both with the same settings as the real content script
 * (scripts/standalone-scripts.ts: Preact preset, minified IIFE).
 */
import { build, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, relative, sep } from "node:path";
import manifest from "../../manifest.json" with { type: "json" };
import { ROOT } from "../extension-browser";
import { compileConstants } from "../standalone-scripts";

/** The release build's constants: the content script measured and profiled is the one users get. */
const RELEASE = compileConstants("production");

export const BENCH_OUT = join(ROOT, "bench-out");
export const BENCH_DIST = join(BENCH_OUT, "dist");

/** Builds src/content/parse/index.ts into bench-out/parse-bench.js, exposing `iwBench.parsePage`. */
export async function buildParseBundle(): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    build: {
      outDir: BENCH_OUT,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: {
        entry: join(ROOT, "src/content/parse/index.ts"),
        formats: ["iife"],
        name: "iwBench",
        fileName: () => "parse-bench.js",
      },
    },
  });
  return readFile(join(BENCH_OUT, "parse-bench.js"), "utf8");
}

export interface SizeGroup {
  /** A package (`zod`, `preact`) or a source folder (`src/content/parse`). */
  name: string;
  /** Bytes of the group's code as rendered into the bundle (tree-shaken, before minification). */
  rendered: number;
  share: number;
  modules: number;
}

export interface SizeReport {
  file: string;
  bytes: number;
  gzipBytes: number;
  groups: SizeGroup[];
}

function groupOf(id: string): string {
  const path = relative(ROOT, id.replace(/^\0/, "").replace(/\?.*$/, "")).split(sep).join("/");
  const nm = path.lastIndexOf("node_modules/");
  if (nm !== -1) {
    const parts = path.slice(nm + "node_modules/".length).split("/");
    const pkg = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    // zod's two front ends share a core: name the part, it is what `zod/mini` changes.
    if (pkg === "zod") return `zod (${parts.slice(1, 4).join("/")})`.replace(/\/[^/]*\.js\)$/, ")");
    return pkg;
  }
  if (path.startsWith("src/"))
    return path
      .split("/")
      .slice(0, path.startsWith("src/content/") ? 3 : 2)
      .join("/");
  return path || id;
}

/** Gzipped size of the built content script, and which packages / folders its code comes from. */
export async function contentScriptSize(distDir: string): Promise<SizeReport> {
  const file = join(distDir, "content.js");
  const code = await readFile(file);
  const rendered = new Map<string, { rendered: number; modules: number }>();
  const collect: Plugin = {
    name: "invitewise:bench-module-sizes",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        for (const [id, info] of Object.entries(chunk.modules)) {
          const g = rendered.get(groupOf(id)) ?? { rendered: 0, modules: 0 };
          g.rendered += info.renderedLength;
          g.modules += 1;
          rendered.set(groupOf(id), g);
        }
      }
    },
  };
  const entry = manifest.content_scripts[0]?.js[0];
  if (!entry) throw new Error("manifest.json declares no content script");
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    plugins: [preact(), collect],
    define: RELEASE,
    build: {
      write: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: join(ROOT, entry), formats: ["iife"], name: "invitewiseContent", fileName: () => "content.js" },
    },
  });
  const total = [...rendered.values()].reduce((s, g) => s + g.rendered, 0) || 1;
  const groups = [...rendered.entries()]
    .map(([name, g]) => ({ name, rendered: g.rendered, share: g.rendered / total, modules: g.modules }))
    .sort((a, b) => b.rendered - a.rendered);
  return { file: relative(ROOT, file), bytes: code.length, gzipBytes: gzipSync(code).length, groups };
}

/** Gzipped size of a file the popup injects on demand (e.g. insert-draft.js); null when not built. */
export async function onDemandScriptGzip(distDir: string, fileName: string): Promise<number | null> {
  const code = await readFile(join(distDir, fileName)).catch(() => null);
  return code ? gzipSync(code).length : null;
}

/**
 * A copy of the built extension whose content.js is not minified, so CPU profiles name our functions
 * (`IW_BENCH_NAMES=1 npm run bench`). Its size figures are not the shipped ones.
 */
export async function namedCopy(distDir: string): Promise<string> {
  const { cp } = await import("node:fs/promises");
  const out = join(BENCH_OUT, "dist-names");
  await cp(distDir, out, { recursive: true, force: true });
  const entry = manifest.content_scripts[0]?.js[0];
  if (!entry) throw new Error("manifest.json declares no content script");
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    plugins: [preact()],
    define: RELEASE,
    build: {
      outDir: out,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      lib: { entry: join(ROOT, entry), formats: ["iife"], name: "invitewiseContent", fileName: () => "content.js" },
    },
  });
  return out;
}
