/**
 * Accessibility in real Chromium, checked by axe-core: the options page (every section, with its
 * notices, errors and import preview, light and dark), the popup on the sample job and invitation
 * pages, and the fit panel on the sample invitation page. Any violation of impact "serious" or
 * "critical" fails the test, listed rule by rule with the elements it found. And the options page
 * by keyboard alone: Tab and Shift+Tab through the nav and a section, Enter to show another.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { RecordCache } from "../../src/background/record-cache";
import type { ParsedPage } from "../../src/shared/records";
import { sampleHistory } from "../../scripts/demo-history";
import {
  clickInShadow,
  collectErrors,
  contentScriptAnnouncement,
  inShadow,
  launchExtension,
  samplePages,
  waitForShadow,
  type ExtensionBrowser,
} from "./harness";

declare const chrome: {
  storage: Record<
    "sync" | "local",
    {
      set(items: object): Promise<void>;
      get(keys: null | string | string[]): Promise<Record<string, unknown>>;
      remove(keys: string | string[]): Promise<void>;
      clear(): Promise<void>;
    }
  >;
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PANEL = "[data-iw-panel]";
const COPY = "iw-axe-copy";
const SCHEMES = ["light", "dark"] as const;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

interface AxeRun {
  violations: Finding[];
  /** Elements whose text contrast axe measured and passed: a check that measured nothing proves nothing. */
  contrastPassed: number;
}

/**
 * Runs axe-core on the page (or on one element and its open shadow tree). It is evaluated in the
 * page through the DevTools protocol, not added as a <script>: extension pages' CSP refuses inline
 * scripts.
 */
async function runAxe(page: Page, selector?: string): Promise<AxeRun> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResults> } }).axe;
    type AxeNode = { target: unknown[]; failureSummary?: string };
    type AxeResults = Record<
      "violations" | "passes",
      Array<{ id: string; impact: string | null; help: string; nodes: AxeNode[] }>
    >;
    const context = sel ? document.querySelector(sel) : document;
    if (!context) throw new Error(`no ${sel} to check`);
    // Also the experimental rule that a control's name starts with its visible words (WCAG 2.5.3).
    const results = await axe.run(context, {
      resultTypes: ["violations", "passes"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: JSON.stringify(n.target),
          summary: (n.failureSummary ?? "").replace(/\s+/g, " "),
        })),
      })),
      contrastPassed: results.passes.find((p) => p.id === "color-contrast")?.nodes.length ?? 0,
    };
  }, selector);
}

/** The serious and critical violations, one readable block each (empty when there are none). */
function serious(where: string, run: AxeRun): string {
  return run.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target}: ${n.summary}`).join("\n")}`,
    )
    .join("\n");
}

/** Runs axe and collects what fails; moderate and minor findings are printed, not failed. */
async function check(page: Page, where: string, failures: string[], selector?: string): Promise<AxeRun> {
  const run = await runAxe(page, selector);
  const found = serious(where, run);
  if (found) failures.push(found);
  const minor = run.violations.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  if (minor.length)
    console.info(`${where}: ${minor.map((v) => `[${v.impact}] ${v.id} (${v.nodes.length})`).join(", ")}`);
  return run;
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension(process.env.IW_DIST_DIR ? { distDir: process.env.IW_DIST_DIR } : {});
});
afterAll(async () => browser?.close());

async function openOptions(hash = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html${hash}`);
  await page.getByTestId("options-ready").waitFor();
  return { page, errors };
}

async function showSection(page: Page, section: string) {
  await page.evaluate((id) => (location.hash = id), section);
  await page.locator(`#${section}-title`).waitFor();
}

async function sampleUrl(kind: string): Promise<string> {
  const sample = (await samplePages()).find((p) => p.kind === kind);
  if (!sample) throw new Error(`no sample ${kind} page`);
  return sample.url;
}

