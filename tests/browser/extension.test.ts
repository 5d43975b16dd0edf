/** The built extension in real Chromium: it starts, reads only Upwork, and never breaks the page. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  collectErrors,
  contentScriptAnnouncement,
  DIST,
  DIST_TEST,
  launchExtension,
  SAMPLE_PAGES,
  samplePages,
  type ExtensionBrowser,
} from "./harness";

declare const chrome: {
  runtime: { getManifest(): Record<string, unknown>; getURL(path: string): string };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

let browser: ExtensionBrowser;
/** The invitations page with a script of its own, to see that our code leaves it working. */
const LIST_WITH_OWN_SCRIPT = "https://www.upwork.com/nx/proposals";
let listWithOwnScript = "";

beforeAll(async () => {
  browser = await launchExtension();
  listWithOwnScript = (await readFile(join(SAMPLE_PAGES, "invitations.html"), "utf8")).replace(
    "</body>",
    `<button id="page-own">Upwork's own button</button>
     <script>document.getElementById("page-own").addEventListener("click", e => { e.target.textContent = "clicked"; });</script></body>`,
  );
  browser.routes.set("https://example.com", "<!doctype html><title>Elsewhere</title><h1>Not Upwork</h1>");
  browser.routes.set(LIST_WITH_OWN_SCRIPT, listWithOwnScript);
});
afterAll(async () => browser?.close());

describe("the built extension", () => {
  it("starts its service worker", async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(["storage", "scripting", "alarms"]);
    expect(manifest.host_permissions).toEqual(["https://www.upwork.com/*"]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it("keeps the insert code out of the content script: insert-draft.js ships beside it, injected only on demand", async () => {
    const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect((manifest.content_scripts as Array<{ js: string[] }>).map((c) => c.js)).toEqual([["content.js"]]);
    const [content, insert] = await browser.serviceWorker.evaluate(() =>
      Promise.all(
        ["content.js", "insert-draft.js"].map((file) => fetch(chrome.runtime.getURL(file)).then((r) => r.text())),
      ),
    );
    expect(insert).toContain("invitewiseInsertDraft");
    // The insert's global, its input event and a reason code only it reports; and no message listener.
    for (const marker of ["invitewiseInsertDraft", "insertReplacementText", "no-milestone-amount-field", "onMessage"]) {
      expect(content, marker).not.toContain(marker);
    }
  });

  it("keeps the page report's code out of the content script: report-page.js ships beside it, injected only on demand", async () => {
    const [content, report] = await browser.serviceWorker.evaluate(() =>
      Promise.all(
        ["content.js", "report-page.js"].map((file) => fetch(chrome.runtime.getURL(file)).then((r) => r.text())),
      ),
    );
    // The report's global, its header and a word only its vocabulary lists.
    for (const marker of [
      "invitewiseReportPage",
      "saved from url",
      "Field health of the last read",
      "Invitations to interview",
    ]) {
      expect(report, marker).toContain(marker);
      expect(content, marker).not.toContain(marker);
    }
  });

  it("keeps Preact out of the content script: its overlay is built with the DOM API (the popup and options page keep Preact)", async () => {
    const content = await browser.serviceWorker.evaluate(() =>
      fetch(chrome.runtime.getURL("content.js")).then((r) => r.text()),
    );
    // Strings only Preact's renderer holds (its props for raw HTML). The check can fail: the popup's chunks have them.
    const markers = ["dangerouslySetInnerHTML", "__html"];
    for (const marker of markers) expect(content, marker).not.toContain(marker);
    const chunks = await Promise.all(
      (await readdir(join(DIST, "assets")))
        .filter((f) => f.endsWith(".js"))
        .map((f) => readFile(join(DIST, "assets", f), "utf8")),
    );
    expect(chunks.some((chunk) => markers.every((marker) => chunk.includes(marker)))).toBe(true);
  });

  it("runs its content script on every sample Upwork page", async () => {
    for (const sample of await samplePages()) {
      const page = await browser.context.newPage();
      const announced = contentScriptAnnouncement(page);
      await page.goto(sample.url);
      expect(await announced).toBe(`[invitewise] reading ${sample.kind} page`);
      await page.close();
    }
  });

  it("keeps what the options page shows of opened pages: fields not found and skills seen", async () => {
    // The job sample misses some fields and names skills. Its page stays open until the background
    // has noted it (a page closed at once may never have sent its read).
    const job = (await samplePages()).find((s) => s.kind === "job")!;
    const page = await browser.context.newPage();
    const announced = contentScriptAnnouncement(page);
    await page.goto(job.url);
    await announced;
    await expect
      .poll(
        async () =>
          ((await browser.serviceWorker.evaluate(() => chrome.storage.local.get("seenSkills")))["seenSkills"] ??
            null) !== null,
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.close();
    const options = await browser.openExtensionPage("src/options/index.html#diagnostics");
    const table = options.getByTestId("diagnostics-table");
    await table.waitFor();
    expect(await table.textContent()).toMatch(/Job|Invitation/);
    expect(await table.textContent()).not.toContain("http"); // kinds and field names only, never addresses or page text
    await options.close();
  });

  it("does not run on other origins", async () => {
    const page = await browser.context.newPage();
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    await page.goto("https://example.com/");
    // Control: the same wait on an Upwork page does see the content script, so silence here means absence.
    const control = await browser.context.newPage();
    const announced = contentScriptAnnouncement(control);
    await control.goto((await samplePages())[0]!.url);
    await announced;
    expect(messages.filter((text) => text.startsWith("[invitewise]"))).toEqual([]);
    await page.close();
    await control.close();
  });

  it("leaves Upwork's page working when the content script throws (the test build's fault switch)", async () => {
    const testBuild = await launchExtension({ distDir: DIST_TEST });
    try {
      testBuild.routes.set(LIST_WITH_OWN_SCRIPT, listWithOwnScript);
      const page = await testBuild.context.newPage();
      const errors = collectErrors(page);
      const warned = page.waitForEvent("console", { predicate: (m) => m.text().includes("stopped on this page") });
      await page.goto(`${LIST_WITH_OWN_SCRIPT}/?iw-test-fault=1`);
      await warned;
      await page.click("#page-own");
      expect(await page.textContent("#page-own")).toBe("clicked");
      expect(errors).toEqual([]);
    } finally {
      await testBuild.close();
    }
  });

  it("has no fault switch in the release build: a link with ?iw-test-fault= cannot switch Invitewise off", async () => {
    const [release, test] = await Promise.all(
      [DIST, DIST_TEST].map((dir) => readFile(join(dir, "content.js"), "utf8")),
    );
    expect(release).not.toContain("iw-test-fault");
    // The check can fail: the test build, from the same source, has it.
    expect(test).toContain("iw-test-fault");

    const page = await browser.context.newPage();
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    await page.goto(`${LIST_WITH_OWN_SCRIPT}/?iw-test-fault=1`);
    // The overlay works as on any list: every invitation gets its badge.
    await expect.poll(() => page.locator("[data-iw-invitation]").count(), { timeout: 10_000 }).toBe(4);
    expect(messages.filter((text) => text.includes("stopped on this page"))).toEqual([]);
    await page.close();
  });

  it("renders the popup and the options page with no console errors", async () => {
    for (const path of ["src/popup/index.html", "src/options/index.html"]) {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.waitForFunction(
        () =>
          (document.getElementById("app")?.childElementCount ?? 0) > 0 || !!document.getElementById("app")?.textContent,
      );
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
