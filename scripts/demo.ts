/**
 * The demo behind `npm start`: walks the sample pages with the built extension loaded, the way a user
 * would, screenshots each state into demo-out/ and prints what the extension read.
 */
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  DIST_TEST,
  launchExtension,
  ROOT,
  SAMPLE_PAGES,
  samplePages,
  type ExtensionBrowser,
} from "./extension-browser";
import { clickInShadow, waitForShadow } from "./closed-shadow";
import { importSettings, settle, tabIdOf } from "./user-run";
import { sampleHistory } from "./demo-history";
import { LOG_KEY } from "../src/shared/invitation-log";

const OUT = join(ROOT, "demo-out");
const headless = !process.env.DISPLAY;

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  runtime: { sendMessage(message: object): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void> } };
};

/** What the overlay shows on a page, read from its test hooks (records.md §6). */
async function overlaySummary(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const badges = [...document.querySelectorAll("[data-iw-invitation]")].map(
      (b) => `${b.getAttribute("data-iw-fit")}/${b.getAttribute("data-iw-urgency")}`,
    );
    const panel = document.querySelector("[data-iw-panel]");
    if (badges.length) return `${badges.length} invitation badges (fit/urgency: ${badges.join(", ")})`;
    if (panel) return `fit panel: ${panel.getAttribute("data-iw-fit")}`;
    return null;
  });
}

interface TabPageReply {
  ok: boolean;
  data?: { parsed: { kind: string; record: Record<string, unknown>; missing: string[] } } | null;
}

