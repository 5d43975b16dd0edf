/**
 * `npm run release -- <version>`: the release a maintainer can repeat.
 *   1. refuses a tree with changes (modified, staged or untracked files): the packages must be the
 *      commit, and the source zip must be what built them;
 *   2. refuses a version CHANGELOG.md has no section for (`## [<version>] - <date>`);
 *   3. bumps package.json (and package-lock.json) to it — the one version both manifests take
 *      (vite.config.ts) — and commits the bump, so the tree is clean again;
 *   4. runs `npm test`, and stops if it fails;
 *   5. builds the Chrome and Firefox packages and the source zip (scripts/package-zip.ts, reproducible)
 *      and prints their SHA-256, also written to packages/SHA256SUMS-<version>.
 * Run it twice on the same commit: the same bytes, the same hashes.
 *
 * IW_RELEASE_SKIP_TESTS=1 skips step 4, and only that, with a warning in the output and in the
 * checksums file: for checking the release machinery itself where the full suite must not run. A
 * real release never sets it.
 */
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./extension-browser";
import { buildPackages, writePackages } from "./package-zip";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** A release version: three numbers, as Chrome's and Firefox's manifests both accept. */
export function parseVersion(text: string | undefined): string {
  if (!text || !SEMVER.test(text))
    throw new Error(`Usage: npm run release -- <version>, e.g. 0.2.0 (got ${JSON.stringify(text ?? null)})`);
  return text;
}

/**
 * The paths `git status --porcelain` reports as changed. A worktree's node_modules symlink (the
 * .gitignore's `node_modules/` matches only a directory) is no change to the source.
 */
export function dirtyPaths(porcelain: string): string[] {
  return porcelain
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.slice(3))
    .filter((path) => path !== "node_modules");
}

/** Whether CHANGELOG.md (Keep a Changelog) has a section for the version. */
export function changelogHas(changelog: string, version: string): boolean {
  const escaped = version.replace(/\./g, "\\.");
  return new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m").test(changelog);
}

/** package.json's or package-lock.json's text with its own version (and the lock's root package's) set. */
export function withVersion(json: string, version: string): string {
  const data = JSON.parse(json) as { version?: string; packages?: Record<string, { version?: string }> };
  data.version = version;
  if (data.packages?.[""]) data.packages[""].version = version;
  return JSON.stringify(data, null, 2) + "\n";
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });
}

async function main(): Promise<void> {
  const version = parseVersion(process.argv[2]);
  const skipTests = process.env.IW_RELEASE_SKIP_TESTS === "1";

  const dirty = dirtyPaths(git(["status", "--porcelain", "--untracked-files=all"]));
  if (dirty.length > 0)
    throw new Error(`The tree has uncommitted changes; commit or stash them first:\n  ${dirty.join("\n  ")}`);
  if (!changelogHas(await readFile(join(ROOT, "CHANGELOG.md"), "utf8"), version))
    throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: write what this release holds first.`);

  const bumped: string[] = [];
  for (const file of ["package.json", "package-lock.json"]) {
    const path = join(ROOT, file);
    const text = await readFile(path, "utf8");
    const next = withVersion(text, version);
    if (next === text) continue;
    await writeFile(path, next);
    bumped.push(file);
  }
  if (bumped.length > 0) {
    git(["add", "--", ...bumped]);
    git(["commit", "-m", `Release ${version}`, "--", ...bumped]);
    console.log(`Bumped ${bumped.join(" and ")} to ${version} and committed it.`);
  } else console.log(`package.json is at ${version} already.`);

  if (skipTests) {
    console.warn("WARNING: IW_RELEASE_SKIP_TESTS=1 — npm test was NOT run. Not a release to publish.");
  } else {
    const tests = spawnSync("npm", ["test"], { cwd: ROOT, stdio: "inherit" });
    if (tests.status !== 0) throw new Error(`npm test failed (exit ${tests.status}): nothing was built.`);
  }

  const { packages } = await buildPackages(ROOT);
  const paths = await writePackages(packages, ROOT);
  // The built manifests must carry the version just released (vite.config.ts takes package.json's).
  for (const dir of ["dist", "dist-firefox"]) {
    const built = JSON.parse(await readFile(join(ROOT, dir, "manifest.json"), "utf8")) as { version: string };
    if (built.version !== version) throw new Error(`${dir}/manifest.json says ${built.version}, not ${version}`);
  }
  const sums = packages.map(([name, bytes]) => `${sha256(bytes)}  ${name}`);
  const commit = git(["rev-parse", "HEAD"]).trim();
  const header = [`# Invitewise ${version}, commit ${commit}`];
  if (skipTests) header.push("# npm test NOT run (IW_RELEASE_SKIP_TESTS=1): not for publishing");
  await writeFile(join(ROOT, "packages", `SHA256SUMS-${version}`), [...header, ...sums, ""].join("\n"));
  console.log(`\nInvitewise ${version} (commit ${commit.slice(0, 12)}):`);
  packages.forEach(([, bytes], i) => console.log(`  ${sha256(bytes)}  ${paths[i]}  (${bytes.length} bytes)`));
  console.log(`Tag it with: git tag v${version} ${commit.slice(0, 12)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
