/**
 * The invitation log and the Insights page in real Chromium, from a scripted walk a user would make:
 * the Proposals page (the list), the invitation, "I accepted it" in the popup, the Proposals page again
 * now listing an offer for that job; then the Insights page shows it, and one click marks the hire.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { routeKey } from "../../scripts/extension-browser";
import { sampleHistory } from "../../scripts/demo-history";
import {
  collectErrors,
  contentScriptAnnouncement,
  launchExtension,
  SAMPLE_PAGES,
  samplePages,
  type ExtensionBrowser,
} from "./harness";

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string): Promise<void>;
    };
  };
};

const INVITATION_ID = "2093311804456129011";
const TITLE = "Build a Shopify inventory sync app (React + Node)";

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => browser?.close());

async function sample(kind: string) {
  const found = (await samplePages()).find((p) => p.kind === kind);
  if (!found) throw new Error(`no sample ${kind} page`);
  return found;
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const announced = contentScriptAnnouncement(page);
  await page.goto(url);
  await announced;
  return page;
}

interface StoredEntry {
  id: string;
  title: string | null;
  openedAt: string | null;
  fit: { score: number | null } | null;
  reply: { kind: string; source: string } | null;
  outcome: { kind: string; source: string } | null;
}
/** The log as stored: its shards (iw:log:<n>, id → entry), or a whole log the worker has not moved yet. */
const logged = () =>
  browser.serviceWorker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const whole = all["iw:log"] as { entries: unknown[] } | undefined;
    if (whole) return whole.entries as never;
    return Object.entries(all)
      .filter(([k]) => /^iw:log:\d+$/.test(k))
      .flatMap(([, shard]) => Object.values(shard as object)) as never;
  }) as Promise<StoredEntry[]>;
const entryOf = async (id: string) => (await logged()).find((e) => e.id === id);

