/**
 * "Report this page" in real Chromium with the built extension: the panel's button and the options
 * page's Diagnostics both give the page's skeleton — Upwork's labels and the page's structure, none
 * of the job's or client's words — by the clipboard, or in a text box when the clipboard refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  clickInShadow,
  collectErrors,
  inShadow,
  launchExtension,
  SAMPLE_PAGES,
  samplePages,
  type ExtensionBrowser,
} from "./harness";
import { loadHtml } from "../unit/parse/helpers";
import { parsePage } from "../../src/content/parse/index";

let browser: ExtensionBrowser;
let jobUrl = "";
/** The sample job's own words, which no report may hold. */
let secrets: string[] = [];

const PANEL = "[data-iw-panel]";
const COPIED = /^Report copied/;

beforeAll(async () => {
  browser = await launchExtension();
  // The clipboard as a user's browser grants it to a page they clicked in; reading it back is the
  // test's (an extension page cannot be granted it here: the test reads it through an Upwork tab).
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://www.upwork.com" });
  const sample = (await samplePages()).find((p) => p.kind === "job")!;
  jobUrl = sample.url;
  const { doc, close } = loadHtml(await readFile(join(SAMPLE_PAGES, sample.file), "utf8"));
  const parsed = parsePage(doc, jobUrl, new Date());
  await close();
  if (parsed?.kind !== "job") throw new Error("the sample job page did not parse");
  const { job, client } = parsed.record;
  secrets = [
    job.title!,
    client.city!,
    client.country!,
    job.description!.slice(0, 40),
    client.history[0]!.title!,
    client.history[0]!.freelancerFeedback!.slice(0, 30),
  ];
});
afterAll(async () => browser?.close());

/**
 * What the action gave: the clipboard when the status says it copied (read in an Upwork tab, which may
 * read it), else the text box it shows instead.
 */
async function reportText(
  status: () => Promise<string | null>,
  textBox: () => Promise<string>,
  upworkTab: Page,
): Promise<string> {
  await expect.poll(status, { timeout: 20_000 }).toMatch(/^(Report copied|Copying was blocked)/);
  if (!COPIED.test((await status()) ?? "")) return textBox();
  await upworkTab.bringToFront();
  return upworkTab.evaluate(() => navigator.clipboard.readText());
}

function expectSkeletonOfTheJob(report: string) {
  expect(report).toMatch(/^<!-- saved from url=\(\d{4}\)https:\/\/www\.upwork\.com\/jobs\/[Xx-]+_~02\d{19}\/ -->\n/);
  expect(report).toContain("About the client");
  expect(report).toContain("Activity on this job");
  expect(report).toContain(
    `<div data-test="about-client-container" class="cfe-ui-job-about-client air3-card-section">`,
  );
  expect(report).toMatch(/<li class="ca-item"><span class="title"> Proposals: <\/span>/);
  expect(report).toContain("Field health of the last read (job page):");
  expect(report).toMatch(/\n {2}client\.totalSpent: text, \[data-qa='client-spend'\]\n/);
  for (const secret of secrets) expect(report, secret).not.toContain(secret);
  expect(report).not.toContain("<script");
}

describe("Report this page", () => {
  it("the panel's button copies the skeleton of the job page: Upwork's labels and structure, not the job's words", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(jobUrl);
    await page.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );
    await page.bringToFront();
    await clickInShadow(page, PANEL, "button", "Report this page");
    // The panel's shadow root is closed: its status and text box are read through CDP.
    const status = () =>
      inShadow(page, PANEL, function () {
        return this.querySelector("[role=status]")!.textContent;
      });
    const textBox = () =>
      inShadow(page, PANEL, function () {
        return this.querySelector<HTMLTextAreaElement>(".report textarea")!.value;
      });
    const report = await reportText(status, textBox, page);
    expectSkeletonOfTheJob(report);
    // The report script ran in the extension's world: the page's own scripts never saw its global.
    expect(await page.evaluate(() => "invitewiseReportPage" in globalThis)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the options page copies a report of the Upwork page read last, and says so when none is open", async () => {
    const job = await browser.context.newPage();
    await job.goto(jobUrl);
    await job.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );

    const options = await browser.openExtensionPage("src/options/index.html#diagnostics");
    const errors = collectErrors(options);
    await options.getByTestId("options-ready").waitFor();
    await options.getByTestId("copy-page-report").click();
    const report = await reportText(
      () => options.getByTestId("diagnostics-status").textContent(),
      () => options.locator("#report-text").inputValue(),
      job,
    );
    expectSkeletonOfTheJob(report);

    await job.close();
    await options.getByTestId("copy-page-report").click();
    await expect
      .poll(() => options.getByTestId("diagnostics-status").textContent())
      .toBe("No Upwork page is open. Open the page to report, then try again.");
    expect(errors).toEqual([]);
    await options.close();
  });
});
