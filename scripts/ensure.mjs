// Plain Node (no dependencies): runs before anything is installed, from `npm start` and `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

/**
 * Installs the locked dependencies when node_modules is missing or does not hold what
 * package-lock.json locks. Compared by content, not file times: a fresh checkout or a git worktree
 * gives the lock file a new time, and `npm ci` would then wipe a perfectly good install.
 */
export function ensureDependencies() {
  if (installedMatchesLock()) return;
  console.log("Installing dependencies (npm ci)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
}

/** npm's own record of what is installed (node_modules/.package-lock.json) names every locked package at its version. */
function installedMatchesLock() {
  const installedPath = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(installedPath)) return false;
  try {
    const locked = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages ?? {};
    const installed = JSON.parse(readFileSync(installedPath, "utf8")).packages ?? {};
    return Object.entries(locked).every(
      ([path, entry]) => path === "" || entry.optional || installed[path]?.version === entry.version,
    );
  } catch {
    return false;
  }
}

export const CHROMIUM_CANDIDATES = [
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
];

export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Finds Chromium; on Debian/Ubuntu as root, installs Debian's `chromium` package when none is found. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) " +
      "or set CHROME_PATH to its executable.",
  );
}

/** Debian's Firefox ESR first (what CI installs), then a plain `firefox`; FIREFOX_PATH overrides both. */
export const FIREFOX_CANDIDATES = [
  "/usr/bin/firefox-esr",
  "/usr/lib/firefox-esr/firefox-esr",
  "/usr/bin/firefox",
  "/usr/lib/firefox/firefox",
];

/** Why the Firefox tests skip on a machine without Firefox (the harness and `npm test` both say it). */
export const NO_FIREFOX = "no Firefox found (install Debian's firefox-esr, or set FIREFOX_PATH)";

/**
 * Finds Firefox for the Firefox tests (tests/firefox/), or null: unlike Chromium it is not installed
 * here, so a machine without it skips those tests and says so (.ci/run installs Debian's firefox-esr).
 */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  }
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status ?? 1;
}

export { root };