describe("accessibility (axe-core, no serious or critical violations)", () => {
  it("options page: every section, with notices, errors and an import preview, light and dark", async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
    // What the page shows beyond its fields: a damaged stored value (a notice and its Discard
    // button), diagnostics with a storage notice, and a template preview on the last invitation.
    await page.evaluate(() =>
      Promise.all([
        chrome.storage.sync.set({ "settings.rates": { savedAt: Date.now(), value: { hourly: "forty" } } }),
        chrome.storage.local.set({
          "diagnostics.parseMisses": [
            { kind: "job", missing: ["client.totalSpent"], fallbacks: ["job.title"], at: "2025-12-11T09:00:00.000Z" },
          ],
          "diagnostics.storage": [{ at: "2025-12-11T09:05:00.000Z", evicted: 3, retried: "ok" }],
        }),
      ]),
    );
    const local = {
      get: (keys?: string | string[] | null) => page.evaluate((k) => chrome.storage.local.get(k ?? null), keys ?? null),
      set: (items: Record<string, unknown>) => page.evaluate((i) => chrome.storage.local.set(i), items),
      remove: (keys: string | string[]) => page.evaluate((k) => chrome.storage.local.remove(k), keys),
    };
    const fixture = JSON.parse(
      await readFile(join(import.meta.dirname, "../fixtures/invitation/declined.expected.json"), "utf8"),
    );
    await new RecordCache(local).record(
      { kind: fixture.kind, record: fixture.record, missing: fixture.missing ?? [] } as ParsedPage,
      "https://www.upwork.com/nx/proposals/interview/uid/2092240011223344556",
      "2025-12-11T09:00:00.000Z",
    );
    await page.reload();
    await page.getByTestId("options-ready").waitFor();
    await page.getByTestId("notice").first().waitFor();

    const failures: string[] = [];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const section of ["rates", "profile", "templates", "scoring", "backup", "diagnostics"]) {
        await showSection(page, section);
        const run = await check(page, `options #${section} (${scheme})`, failures);
        expect(run.contrastPassed, `#${section} (${scheme}): text measured`).toBeGreaterThan(5);
      }
    }

    // States: unsaved edits, a field in error with the error summary, an import preview and an import error.
    await showSection(page, "scoring");
    await page.getByLabel("Hire rate", { exact: true }).fill("abc");
    await page.getByTestId("save").click();
    await page.getByTestId("error-summary").waitFor();
    await showSection(page, "backup");
    const file = (name: string, body: object) => ({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(body)),
    });
    await page.getByTestId("import-file").setInputFiles(
      file("good.json", {
        version: 1,
        rates: { hourly: 60, minimumHourly: null, minimumFixed: null, preferredPayment: "fixed" },
        profile: { name: "Dana", skills: ["React"] },
      }),
    );
    await page.getByTestId("import-changes").waitFor();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await check(page, `options #backup with errors and an import preview (${scheme})`, failures);
      await showSection(page, "scoring");
      await check(page, `options #scoring with a field in error (${scheme})`, failures);
      await showSection(page, "backup");
    }
    await page
      .getByTestId("import-file")
      .setInputFiles(file("bad.json", { version: 1, rates: { preferredPayment: "weekly" } }));
    await page.getByTestId("import-error").waitFor();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await check(page, `options #backup with an import error (${scheme})`, failures);
    }
    expect(failures.join("\n\n")).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("popup: for a tab on the sample job page and on the sample invitation page, light and dark", async () => {
    const failures: string[] = [];
    for (const kind of ["job", "invitation"]) {
      const url = await sampleUrl(kind);
      const tab = await browser.context.newPage();
      const announced = contentScriptAnnouncement(tab);
      await tab.goto(url);
      await announced;
      const tabId = await browser.serviceWorker.evaluate(
        async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id,
        url,
      );
      // The background learns the page when the content script reports it: reopen until the draft is there.
      let popup: Page | null = null;
      for (let attempt = 0; attempt < 20 && !popup; attempt++) {
        const opened = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
        const state = await opened.waitForSelector("#letter-text, main .status", { timeout: 10_000 });
        if ((await state.getAttribute("id")) === "letter-text") popup = opened;
        else await opened.close();
      }
      if (!popup) throw new Error(`the popup never got the ${kind} page`);
      for (const scheme of SCHEMES) {
        await popup.emulateMedia({ colorScheme: scheme });
        const run = await check(popup, `popup on the ${kind} page (${scheme})`, failures);
        expect(run.contrastPassed).toBeGreaterThan(10);
      }
      await popup.close();
      await tab.close();
    }
    expect(failures.join("\n\n")).toBe("");
  });

  it("fit panel on the sample invitation page: expanded, with the decline note, light and dark", async () => {
    const page = await browser.context.newPage();
    await page.goto(await sampleUrl("invitation"));
    await page.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );
    await page.bringToFront();
    const failures: string[] = [];
    const checkPanel = async (state: string) => {
      await copyPanel(page);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        const run = await check(page, `panel ${state} (${scheme})`, failures, `#${COPY}`);
        expect(run.contrastPassed, `panel ${state} (${scheme}): text measured`).toBeGreaterThan(20);
      }
      await page.emulateMedia({ colorScheme: null });
      await uncopyPanel(page);
    };
    await checkPanel("expanded");
    await clickInShadow(page, PANEL, "button", "Decline politely");
    await waitForShadow(page, PANEL, function () {
      return this.querySelector("textarea") !== null;
    });
    await checkPanel("with the decline note");
    expect(failures.join("\n\n")).toBe("");
    await page.close();
  });

  it("insights page: empty, and on a month of sample history with every section open, light and dark", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const failures: string[] = [];
    await page.goto(`chrome-extension://${browser.extensionId}/src/insights/index.html`);
    await page.evaluate(() => Promise.all([chrome.storage.local.remove(["iw:log", "iw:insights:dismissed"])]));
    await page.reload();
    await page.getByTestId("insights-ready").waitFor();
    await check(page, "insights page, empty", failures);
    await page.evaluate(
      (entries) => chrome.storage.local.set({ "iw:log": { entries, sample: true } }),
      sampleHistory(new Date()),
    );
    await page.getByTestId("sample-data").waitFor();
    // The tables under the charts open, so axe checks them too.
    await page.$$eval("details", (all) => all.forEach((d) => d.setAttribute("open", "")));
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const run = await check(page, `insights page with sample history (${scheme})`, failures);
      expect(run.contrastPassed).toBeGreaterThan(20);
    }
    await page.emulateMedia({ colorScheme: null });
    expect(failures.join("\n\n")).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("list badges on the sample list (full, provisional and 'open to score'), light and dark", async () => {
    const page = await browser.context.newPage();
    await page.goto(await sampleUrl("invitations"));
    await page.waitForFunction(() => document.querySelectorAll("[data-iw-invitation][data-iw-urgency]").length === 4);
    await page.bringToFront();
    const ids = await page.$$eval("[data-iw-invitation]", (hosts) =>
      hosts.map((h) => h.getAttribute("data-iw-invitation")!),
    );
    const failures: string[] = [];
    // Each badge alone, as the panel is checked: its closed root copied into an open one (see copyPanel).
    for (const id of ids) {
      await copyPanel(page, `[data-iw-invitation="${id}"]`);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await check(page, `badge ${id} (${scheme})`, failures, `#${COPY}`);
      }
      await page.emulateMedia({ colorScheme: null });
      await uncopyPanel(page);
    }
    expect(failures.join("\n\n")).toBe("");
    await page.close();
  });
});

