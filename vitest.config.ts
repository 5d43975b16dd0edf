import { defineConfig } from "vitest/config";

// Four projects: `unit` runs in Node, in UTC (with happy-dom where a test needs a DOM), and `unit-nz`
// runs its time-sensitive files again in Auckland; `browser` drives the built extension in real Chromium and `firefox` the Firefox build (dist-firefox/) in Firefox ESR.
// The two browser projects take one worker each, which vitest runs after the others, one file at a
// time across both: never two browsers at once. The Firefox tests skip themselves, saying why, on a
// machine without Firefox or without the build.
/** The unit tests whose results depend on the time zone: `unit-nz` runs them again in Auckland. */
const TIME_SENSITIVE = [
  "tests/unit/shared/words.test.ts",
  "tests/unit/scoring/urgency.test.ts",
  "tests/unit/scoring/assess.test.ts",
  "tests/unit/scoring/fit.test.ts",
  "tests/unit/overlay/format.test.ts",
  "tests/unit/overlay/panel.test.ts",
  "tests/unit/overlay/session.test.ts",
  "tests/unit/overlay/provisional.test.ts",
  "tests/unit/background/page-flow.test.ts",
  "tests/unit/cli.test.ts",
  "tests/unit/cli-reasons.test.ts",
  "tests/unit/shared/fit-words.test.ts",
  "tests/unit/insights/insights.test.tsx",
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          setupFiles: ["tests/unit/setup.ts"],
          // Expected timestamps are written in UTC; tests that need another zone set it themselves.
          env: { TZ: "UTC" },
        },
      },
      {
        // The same time-sensitive tests in a zone far from UTC (UTC+13 in December, +12 in winter,
        // with summer time): the receipt rule, the reasons' words and the urgency must hold in the
        // user's own zone, not only in UTC.
        test: {
          name: "unit-nz",
          include: TIME_SENSITIVE,
          environment: "node",
          setupFiles: ["tests/unit/setup.ts"],
          env: { TZ: "Pacific/Auckland" },
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "firefox",
          include: ["tests/firefox/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          // Firefox takes seconds to start and install the add-on; a test drives several pages.
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
