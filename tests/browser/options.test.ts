/**
 * The options page in the built extension, in real Chromium: one section on screen at a time (the
 * nav's links, the address's hash, Back and Forward), what the user saves stays saved, an invalid
 * import changes nothing, a long portfolio survives the sync quota, and a damaged stored value is
 * announced without breaking the page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { join } from "node:path";
import { RecordCache } from "../../src/background/record-cache";
import type { ParsedPage } from "../../src/shared/records";
import { collectErrors, launchExtension, type ExtensionBrowser } from "./harness";

declare const chrome: {
  storage: Record<
    "sync" | "local",
    {
      get(keys: null | string | string[]): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
      clear(): Promise<void>;
    }
  >;
};

let browser: ExtensionBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  // IW_DIST_DIR lets a developer test a private build while others rebuild dist/.
  browser = await launchExtension(process.env.IW_DIST_DIR ? { distDir: process.env.IW_DIST_DIR } : {});
});
afterAll(async () => browser?.close());

/** Opens the options page (at a section's hash, if given) with its console watched from the first script on. */
async function openOptions(
  viewport?: { width: number; height: number },
  hash = "",
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  pages.push(page);
  if (viewport) await page.setViewportSize(viewport);
  const errors = collectErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html${hash}`);
  await page.getByTestId("options-ready").waitFor();
  return { page, errors };
}

/** Shows a section as the user does, with its link in the nav. */
async function show(page: Page, section: string) {
  await page.getByTestId(`nav-${section}`).click();
  await expect.poll(() => page.getByTestId(`nav-${section}`).getAttribute("aria-current")).toBe("page");
}

/** The ids of the sections on screen (their wrappers are hidden otherwise). */
const visibleSections = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("section[data-testid^=section-]")]
      .filter((s) => (s as HTMLElement).offsetParent !== null)
      .map((s) => s.id),
  );

async function reload(page: Page) {
  await page.reload();
  await page.getByTestId("options-ready").waitFor();
}

const storageSnapshot = (page: Page) =>
  page.evaluate(async () =>
    JSON.stringify([await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]),
  );

beforeEach(async () => {
  for (const page of pages.splice(0)) await page.close();
  const page = await browser.openExtensionPage("src/options/index.html");
  await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
  await page.close();
});

describe("options page", () => {
  it("first run: says what to fill first; save → reload keeps every value", async () => {
    const { page, errors } = await openOptions();
    // In the order of the sections: rates first, then who you are.
    await expect(page.getByTestId("first-run").textContent()).resolves.toMatch(
      /your hourly rate.*your name.*your skills/,
    );
    expect(await visibleSections(page)).toEqual(["rates"]);

    await page.getByLabel("Hourly rate", { exact: true }).fill("45");
    await page.getByLabel("Preferred payment").selectOption("hourly");
    await show(page, "profile");
    await page.getByLabel("Name", { exact: true }).fill("Dana K.");
    await page.getByTestId("field-profile.skills").fill("React Native, TypeScript");
    await page.getByTestId("field-profile.skills").press("Enter");
    await show(page, "templates");
    await page.getByLabel("Decline template").fill("No thanks, {{name}}");
    await show(page, "scoring");
    await page.getByLabel("Skill overlap").fill("20");
    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    await expect(page.getByTestId("first-run").count()).resolves.toBe(0);

    await reload(page);
    await expect(page.getByLabel("Hourly rate", { exact: true }).inputValue()).resolves.toBe("45");
    await expect(page.getByLabel("Preferred payment").inputValue()).resolves.toBe("hourly");
    await expect(page.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("Dana K.");
    await expect(page.getByTestId("skills-list").locator("li > span").allTextContents()).resolves.toEqual([
      "React Native",
      "TypeScript",
    ]);
    await expect(page.getByLabel("Decline template").inputValue()).resolves.toBe("No thanks, {{name}}");
    await expect(page.getByLabel("Skill overlap").inputValue()).resolves.toBe("20");
    await expect(page.getByTestId("first-run").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("a bad value is not saved: the error sits next to its field, which gets focus", async () => {
    const { page, errors } = await openOptions(undefined, "#scoring");
    const before = await storageSnapshot(page);
    await page.getByLabel("Hire rate", { exact: true }).fill("abc");
    await page.getByTestId("save").click();
    const field = page.getByLabel("Hire rate", { exact: true });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-scoring-weights-hireRate");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain("f-scoring-weights-hireRate-error");
    await expect(page.locator("#f-scoring-weights-hireRate-error").textContent()).resolves.toBe("Enter a number.");
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByTestId("save-status").textContent()).resolves.toMatch(/^Not saved/);
    expect(await storageSnapshot(page)).toBe(before);
    // Fixing it (reset to defaults) clears the error and saves.
    await page.getByTestId("reset-weights").click();
    await expect(page.locator("#f-scoring-weights-hireRate-error").count()).resolves.toBe(0);
    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    expect(errors).toEqual([]);
  });

  it("invalid import: the bad field is named and nothing changes; a valid one shows the changes and applies on confirm", async () => {
    const { page, errors } = await openOptions();
    await page.getByLabel("Hourly rate", { exact: true }).fill("45");
    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    const before = await storageSnapshot(page);

    const bad = {
      version: 1,
      rates: { hourly: 60, minimumHourly: null, minimumFixed: null, preferredPayment: "weekly" },
      profile: { name: "X", skills: [] },
    };
    await show(page, "backup");
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const error = page.getByTestId("import-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/nothing changed.*rates\.preferredPayment/);
    await expect(page.getByTestId("import-file").getAttribute("aria-describedby")).resolves.toContain("import-error");
    await expect(page.getByTestId("import-preview").count()).resolves.toBe(0);
    expect(await storageSnapshot(page)).toBe(before);
    await expect(page.getByLabel("Hourly rate", { exact: true }).inputValue()).resolves.toBe("45");

    const good = { ...bad, rates: { ...bad.rates, preferredPayment: "fixed" } };
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    const changes = page.getByTestId("import-changes");
    await changes.waitFor();
    await expect(changes.textContent()).resolves.toMatch(/rates\.hourly.*45.*60/);
    expect(await storageSnapshot(page)).toBe(before); // previewing changes nothing
    await page.getByTestId("import-apply").click();
    await expect.poll(() => page.getByLabel("Hourly rate", { exact: true }).inputValue()).toBe("60");
    await reload(page);
    await expect(page.getByLabel("Hourly rate", { exact: true }).inputValue()).resolves.toBe("60");
    await expect(page.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("X");
    expect(errors).toEqual([]);
  });

  it("a 30-item portfolio saves (in this browser's storage, with a notice) and loads back", async () => {
    const { page, errors } = await openOptions(undefined, "#profile");
    for (let i = 0; i < 30; i++) {
      await page.getByTestId("portfolio-add").click();
      await page
        .locator(`#f-profile-portfolio-${i}-title`)
        .fill(`Project ${i + 1}: fitness tracker app for a gym chain`);
      await page.locator(`#f-profile-portfolio-${i}-url`).fill(`https://example.com/work/${i + 1}`);
      await page.locator(`#f-profile-portfolio-${i}-skills`).fill("React Native, TypeScript, Expo.io");
      await page
        .locator(`#f-profile-portfolio-${i}-outcome`)
        .fill(`Shipped to both stores; ${i + 10}k installs and a 4.8★ rating in the first quarter.`);
    }
    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    await expect(page.getByTestId("notices").textContent()).resolves.toMatch(
      /profile settings are \d+ KB.*saved in this browser only/,
    );
    const stored = await page.evaluate(async () => [
      (await chrome.storage.sync.get(null))["settings.profile"],
      (await chrome.storage.local.get(null))["settings.profile"],
    ]);
    expect(stored[0]).toMatchObject({ storedIn: "local" });
    expect((stored[1] as { value: { portfolio: unknown[] } }).value.portfolio).toHaveLength(30);

    await reload(page);
    await expect(page.getByTestId("portfolio-list").locator("fieldset").count()).resolves.toBe(30);
    await expect(page.locator("#f-profile-portfolio-29-title").inputValue()).resolves.toBe(
      "Project 30: fitness tracker app for a gym chain",
    );
    await expect(page.locator("#f-profile-portfolio-29-skills").inputValue()).resolves.toBe(
      "React Native, TypeScript, Expo.io",
    );
    expect(errors).toEqual([]);
  });

  it("a corrupted stored value shows the notice, the page still works, and the export keeps the raw value", async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(() =>
      chrome.storage.sync.set({
        "settings.rates": { savedAt: Date.now(), value: { hourly: "forty", preferredPayment: 7 } },
      }),
    );
    await reload(page);
    await expect(page.getByTestId("notice").first().textContent()).resolves.toMatch(
      /stored rates settings could not be read \(rates\.hourly: .*defaults are in use/,
    );
    await expect(page.getByLabel("Hourly rate", { exact: true }).inputValue()).resolves.toBe("");

    await page.getByLabel("Hourly rate", { exact: true }).fill("52");
    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    await reload(page);
    await expect(page.getByLabel("Hourly rate", { exact: true }).inputValue()).resolves.toBe("52");
    await expect(page.getByTestId("notices").textContent()).resolves.toMatch(/damaged copy of your rates settings/);

    await show(page, "backup");
    const download = page.waitForEvent("download");
    await page.getByTestId("export").click();
    const file = JSON.parse(await readFile(await (await download).path(), "utf8"));
    expect(Object.keys(file).slice(0, 3)).toEqual(["version", "rates", "profile"]);
    expect(file.rates.hourly).toBe(52);
    expect(file.recovered.rates[0].raw).toEqual({ hourly: "forty", preferredPayment: 7 });
    expect(errors).toEqual([]);
  });

  it("diagnostics list field names from storage and the report can be copied", async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(() =>
      chrome.storage.local.set({
        "diagnostics.parseMisses": [
          { kind: "job", missing: ["client.totalSpent", "job.budget"], at: "2025-12-11T09:00:00.000Z" },
        ],
      }),
    );
    await reload(page);
    await show(page, "diagnostics");
    await expect(page.getByTestId("diagnostics-table").textContent()).resolves.toMatch(
      /Job.*client\.totalSpent, job\.budget/,
    );
    await page.getByTestId("copy-report").click();
    await expect.poll(() => page.getByTestId("diagnostics-status").textContent()).toMatch(/copied|copy it/);
    expect(errors).toEqual([]);
  });

  it("shows when storage was full, and Clear asks the background to empty both logs", async () => {
    const { page, errors } = await openOptions();
    await page.evaluate(() =>
      chrome.storage.local.set({
        "diagnostics.parseMisses": [{ kind: "job", missing: ["job.budget"], at: "2025-12-11T09:00:00.000Z" }],
        "diagnostics.storage": [{ at: "2025-12-11T09:05:00.000Z", evicted: 37, retried: "ok" }],
      }),
    );
    await reload(page);
    await show(page, "diagnostics");
    await expect(page.getByTestId("storage-notices").textContent()).resolves.toMatch(
      /storage for Invitewise was full\. 37 of the oldest saved pages were removed.*the page was then saved/,
    );
    await page.getByTestId("clear-diagnostics").click();
    await expect.poll(() => page.getByTestId("diagnostics-status").textContent()).toBe("Diagnostics cleared.");
    const left = await page.evaluate(() =>
      chrome.storage.local.get(["diagnostics.parseMisses", "diagnostics.storage"]),
    );
    expect(left).toEqual({});
    expect(await page.getByTestId("storage-notices").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("is usable in a narrow window: no sideways scrolling, every field labelled", async () => {
    const { page, errors } = await openOptions({ width: 360, height: 800 });
    // Every section, the nav above it wrapped to the width.
    for (const section of ["rates", "profile", "templates", "scoring", "backup", "diagnostics"]) {
      await show(page, section);
      if (section === "profile") {
        await page.getByTestId("portfolio-add").click();
        await page.getByTestId("specialized-add").click();
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, section).toBeLessThanOrEqual(0);
    }
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea")]
        .filter((el) => !(el as HTMLInputElement).labels?.length)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("previews the templates on the last opened invitation, following unsaved edits", async () => {
    const { page, errors } = await openOptions();
    // The background's own cache writes the entry, through the page's storage.local.
    const local = {
      get: (keys?: string | string[] | null) => page.evaluate((k) => chrome.storage.local.get(k ?? null), keys ?? null),
      set: (items: Record<string, unknown>) => page.evaluate((i) => chrome.storage.local.set(i), items),
      remove: (keys: string | string[]) => page.evaluate((k) => chrome.storage.local.remove(k), keys),
    };
    const fixture = JSON.parse(
      await readFile(join(import.meta.dirname, "../fixtures/invitation/declined.expected.json"), "utf8"),
    );
    const parsed = { kind: fixture.kind, record: fixture.record, missing: fixture.missing ?? [] } as ParsedPage;
    await new RecordCache(local).record(
      parsed,
      "https://www.upwork.com/nx/proposals/interview/uid/2092240011223344556",
      "2025-12-11T09:00:00.000Z",
    );
    await reload(page);

    const preview = page.getByTestId("preview-f-templates-decline");
    await expect(preview.locator("h4").textContent()).resolves.toBe(`Preview on “${fixture.record.job.title}”`);
    await show(page, "templates");
    await page.getByLabel("Decline template").fill("Thanks for thinking of me for {{jobTitle}}.\n{{name}}");
    await show(page, "profile");
    await page.getByLabel("Name", { exact: true }).fill("Dana K.");
    await expect
      .poll(() => preview.locator("pre").textContent())
      .toBe(`Thanks for thinking of me for ${fixture.record.job.title}.\nDana K.`);
    expect(errors).toEqual([]);
  });

  it("shows one section at a time: the nav marks it, its hash links to it, Back and Forward follow, focus goes to its heading", async () => {
    const { page, errors } = await openOptions(undefined, "#profile");
    expect(await visibleSections(page)).toEqual(["profile"]);
    await expect(page.getByTestId("nav-profile").getAttribute("aria-current")).resolves.toBe("page");
    await expect(page.locator("nav a[aria-current]").count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe("Profile and skills – Invitewise settings");

    await page.getByTestId("nav-scoring").click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#scoring");
    await expect.poll(() => visibleSections(page)).toEqual(["scoring"]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("scoring-title");
    await expect(page.getByTestId("nav-profile").getAttribute("aria-current")).resolves.toBeNull();

    await page.goBack();
    await expect.poll(() => visibleSections(page)).toEqual(["profile"]);
    await expect(page.getByTestId("nav-profile").getAttribute("aria-current")).resolves.toBe("page");
    await page.goForward();
    await expect.poll(() => visibleSections(page)).toEqual(["scoring"]);

    // The address before one section at a time, and a field's own address, still lead somewhere.
    await page.evaluate(() => (location.hash = "import-export"));
    await expect.poll(() => visibleSections(page)).toEqual(["backup"]);
    await page.evaluate(() => (location.hash = "f-rates-minimumFixed"));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-rates-minimumFixed");
    expect(await visibleSections(page)).toEqual(["rates"]);
    expect(errors).toEqual([]);
  });

  it("keeps the saved state in view on every settings section, and leaves Diagnostics out of the settings", async () => {
    const { page, errors } = await openOptions();
    await expect(page.getByTestId("save-state").textContent()).resolves.toBe("All changes saved");
    await page.getByLabel("Hourly rate", { exact: true }).fill("45");
    await expect(page.getByTestId("save-state").textContent()).resolves.toBe("Unsaved changes");
    await expect(page.getByTestId("nav-rates").textContent()).resolves.toMatch(/unsaved/);

    for (const section of ["profile", "templates", "scoring", "backup"]) {
      await show(page, section);
      await expect(page.getByTestId("save").isVisible(), section).resolves.toBe(true);
      await expect(page.getByTestId("save-state").textContent()).resolves.toBe("Unsaved changes");
    }
    // Diagnostics edit nothing: no save bar, only a way back to the edits left unsaved.
    await show(page, "diagnostics");
    await expect(page.getByTestId("savebar").count()).resolves.toBe(0);
    await expect(page.getByTestId("first-run").isVisible()).resolves.toBe(false);
    await page.getByTestId("unsaved-elsewhere").getByRole("link").click();
    await expect.poll(() => visibleSections(page)).toEqual(["scoring"]);

    await page.getByTestId("save").click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved.");
    await expect(page.getByTestId("save-state").textContent()).resolves.toBe("All changes saved");
    await show(page, "diagnostics");
    await expect(page.getByTestId("unsaved-elsewhere").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("a bad value in a section not shown: Save shows that section, marks it in the nav and focuses the field", async () => {
    const { page, errors } = await openOptions(undefined, "#scoring");
    await page.getByLabel("Hire rate", { exact: true }).fill("abc");
    await show(page, "profile");
    await page.getByTestId("save").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-scoring-weights-hireRate");
    expect(await visibleSections(page)).toEqual(["scoring"]);
    await expect(page.getByTestId("nav-scoring").textContent()).resolves.toMatch(/1 to fix/);
    // The error summary's link, from another section, leads back to the field.
    await show(page, "rates");
    await page.getByTestId("error-summary").getByRole("link").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-scoring-weights-hireRate");
    expect(errors).toEqual([]);
  });
});