/**
 * The panel lives in a closed shadow root, which axe — a script of the page — cannot enter, and the
 * panel's own code is no module a blank page could load (the content script is one bundled file).
 * So the test copies what the root holds, through the DevTools protocol (closed-shadow.ts): its
 * nodes, deep (every attribute and ARIA state, the same text), and the very stylesheet it adopted,
 * into an open root on a host of the same tag and class, and axe checks that copy. The copy sits in
 * the page's flow with no height limit (every line on screen to measure), and the page's own
 * content is hidden meanwhile: the panel floats over Upwork with its own background, and text that
 * Upwork's elements overlap is contrast axe cannot measure ("incomplete"), which would check nothing.
 */
async function copyPanel(page: Page, host = PANEL): Promise<void> {
  await inShadow(
    page,
    host,
    function (id) {
      const real = this.host;
      const host = document.createElement(real.localName);
      host.id = id;
      host.className = real.className;
      host.style.cssText = "position:absolute;top:0;left:0;right:auto;--iw-max-h:none";
      const root = host.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [...this.adoptedStyleSheets];
      root.append(...[...this.childNodes].map((node) => node.cloneNode(true)));
      const hide = document.createElement("style");
      hide.id = `${id}-hide`;
      // Our hosts reset what they inherit (`all: initial`): they are hidden by name.
      hide.textContent = `body > :not(#${id}), iw-badge, iw-panel:not(#${id}) { visibility: hidden !important; }`;
      document.head.append(hide);
      document.body.append(host);
    },
    COPY,
  );
}

