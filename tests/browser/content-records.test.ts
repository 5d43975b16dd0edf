/**
 * The content script in real Chromium produces, on every sample page, the record the parser tests
 * expect (tests/fixtures/sample-pages/*.expected.json). The expectations were read at a fixed moment;
 * the browser reads "now", so every timestamp that came from relative page text ("3 hours ago") is
 * shifted by the difference between the two moments before comparing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { contentScriptAnnouncement, launchExtension, samplePages, type ExtensionBrowser } from "./harness";

/** The moment the expected records were read at (tests/unit/parse/helpers.ts NOW). */
const EXPECTED_AT = Date.parse("2026-03-09T12:00:00Z");
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "sample-pages");
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

interface TabPage {
  readAt: string;
  parsed: { kind: string; record: unknown; missing: string[] };
}

function shifted(value: unknown, by: number): unknown {
  if (typeof value === "string" && TIMESTAMP.test(value)) return new Date(Date.parse(value) + by).toISOString();
  if (Array.isArray(value)) return value.map((v) => shifted(v, by));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, by)]));
  return value;
}

let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  browser = await launchExtension();
  extensionPage = await browser.openExtensionPage("src/options/index.html");
});
afterAll(async () => browser?.close());

/** What the background holds for the tab showing `url`: the record its content script sent. */
async function recordOf(url: string): Promise<TabPage | null> {
  const tabs = await browser.serviceWorker.evaluate(() => chrome.tabs.query({}));
  const tabId = tabs.find((tab) => tab.url === url)?.id;
  const reply = (await extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: "get-tab-page", tabId: id }),
    tabId,
  )) as {
    ok: boolean;
    data: (TabPage & { source: string; url: string }) | null;
  };
  return reply.ok && reply.data?.source === "tab" && reply.data.url === url ? reply.data : null;
}

describe("the content script on each sample page", () => {
  it("produces the record the parser tests expect, with the same missing fields", async () => {
    for (const sample of await samplePages()) {
      const page = await browser.context.newPage();
      const announced = contentScriptAnnouncement(page);
      await page.goto(sample.url);
      await announced;
      let got: TabPage | null = null;
      await expect.poll(async () => (got = await recordOf(page.url())) !== null, { timeout: 10_000 }).toBe(true);
      const expected = JSON.parse(
        await readFile(join(FIXTURES, sample.file.replace(/\.html$/, ".expected.json")), "utf8"),
      );
      const by = Date.parse(got!.readAt) - EXPECTED_AT;
      expect(got!.parsed.kind, sample.file).toBe(sample.kind);
      expect(got!.parsed.record, sample.file).toEqual(shifted(expected.record, by));
      expect(got!.parsed.missing, sample.file).toEqual(expected.missing);
      await page.close();
    }
  });
});
