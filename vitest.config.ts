import { defineConfig } from "vitest/config";

// Two projects: `unit` runs in Node (with happy-dom where a test needs a DOM); `browser` drives the
// built extension in real Chromium and so runs one file at a time.
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
    ],
  },
});