async function uncopyPanel(page: Page): Promise<void> {
  await page.evaluate((id) => {
    document.getElementById(id)?.remove();
    document.getElementById(`${id}-hide`)?.remove();
  }, COPY);
}

describe("keyboard", () => {
  it("options page by keyboard alone: Tab to the nav, Enter shows a section with focus on its heading, Tab and Shift+Tab through it", async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
    await page.reload();
    await page.getByTestId("options-ready").waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid || el?.id || el?.textContent?.trim() || "";
      });
    const tab = async (key = "Tab") => (await page.keyboard.press(key), focused());

    // The skip link first, then the nav's links in order.
    expect(await tab()).toBe("Skip to Rates and minimums");
    expect(await tab()).toBe("nav-rates");
    expect(await tab()).toBe("nav-profile");
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe("profile-title");
    await expect(page.evaluate(() => location.hash)).resolves.toBe("#profile");
    await expect(page.getByTestId("nav-profile").getAttribute("aria-current")).resolves.toBe("page");

    // From the heading, Tab goes into the section (past the first-run links above it, which come first in the page).
    expect(await tab()).toBe("field-profile.name");
    await page.keyboard.type("Dana K.");
    // Enter in a field saves the form, as in any form.
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");

    // Shift+Tab walks back out of the section to the nav's last link.
    let back = "";
    for (let i = 0; i < 12 && !back.startsWith("nav-"); i++) back = await tab("Shift+Tab");
    // The nav's last link is the Insights page (a page of its own); Diagnostics comes just before it.
    expect(back).toBe("nav-insights");
    expect(await tab("Shift+Tab")).toBe("nav-diagnostics");
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe("diagnostics-title");
    expect(await tab()).toBe("copy-report");

    // Back up the nav to its first link.
    const upTheNav: string[] = [];
    for (let i = 0; i < 8 && upTheNav.at(-1) !== "nav-rates"; i++) upTheNav.push(await tab("Shift+Tab"));
    expect(upTheNav).toEqual([
      "nav-insights",
      "nav-diagnostics",
      "nav-backup",
      "nav-scoring",
      "nav-templates",
      "nav-profile",
      "nav-rates",
    ]);
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe("rates-title");
    // A whole Tab walk of the section reaches only what is on screen: nothing of the hidden sections.
    const walked: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const hidden = el.closest("[hidden]") !== null || el.getClientRects().length === 0;
        return `${hidden ? "HIDDEN " : ""}${el.dataset.testid || el.id || el.localName}`;
      });
      if (where === null || walked.includes(where)) break;
      walked.push(where);
    }
    expect(walked.filter((w) => w.startsWith("HIDDEN"))).toEqual([]);
    expect(walked).toEqual(expect.arrayContaining(["field-rates.hourly", "field-rates.preferredPayment", "save"]));
    expect(walked.some((w) => w.startsWith("field-profile"))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