/** What the extension read on a page with no overlay, asked of the background as the popup does. */
async function recordSummary(browser: ExtensionBrowser, extensionPage: Page, page: Page): Promise<string> {
  const tabId = await tabIdOf(browser, page.url());
  const reply = (await extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: "get-tab-page", tabId: id }),
    tabId,
  )) as TabPageReply;
  const parsed = reply.ok ? reply.data?.parsed : undefined;
  if (!parsed) return "nothing read";
  const r = parsed.record as {
    form?: { paymentKind: string | null; questions: string[] };
    terms?: { kind: string | null };
    newInvitations?: number | null;
  };
  const what = r.form
    ? `apply form (${r.form.paymentKind ?? "?"}, ${r.form.questions.length} questions)`
    : r.terms
      ? `proposal (${r.terms.kind ?? "?"} terms)`
      : r.newInvitations !== undefined
        ? `${r.newInvitations ?? "?"} new invitation${r.newInvitations === 1 ? "" : "s"}`
        : parsed.kind;
  return `read ${what}; not shown: ${parsed.missing.length ? parsed.missing.join(", ") : "none"}`;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const browser = await launchExtension({ headless });
  const pages = await samplePages();
  const byKind = (kind: string) => pages.find((p) => p.kind === kind);
  const lines: string[] = [];
  try {
    const page = await browser.context.newPage();
    const extensionPage = await browser.openExtensionPage("src/options/index.html");
    // The order a user follows: the list, an invitation, its job, the apply form, back to the list.
    const walk = ["invitations", "invitation", "job", "apply", "proposal", "home"].flatMap(
      (kind) => byKind(kind) ?? [],
    );
    const list = byKind("invitations");
    if (list) walk.push({ ...list, file: "invitations-after.png" });
    for (const sample of walk) {
      await page.goto(sample.url);
      await settle(page);
      const shot = sample.file.endsWith(".png") ? sample.file : `${sample.kind}.png`;
      await page.screenshot({ path: join(OUT, shot), fullPage: false });
      const summary = (await overlaySummary(page)) ?? (await recordSummary(browser, extensionPage, page));
      lines.push(`${sample.kind.padEnd(12)} ${summary.padEnd(60)} → demo-out/${shot}`);
    }
    // Back on the list, the opened invitation's badge shows its panel right there.
    // Our shadow roots are closed: their buttons are clicked, and their content awaited, through CDP.
    const opened = "[data-iw-invitation]:not([data-iw-fit='unknown']):not([data-iw-provisional])";
    if ((await page.locator(opened).count()) > 0) {
      await clickInShadow(page, opened, "button");
      await page.waitForFunction(() =>
        /^\d+$/.test(document.querySelector("[data-iw-panel]")?.getAttribute("data-iw-fit") ?? ""),
      );
      await settle(page);
      await page.screenshot({ path: join(OUT, "invitations-panel.png"), fullPage: false });
      lines.push(
        `${"invitations".padEnd(12)} ${"the opened invitation's badge shows its panel on the list".padEnd(60)} → demo-out/invitations-panel.png`,
      );
      // Back to the ranking of every invitation (provisional fits marked ~).
      await clickInShadow(page, "[data-iw-panel]", "button", "Back to the ranking");
      await waitForShadow(page, "[data-iw-panel]", function () {
        return this.querySelector(".ranked") !== null;
      });
      await settle(page);
      await page.screenshot({ path: join(OUT, "invitations-ranking.png"), fullPage: false });
      lines.push(
        `${"invitations".padEnd(12)} ${"every invitation ranked by urgency, provisional fits marked ~".padEnd(60)} → demo-out/invitations-ranking.png`,
      );
    }

    // The overlay's other states: panel collapsed, decline note, dark mode, and the badges' quiet error state.
    const detail = byKind("invitation");
    if (detail) {
      const shot = async (file: string, what: string) => {
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.screenshot({ path: join(OUT, file), fullPage: false });
        lines.push(`${"overlay".padEnd(12)} ${what.padEnd(60)} → demo-out/${file}`);
      };
      await page.goto(detail.url);
      await settle(page);
      await clickInShadow(page, "[data-iw-panel]", ".toggle");
      await waitForShadow(page, "[data-iw-panel]", function () {
        return this.querySelector(".body") === null;
      });
      await shot("invitation-collapsed.png", "fit panel collapsed to its tab");
      await clickInShadow(page, "[data-iw-panel]", ".toggle");
      await clickInShadow(page, "[data-iw-panel]", "button", "Decline politely");
      await waitForShadow(page, "[data-iw-panel]", function () {
        return this.querySelector("textarea") !== null;
      });
      await shot("invitation-decline.png", "decline note, ready to copy");
      await page.emulateMedia({ colorScheme: "dark" });
      await shot("invitation-dark.png", "fit panel in dark mode");
      await page.emulateMedia({ colorScheme: null });
    }
    // Only the test build has the fault switch (start.mjs builds it into dist-test/): a browser of its own.
    const testBuilt = await access(join(DIST_TEST, "manifest.json")).then(
      () => true,
      () => false,
    );
    if (list && testBuilt) {
      const testBuild = await launchExtension({ headless, distDir: DIST_TEST });
      try {
        const faulty = await testBuild.context.newPage();
        await faulty.goto(`${list.url}?iw-test-fault=badge`);
        await settle(faulty);
        await faulty.screenshot({ path: join(OUT, "invitations-error.png"), fullPage: false });
        lines.push(
          `${"overlay".padEnd(12)} ${"badges' quiet error state (test build's fault switch)".padEnd(60)} → demo-out/invitations-error.png`,
        );
      } finally {
        await testBuild.close();
      }
    } else if (list) {
      lines.push(
        `${"overlay".padEnd(12)} badges' quiet error state: skipped, no test build (npx vite build --mode test)`,
      );
    }

    // First run: the popup and the options page on defaults, before the user has said who they are.
    const popupFor = async (url: string, file: string, what: string) => {
      await page.goto(url);
      await settle(page);
      const tabId = await tabIdOf(browser, page.url());
      const popup = await browser.openExtensionPage(
        `src/popup/index.html${tabId === undefined ? "" : `?tab=${tabId}`}`,
      );
      await popup.setViewportSize({ width: 420, height: 900 });
      await settle(popup);
      await popup.screenshot({ path: join(OUT, file), fullPage: true });
      lines.push(`${"popup".padEnd(12)} ${what.padEnd(60)} → demo-out/${file}`);
      await popup.close();
    };
    const invitation = byKind("invitation");
    if (invitation)
      await popupFor(invitation.url, "popup-first-run.png", "drafts on defaults (first run), for the open invitation");
    // The options page shows one section at a time, chosen by the address's hash (#rates, #profile…).
    const options = await browser.openExtensionPage("src/options/index.html");
    const optionsShot = async (section: string, file: string, what: string, fullPage = false) => {
      await options.evaluate((id) => (location.hash = id), section);
      await options.locator(`#${section}-title`).waitFor();
      await settle(options);
      await options.screenshot({ path: join(OUT, file), fullPage });
      lines.push(`${"options".padEnd(12)} ${what.padEnd(60)} → demo-out/${file}`);
    };
    await options.getByTestId("options-ready").waitFor();
    await optionsShot("rates", "options-first-run.png", "first run: rates and minimums first, what to fill first");

    // The user imports a profile (a React Native freelancer), as they would from a settings file.
    await importSettings(options, join(SAMPLE_PAGES, "demo-settings.json"));
    await options.reload();
    await options.getByTestId("options-ready").waitFor();
    await optionsShot("profile", "options.png", "profile and skills after importing demo-settings.json", true);
    await optionsShot("diagnostics", "options-diagnostics.png", "diagnostics, a page apart from the settings");
    await options.emulateMedia({ colorScheme: "dark" });
    await optionsShot("templates", "options-dark.png", "templates with their preview, in dark mode");
    await options.emulateMedia({ colorScheme: null });

    // With the profile, the job's score counts skills and rates, and the drafts are personal.
    const job = byKind("job");
    if (job) {
      await page.goto(job.url);
      await settle(page);
      await page.screenshot({ path: join(OUT, "job-with-profile.png"), fullPage: false });
      lines.push(
        `${"job".padEnd(12)} ${(await overlaySummary(page)) + " (with the profile)"}`.padEnd(73) +
          " → demo-out/job-with-profile.png",
      );
      await popupFor(job.url, "popup.png", "personal drafts for the job, with the profile");
    }

    // Insights: a month of SAMPLE history (scripts/demo-history.ts, marked as sample data on the page),
    // written into the extension's storage from outside it: the extension itself has no seeding path.
    await browser.serviceWorker.evaluate(
      (log) => chrome.storage.local.set({ [log.key]: { entries: log.entries, sample: true } }),
      { key: LOG_KEY, entries: sampleHistory(new Date()) },
    );
    const insights = await browser.openExtensionPage("src/insights/index.html");
    await insights.setViewportSize({ width: 1000, height: 900 });
    await insights.getByTestId("insights-ready").waitFor();
    await settle(insights);
    await insights.screenshot({ path: join(OUT, "insights.png"), fullPage: true });
    const figure = (id: string) => insights.getByTestId(id).textContent();
    lines.push(
      `${"insights".padEnd(12)} ${`sample month: ${await figure("figure-total")} invitations, ${await figure("figure-answered")} answered, median ${await figure("figure-median")}, within 24 h ${await figure("figure-24h")}`.padEnd(60)} → demo-out/insights.png`,
    );
    const suggestion = await insights
      .getByTestId("suggestion")
      .locator("p")
      .textContent({ timeout: 1_000 })
      .catch(() => "no suggestion");
    lines.push(`${"insights".padEnd(12)} ${suggestion}`);
    await insights.emulateMedia({ colorScheme: "dark" });
    await settle(insights);
    await insights.screenshot({ path: join(OUT, "insights-dark.png"), fullPage: true });
    lines.push(`${"insights".padEnd(12)} ${"the same in dark mode".padEnd(60)} → demo-out/insights-dark.png`);
  } finally {
    await browser.close();
  }
  console.log(`\nInvitewise demo (${headless ? "headless" : "headed"} Chromium, sample pages served locally):`);
  for (const line of lines) console.log(`  ${line}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
