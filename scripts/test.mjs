// `npm test`: installs what is missing, type-checks, builds (the release build in dist/, the test
// build with its test hooks in dist-test/, the Firefox build in dist-firefox/), and runs every suite
// (unit in Node, the built extension in real Chromium, the Firefox build in Firefox when one is
// installed: skipped, and said so, when not). Its last line is "N passed, N failed" over all of them.
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium, ensureDependencies, findFirefox, NO_FIREFOX, root, run } from "./ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();

const checks = []; // [name, passed] for the steps that are not vitest tests
const step = (name, status) => {
  checks.push([name, status === 0]);
  console.log(`${status === 0 ? "✓" : "✗"} ${name}`);
  return status === 0;
};

step("type-check (tsc --noEmit)", run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]));
step("lint (eslint: the house rules, eslint.config.js)", run("npx", ["eslint", "--max-warnings", "0", "."]));
step("format (prettier --check)", run("npx", ["prettier", "--check", "--log-level", "warn", "."]));
const built =
  step("build (vite build)", run("npx", ["vite", "build", "--logLevel", "warn"])) &&
  step("test build (vite build --mode test)", run("npx", ["vite", "build", "--mode", "test", "--logLevel", "warn"]));

const builtFirefox = step(
  "Firefox build (vite build --mode firefox)",
  run("npx", ["vite", "build", "--mode", "firefox", "--logLevel", "warn"]),
);
// Firefox is not installed here (CI's .ci/run installs Debian's firefox-esr): without it the
// Firefox tests skip themselves, and count neither as passed nor as failed.
let firefoxSkipped = null;
try {
  if (!findFirefox()) firefoxSkipped = NO_FIREFOX;
} catch (error) {
  step(`Firefox (${error.message})`, 1);
}
if (firefoxSkipped) console.log(`– Firefox tests will be skipped: ${firefoxSkipped}`);

mkdirSync(join(root, "test-out"), { recursive: true });
const report = join(root, "test-out", "vitest.json");
// Without its build a browser suite cannot run.
const projects = ["unit", "unit-nz", ...(built ? ["browser"] : []), ...(builtFirefox ? ["firefox"] : [])].flatMap(
  (name) => ["--project", name],
);
run("npx", ["vitest", "run", ...projects, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);

let passed = checks.filter(([, ok]) => ok).length;
let failed = checks.length - passed;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that failed to load has no failed test of its own: count it once.
  failed += results.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"),
  ).length;
  if (results.numTotalTests === 0) failed += 1; // a run that tested nothing is not a pass
} else {
  failed += 1;
}
if (firefoxSkipped) console.log(`\n– The Firefox tests were skipped: ${firefoxSkipped}.`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
