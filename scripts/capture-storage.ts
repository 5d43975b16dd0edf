/**
 * `npm run capture-storage`: the whole of storage after a realistic run of the current build
 * (settings imported, every sample page read, a draft edited, an invitation marked: scripts/user-run.ts),
 * kept as tests/fixtures/upgrade/storage-<version>.json. tests/browser/upgrade.test.ts loads every kept
 * fixture into the build under test and checks that what the user had still shows.
 *
 * Keep one fixture per released storage version: capture when a release changes what is stored (a
 * new key, a new record shape, a settings migration), never replace an older one. `--force` replaces
 * the fixture of the current version.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, launchExtension, ROOT } from "./extension-browser";
import { realisticRun, type RunFacts } from "./user-run";

export const FIXTURES = join(ROOT, "tests", "fixtures", "upgrade");
export const FIXTURE_FORMAT = "invitewise-storage-fixture";

export interface StorageFixture {
  format: typeof FIXTURE_FORMAT;
  /** The version of the build that wrote it (its manifest's). */
  extensionVersion: string;
  capturedAt: string;
  /** What the run did, for the upgrade test to look for. */
  facts: RunFacts;
  /** Every item of every area, as stored. */
  areas: { local: Record<string, unknown>; sync: Record<string, unknown>; session: Record<string, unknown> };
}

declare const chrome: {
  storage: Record<"local" | "sync" | "session", { get(keys: null): Promise<Record<string, unknown>> }>;
};

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  const { version } = JSON.parse(await readFile(join(DIST, "manifest.json"), "utf8")) as { version: string };
  const out = join(FIXTURES, `storage-${version}.json`);
  const exists = await access(out).then(
    () => true,
    () => false,
  );
  if (exists && !force) throw new Error(`${out} exists: fixtures of released versions are kept (--force replaces it).`);

  const browser = await launchExtension({ headless: true });
  try {
    const page = await browser.context.newPage();
    const facts = await realisticRun(browser, page);
    const dump = () =>
      browser.serviceWorker.evaluate(async () => ({
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
        session: await chrome.storage.session.get(null),
      }));
    // The worker writes after it replies: wait until storage stops changing.
    let areas = await dump();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(500);
      const next = await dump();
      if (JSON.stringify(next) === JSON.stringify(areas)) break;
      areas = next;
    }
    const fixture: StorageFixture = {
      format: FIXTURE_FORMAT,
      extensionVersion: version,
      capturedAt: new Date().toISOString(),
      facts,
      areas,
    };
    await mkdir(FIXTURES, { recursive: true });
    await writeFile(out, JSON.stringify(fixture, null, 2) + "\n");
    const count = (o: object) => Object.keys(o).length;
    console.log(
      `${out.slice(ROOT.length + 1)}: ${count(areas.local)} items in storage.local, ${count(areas.sync)} in sync, ${count(areas.session)} in session`,
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
