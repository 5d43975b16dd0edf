import { defineConfig } from "vitest/config";

// Three projects: `unit` runs in Node (with happy-dom where a test needs a DOM); `browser` drives the
// built extension in real Chromium and `firefox` the Firefox build (dist-firefox/) in Firefox ESR.
// The two browser projects take one worker each, which vitest runs after the others, one file at a
// time across both: never two browsers at once. The Firefox tests skip themselves, saying why, on a
// machine without Firefox or without the build.
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
