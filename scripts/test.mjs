// `npm test`: installs what is missing, type-checks, builds (the release build in dist/, then the
// test build with its test hooks in dist-test/), and runs every suite (unit in Node, the built
// extension in real Chromium). Its last line is "N passed, N failed" over all of them.
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium, ensureDependencies, root, run } from "./ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();

const checks = []; // [name, passed] for the steps that are not vitest tests
const step = (name, status) => {
  checks.push([name, status === 0]);
  console.log(`${status === 0 ? "✓" : "✗"} ${name}`);
  return status === 0;
};

step("type-check (tsc --noEmit)", run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]));
const built =
  step("build (vite build)", run("npx", ["vite", "build", "--logLevel", "warn"])) &&
  step("test build (vite build --mode test)", run("npx", ["vite", "build", "--mode", "test", "--logLevel", "warn"]));

mkdirSync(join(root, "test-out"), { recursive: true });
const report = join(root, "test-out", "vitest.json");
const projects = built ? [] : ["--project", "unit"]; // without a build, the browser suite cannot run
run("npx", ["vitest", "run", ...projects, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);

let passed = checks.filter(([, ok]) => ok).length;
let failed = checks.length - passed;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that failed to load has no failed test of its own: count it once.
  failed += results.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")).length;
  if (results.numTotalTests === 0) failed += 1; // a run that tested nothing is not a pass
} else {
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