describe("insights", () => {
  it("logs list → invitation → accept → offer on the Proposals page, and the page shows it", async () => {
    const list = await sample("invitations");
    const invitation = await sample("invitation");
    const errors: string[] = [];

    const listPage = await open(list.url);
    // Every row of the list's invitations section (the sample has four), none of its offers or proposals.
    await expect.poll(async () => (await logged()).length).toBe(4);
    expect(await entryOf(INVITATION_ID)).toMatchObject({ title: TITLE, openedAt: null, reply: null });

    const page = await open(invitation.url);
    await expect.poll(async () => (await entryOf(INVITATION_ID))?.openedAt ?? null).not.toBeNull();
    const score = (await entryOf(INVITATION_ID))!.fit!.score;
    expect(score).toEqual(expect.any(Number));

    const tabId = await browser.serviceWorker.evaluate(
      async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id,
      invitation.url,
    );
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    errors.push(...collectErrors(popup));
    await popup.getByRole("button", { name: "I accepted it" }).click();
    await expect
      .poll(async () => (await entryOf(INVITATION_ID))?.reply)
      .toEqual({
        kind: "accepted",
        at: expect.any(String),
        source: "mark",
      });
    // The popup links to the Insights page.
    expect(await popup.getByTestId("insights-link").getAttribute("href")).toBe("../insights/index.html");
    await popup.close();

    // Days later the Proposals page lists an offer for that job (the sample page, its offer renamed).
    const html = await readFile(join(SAMPLE_PAGES, list.file), "utf8");
    const withOffer = html.replace("Offer: Landing page refresh in Astro", `Offer: ${TITLE.replace("&", "&amp;")}`);
    expect(withOffer).not.toBe(html);
    browser.routes.set(routeKey(list.url), withOffer);
    const announced = contentScriptAnnouncement(listPage);
    await listPage.reload();
    await announced;
    await expect.poll(async () => (await entryOf(INVITATION_ID))?.outcome?.kind ?? null).toBe("offer");
    // Only that invitation's job had an offer.
    expect((await logged()).filter((e) => e.outcome !== null)).toHaveLength(1);

    const insights = await browser.openExtensionPage("src/insights/index.html");
    errors.push(...collectErrors(insights));
    await insights.getByTestId("insights-ready").waitFor();
    expect(await insights.getByTestId("figure-total").textContent()).toBe("4");
    expect(await insights.getByTestId("figure-answered").textContent()).toBe("1");
    expect(await insights.getByTestId("sample-data").count()).toBe(0);
    const band = score! < 40 ? "0–39" : score! < 55 ? "40–54" : score! < 70 ? "55–69" : "70–100";
    const row = (table: string) =>
      insights.locator(`[data-testid='table-${table}'] tbody tr`, { has: insights.locator(`th:text-is("${band}")`) });
    expect(await row("replies-by-band").locator("td").allTextContents()).toEqual(["1", "0"]);
    expect(await row("outcomes-by-band").locator("td").allTextContents()).toEqual(["1", "0"]);
    expect(await insights.getByTestId("best-clients").textContent()).toContain(TITLE);
    // The charts are drawn: an image named by its title.
    expect(await insights.getByRole("img", { name: /Offers and hires by fit band/ }).count()).toBe(1);

    // One click: hired. The worker keeps it, the page follows.
    const outcomeRow = insights.locator(`[data-testid='outcomes'] tr[data-invitation='${INVITATION_ID}']`);
    await outcomeRow.getByRole("button", { name: "Hired", exact: true }).click();
    await expect
      .poll(() => outcomeRow.getByRole("button", { name: "Hired", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");
    expect((await entryOf(INVITATION_ID))!.outcome).toMatchObject({ kind: "hired", source: "user" });
    expect(await row("outcomes-by-band").locator("td").allTextContents()).toEqual(["1", "1"]);

    // CSV export: one header and one row per invitation.
    const download = insights.waitForEvent("download");
    await insights.getByTestId("export-csv").click();
    const csv = await readFile(await (await download).path(), "utf8");
    expect(csv.trim().split("\r\n")).toHaveLength(5);
    expect(csv).toContain(`${INVITATION_ID},${TITLE},`);

    expect(errors).toEqual([]);
    await insights.close();
    await page.close();
    await listPage.close();
  });

  it("offers the threshold the sample month's replies agree with; dismiss keeps it dismissed, apply sets it", async () => {
    await browser.serviceWorker.evaluate(
      (entries) => chrome.storage.local.set({ "iw:log": { entries, sample: true } }),
      sampleHistory(new Date()),
    );
    const insights = await browser.openExtensionPage("src/insights/index.html");
    const errors = collectErrors(insights);
    await insights.getByTestId("insights-ready").waitFor();
    expect(await insights.getByTestId("sample-data").count()).toBe(1);
    expect(await insights.getByTestId("figure-total").textContent()).toBe("46");
    const suggestion = insights.getByTestId("suggestion");
    expect(await suggestion.textContent()).toContain("Set the decline threshold to 50?");

    await insights.getByTestId("suggestion-dismiss").click();
    await insights.getByTestId("no-suggestion").waitFor();
    await insights.reload();
    await insights.getByTestId("insights-ready").waitFor();
    expect(await suggestion.count()).toBe(0);
    expect(await insights.getByTestId("agreement").textContent()).toContain("decline threshold (40)");

    // Offered again (the dismissal forgotten): one click sets it, and nothing is left to suggest.
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove("iw:insights:dismissed"));
    await insights.reload();
    await insights.getByTestId("suggestion-apply").click();
    await expect.poll(() => insights.getByTestId("agreement").textContent()).toContain("decline threshold (50)");
    expect(await suggestion.count()).toBe(0);
    // The options page reads the same setting.
    const options = await browser.openExtensionPage("src/options/index.html#scoring");
    await options.getByTestId("options-ready").waitFor();
    expect(await options.getByTestId("nav-insights").getAttribute("href")).toBe("../insights/index.html");
    expect(errors).toEqual([]);
    await options.close();
    await insights.close();
  });
});
