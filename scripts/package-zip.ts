/**
 * Store packages: `npm run zip` builds both flavours and writes
 *   packages/invitewise-chrome-<version>.zip   (Chrome Web Store, from dist/)
 *   packages/invitewise-firefox-<version>.zip  (addons.mozilla.org, from dist-firefox/)
 *   packages/invitewise-source-<version>.zip   (the source AMO asks for when code is bundled)
 * Reproducible: entries sorted, one fixed timestamp, fixed compression — the same source gives the
 * same bytes every time.
 */
import { zipSync, type Zippable } from "fflate";
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ROOT } from "./extension-browser";

/** 1980-01-01, the earliest date a zip entry can hold: no build time leaks into the bytes. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/** Zips the given files (paths relative to `dir`) reproducibly. */
export async function zipFiles(dir: string, files: string[]): Promise<Uint8Array> {
  const zippable: Zippable = {};
  for (const file of [...files].sort()) {
    zippable[file] = [new Uint8Array(await readFile(join(dir, file))), { mtime: FIXED_MTIME, level: 9 }];
  }
  return zipSync(zippable, { mtime: FIXED_MTIME, level: 9 });
}

export async function zipDirectory(dir: string): Promise<Uint8Array> {
  return zipFiles(dir, await listFiles(dir));
}

/** A built package: its file name under packages/ and its bytes. */
export type Package = [name: string, bytes: Uint8Array];

/** Builds both flavours in `root` and zips them, with the source of every tracked file. */
export async function buildPackages(root = ROOT): Promise<{ version: string; packages: Package[] }> {
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
  const run = (args: string[]) => execFileSync("npx", args, { cwd: root, stdio: "inherit" });
  run(["vite", "build", "--logLevel", "warn"]);
  run(["vite", "build", "--mode", "firefox", "--logLevel", "warn"]);
  const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  return {
    version,
    packages: [
      [`invitewise-chrome-${version}.zip`, await zipDirectory(join(root, "dist"))],
      [`invitewise-firefox-${version}.zip`, await zipDirectory(join(root, "dist-firefox"))],
      [`invitewise-source-${version}.zip`, await zipFiles(root, tracked)],
    ],
  };
}

/** Writes the packages to packages/ and returns their paths. */
export async function writePackages(packages: Package[], root = ROOT): Promise<string[]> {
  const out = join(root, "packages");
  await mkdir(out, { recursive: true });
  for (const [name, bytes] of packages) await writeFile(join(out, name), bytes);
  return packages.map(([name]) => `packages/${name}`);
}

async function main(): Promise<void> {
  const { packages } = await buildPackages();
  await writePackages(packages);
  for (const [name, bytes] of packages) console.log(`packages/${name}  ${bytes.length} bytes`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
