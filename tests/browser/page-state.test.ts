/**
 * A job page served with its embedded state (Upwork's `__NUXT_DATA__`), in real Chromium: the content
 * script sends the state's text beside the page it read, the background merges the two, and what it
 * keeps fills a title the layout does not render and refines a rounded figure. The state is invented
 * (tests/unit/state/synthetic.ts), in the shape the real 2026 page shows.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { contentScriptAnnouncement, launchExtension, SAMPLE_PAGES, type ExtensionBrowser } from "./harness";
import { history, jobDetails, nuxt3Json } from "../unit/state/synthetic";

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const CIPHER = "~022093300417788990012";
const URL_WITH_STATE = `https://www.upwork.com/jobs/${CIPHER}`;
const FIRST_TITLE = "Offline-first sync for our React Native app";

let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  browser = await launchExtension();
  extensionPage = await browser.openExtensionPage("src/options/index.html");
  const sample = await readFile(join(SAMPLE_PAGES, "job.html"), "utf8");
  // As in the 2026 layout: the history item renders no title; the state names it.
  const untitled = sample.replace(` ${FIRST_TITLE} </a>`, "</a>");
  expect(untitled).not.toBe(sample);
  const state = nuxt3Json(
    jobDetails({
      job: { ciphertext: CIPHER, uid: CIPHER.slice(3), title: "React Native developer for a pet-care booking app" },
      stats: { totalCharges: { currencyCode: "USD", amount: 247_912.4 } },
      workHistory: [
        history(FIRST_TITLE, 20150, {
          toClient: [5, "Clear specs, fast payments and thoughtful feedback. Would gladly work with Pawfect again."],
          toFreelancer: [5, "Marta delivered ahead of schedule and documented everything."],
        }),
      ],
    }),
  );
  const withState = untitled.replace(
    "</body>",
    `<script type="application/json" id="__NUXT_DATA__" data-ssr="true">${state}</script></body>`,
  );
  browser.routes.set(URL_WITH_STATE, withState);
});
afterAll(async () => browser?.close());

interface TabPage {
  source: string;
  url: string;
  parsed: {
    record: { client: { totalSpent: number; history: Array<{ title: string | null }> } };
    sources: Record<string, string>;
    warnings: string[];
  };
}

async function tabPage(url: string): Promise<TabPage | null> {
  const tabs = await browser.serviceWorker.evaluate(() => chrome.tabs.query({}));
  const tabId = tabs.find((tab) => tab.url === url)?.id;
  const reply = (await extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: "get-tab-page", tabId: id }),
    tabId,
  )) as { ok: boolean; data: TabPage | null };
  return reply.ok && reply.data?.source === "tab" && reply.data.url === url ? reply.data : null;
}

describe("a job page served with its embedded state", () => {
  it("fills the title the page does not render and refines the rounded spend, saying where each came from", async () => {
    const page = await browser.context.newPage();
    const announced = contentScriptAnnouncement(page);
    await page.goto(URL_WITH_STATE);
    await announced;
    let got: TabPage | null = null;
    await expect.poll(async () => (got = await tabPage(page.url())) !== null, { timeout: 10_000 }).toBe(true);
    const { record, sources } = got!.parsed;
    expect(record.client.history[0]!.title).toBe(FIRST_TITLE);
    expect(sources["client.history[0].title"]).toBe("state");
    expect(record.client.totalSpent).toBe(247_912.4);
    expect(sources["client.totalSpent"]).toBe("both");
    // What the page shows and the state contradicts stays the page's: the text wins.
    expect(sources["client.hires"]).toBe("text");
    await page.close();
  });
});
