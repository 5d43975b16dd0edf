/**
 * The options page in real Firefox (dist-firefox/), as tests/browser/options.test.ts does in
 * Chromium: what the user saves stays saved across a reload (storage.sync and storage.local under
 * the add-on's gecko id), and an invalid import is refused with the bad field named, changing nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ElementHandle, Page } from "puppeteer-core";
import { collectErrors, launchFirefox, skipReason, type ExtensionApi, type FirefoxExtension } from "./harness";

declare const browser: ExtensionApi;

let fx: FirefoxExtension;
let files = "";
const pages: Page[] = [];

beforeAll(async () => {
  if (skipReason) return;
  files = await mkdtemp(join(tmpdir(), "invitewise-firefox-import-"));
  fx = await launchFirefox();
});
afterAll(async () => {
  await fx?.close();
  if (files) await rm(files, { recursive: true, force: true });
});
beforeEach(async () => {
  if (skipReason) return;
  for (const page of pages.splice(0)) await page.close();
  await fx.inExtension(() => Promise.all([browser.storage.sync.clear(), browser.storage.local.clear()]));
});

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const page = await fx.openExtensionPage("src/options/index.html");
  pages.push(page);
  const errors = collectErrors(page);
  await page.waitForSelector("[data-testid=options-ready]");
  return { page, errors };
}

async function reload(page: Page): Promise<void> {
  await fx.reloadExtensionPage(page);
  await page.waitForSelector("[data-testid=options-ready]");
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? "");
const value = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);
const storageSnapshot = () =>
  fx.inExtension(async () =>
    JSON.stringify([await browser.storage.sync.get(null), await browser.storage.local.get(null)]),
  );

async function save(page: Page): Promise<void> {
  await page.locator("[data-testid=save]").click();
  await expect.poll(() => text(page, "[data-testid=save-status]")).toBe("Saved.");
}

/** Shows one section of the options page (one is on screen at a time), as its nav link does. */
async function show(page: Page, section: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#${id}`), section);
  await page.waitForSelector(`[data-testid=nav-${section}][aria-current=page]`);
}

async function importFile(page: Page, name: string, content: unknown): Promise<void> {
  const path = join(files, name);
  await writeFile(path, JSON.stringify(content));
  const input = (await page.$("[data-testid=import-file]")) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

describe.skipIf(skipReason)("the options page in Firefox", () => {
  it("first run: says what to fill first; save → reload keeps every value", async () => {
    const { page, errors } = await openOptions();
    // The first-run path: rates first, then the profile.
    expect(await text(page, "[data-testid=first-run]")).toMatch(/your hourly rate.*your name.*your skills/);
    await page.locator("#f-rates-hourly").fill("45");
    await page.select("#f-rates-preferredPayment", "hourly");
    await show(page, "profile");
    await page.locator("#f-profile-name").fill("Dana K.");
    await page.locator("[data-testid='field-profile.skills']").fill("React Native, TypeScript");
    await page.focus("[data-testid='field-profile.skills']");
    await page.keyboard.press("Enter");
    await save(page);
    expect(await page.$("[data-testid=first-run]")).toBeNull();

    await reload(page);
    expect(await value(page, "#f-rates-hourly")).toBe("45");
    expect(await value(page, "#f-rates-preferredPayment")).toBe("hourly");
    expect(await value(page, "#f-profile-name")).toBe("Dana K.");
    expect(
      await page.$$eval("[data-testid=skills-list] li > span", (spans) => spans.map((s) => s.textContent)),
    ).toEqual(["React Native", "TypeScript"]);
    expect(await page.$("[data-testid=first-run]")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("invalid import: the bad field is named and nothing changes; a valid one shows the changes and applies on confirm", async () => {
    const { page, errors } = await openOptions();
    await page.locator("#f-rates-hourly").fill("45");
    await save(page);
    const before = await storageSnapshot();

    await show(page, "backup");
    const bad = {
      version: 1,
      rates: { hourly: 60, minimumHourly: null, minimumFixed: null, preferredPayment: "weekly" },
      profile: { name: "X", skills: [] },
    };
    await importFile(page, "bad.json", bad);
    await page.waitForSelector("[data-testid=import-error]");
    expect(await text(page, "[data-testid=import-error]")).toMatch(/nothing changed.*rates\.preferredPayment/);
    expect(await page.$eval("[data-testid=import-file]", (el) => el.getAttribute("aria-describedby"))).toContain(
      "import-error",
    );
    expect(await page.$("[data-testid=import-preview]")).toBeNull();
    expect(await storageSnapshot()).toBe(before);
    expect(await value(page, "#f-rates-hourly")).toBe("45");

    await importFile(page, "good.json", { ...bad, rates: { ...bad.rates, preferredPayment: "fixed" } });
    await page.waitForSelector("[data-testid=import-changes]");
    expect(await text(page, "[data-testid=import-changes]")).toMatch(/rates\.hourly.*45.*60/);
    expect(await storageSnapshot()).toBe(before); // previewing changes nothing
    await page.locator("[data-testid=import-apply]").click();
    await expect.poll(() => value(page, "#f-rates-hourly")).toBe("60");
    await reload(page);
    expect(await value(page, "#f-rates-hourly")).toBe("60");
    expect(await value(page, "#f-profile-name")).toBe("X");
    expect(errors).toEqual([]);
  });
});
