/**
 * The overlay as a user sees it, in real Chromium with the built extension, on the sample pages:
 * badges on invitation rows only, numbers equal to the scoring engine's, in-page navigation,
 * page text as text, removable hosts, "open to score" turning into a number, the panel's docking,
 * keyboard, dark mode, actions, and the quiet error state. Waits on selectors and events, never sleeps.
 * Our shadow roots are closed: what is inside them is read, and clicked, through CDP (./harness).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  clickInShadow,
  collectErrors,
  DIST_TEST,
  inEveryShadow,
  inShadow,
  launchExtension,
  SAMPLE_PAGES,
  samplePages,
  waitForShadow,
  type ExtensionBrowser,
} from "./harness";
import { defaultSettings } from "../../src/shared/settings";
import { engineFit as fitOf, engineRowFits as rowFitsOf } from "./engine";

declare const chrome: {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Array<{ documentUrl?: string }>> };
};

let browser: ExtensionBrowser;
const html: Record<string, string> = {};
const url: Record<string, string> = {};

const BADGE = "[data-iw-invitation]";
const PANEL = "[data-iw-panel]";
const INVITATION_ID = "2093311804456129011";

/** The engine's numbers for the sample pages (./engine), from the HTML this browser is served. */
const engineFit = (kind: "invitation" | "job", settings = defaultSettings()) =>
  fitOf({ url: url[kind]!, html: html[kind]! }, kind, settings);
const engineRowFits = () => rowFitsOf({ url: url.invitations!, html: html.invitations! });

interface BadgeView {
  id: string;
  fit: string | null;
  urgency: string | null;
  provisional: boolean;
  text: string;
  card: string | null;
}

function badges(page: Page): Promise<BadgeView[]> {
  return inEveryShadow(page, BADGE, function () {
    const h = this.host;
    return {
      id: h.getAttribute("data-iw-invitation")!,
      fit: h.getAttribute("data-iw-fit"),
      urgency: h.getAttribute("data-iw-urgency"),
      provisional: h.hasAttribute("data-iw-provisional"),
      text: this.textContent ?? "",
      card: h.closest("[data-qa^='card-']")?.getAttribute("data-qa") ?? null,
    };
  });
}

/** The text of the first host's closed shadow root. */
const shadowText = (page: Page, host: string) =>
  inShadow(page, host, function () {
    return this.textContent ?? "";
  });

/** Upwork's SPA navigation, as its router does it: pushState, then new content in place of the old. */
async function spaNavigate(page: Page, to: string, body: string): Promise<void> {
  await page.evaluate(
    ([to, body]) => {
      history.pushState({}, "", to);
      document.body.replaceChildren(...Array.from(new DOMParser().parseFromString(body, "text/html").body.childNodes));
    },
    [to, body] as const,
  );
}

/** history.back() and, on popstate, the old content back (what the SPA's router would render). */
async function spaBack(page: Page, body: string): Promise<void> {
  await page.evaluate(
    (body) =>
      new Promise<void>((done) => {
        addEventListener(
          "popstate",
          () => {
            document.body.replaceChildren(
              ...Array.from(new DOMParser().parseFromString(body, "text/html").body.childNodes),
            );
            done();
          },
          { once: true },
        );
        history.back();
      }),
    body,
  );
}

beforeAll(async () => {
  browser = await launchExtension();
  // The clipboard as a user's browser grants it to a page they clicked in; reading it back is the test's.
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://www.upwork.com" });
  for (const sample of await samplePages()) {
    html[sample.kind] = await readFile(join(SAMPLE_PAGES, sample.file), "utf8");
    url[sample.kind] = sample.url;
  }
});
afterAll(async () => browser?.close());

describe("the overlay on the sample pages", () => {
  // Order matters in this block: the record cache starts empty, so the list shows provisional fits first.
  it("puts one badge on each invitation row and none on offers or proposals; unopened ones are provisional, or 'open to score' with nothing to score", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url.invitations!);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    const rows = await page.$$eval("[data-qa='card-invitations'] a[href*='/interview/uid/']", (links) =>
      links.map((a) => /uid\/(\d+)/.exec(a.getAttribute("href")!)![1]),
    );
    const shown = await badges(page);
    expect(shown.map((b) => b.id)).toEqual(rows);
    expect(shown.every((b) => b.card === "card-invitations")).toBe(true);
    for (const card of ["card-offers", "card-active-proposals", "card-submitted-proposals"])
      expect(await page.locator(`[data-qa='${card}'] iw-badge, [data-qa='${card}'] ${BADGE}`).count()).toBe(0);
    // Nothing opened yet: a provisional fit from the row's "About the client" cell (rows 1-3), the
    // engine's own, marked as such; the row without that cell has nothing to score. The urgency is
    // known from the list alone.
    const engine = engineRowFits();
    expect([...engine.values()].filter((f) => f !== "unknown")).toHaveLength(3);
    for (const b of shown) {
      expect(b.fit).toBe(engine.get(b.id));
      if (b.fit === "unknown") {
        expect(b.text).toContain("open to score");
        expect(b.provisional).toBe(false);
      } else {
        expect(b.text).toMatch(new RegExp(`^~${b.fit} · \\d of 10 factors`));
        expect(b.provisional).toBe(true);
      }
      expect(["now", "today", "soon", "low", "closed"]).toContain(b.urgency);
    }
    // The roots are closed: the page's own scripts see none, while CDP still reads the badges' text (above).
    expect(await page.$$eval(BADGE, (hosts) => hosts.map((h) => h.shadowRoot))).toEqual([null, null, null, null]);
    expect(
      await inEveryShadow(page, BADGE, function () {
        return this.mode;
      }),
    ).toEqual(["closed", "closed", "closed", "closed"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a provisional badge opens what the row says; opening the invitation and returning turns it into the engine's full number", async () => {
    const page = await browser.context.newPage();
    await page.goto(url.invitations!);
    const badge = `[data-iw-invitation="${INVITATION_ID}"]`;
    await clickInShadow(page, badge, "button");
    await waitForShadow(page, PANEL, function () {
      return (this.textContent ?? "").includes("Provisional: from the list row alone");
    });
    expect(await page.getAttribute(PANEL, "data-iw-fit")).toBe(engineRowFits().get(INVITATION_ID));
    await clickInShadow(page, PANEL, "button", "Open the invitation");
    await page.waitForURL(url.invitation!);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute("data-iw-fit")?.match(/^\d+$/),
      PANEL,
    );
    const expected = engineFit("invitation");
    expect(await page.getAttribute(PANEL, "data-iw-fit")).toBe(expected);
    await page.goBack();
    await page.waitForFunction(([sel, fit]) => document.querySelector(sel)?.getAttribute("data-iw-fit") === fit, [
      `[data-iw-invitation="${INVITATION_ID}"]`,
      expected,
    ] as const);
    const after = await badges(page);
    expect(after.find((b) => b.id === INVITATION_ID)).toMatchObject({
      provisional: false,
      text: expect.stringContaining(`Fit ${expected}`),
    });
    // The others were never opened: still as the row alone gives them.
    const engine = engineRowFits();
    expect(after.filter((b) => b.id !== INVITATION_ID).every((b) => b.fit === engine.get(b.id))).toBe(true);

    // Before any pick the list's panel is the ranking, folded to its tab.
    expect(await page.locator(PANEL).count()).toBe(1);
    expect(await page.getAttribute(PANEL, "data-iw-fit")).toBe("unknown");
    expect(await shadowText(page, PANEL)).toMatch(/^Invitewise4 invitations ranked/);
    // Its badge opens the full panel right here on the list; a second click goes back to the ranking.
    await clickInShadow(page, badge, "button");
    await page.waitForFunction(([sel, fit]) => document.querySelector(sel)?.getAttribute("data-iw-fit") === fit, [
      PANEL,
      expected,
    ] as const);
    expect(page.url()).toBe(url.invitations);
    const text = await shadowText(page, PANEL);
    expect(text).toContain("Build a Shopify inventory sync app");
    expect(text).toContain("Score factors");
    expect(text).toMatch(/Red flag:/);
    expect(text).toMatch(/couldn't read: /);
    await clickInShadow(page, badge, "button");
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-iw-fit") === "unknown", PANEL);

    // The ranking lists every invitation, by urgency first; "By fit" reorders it, a pick opens that one.
    const ranked = () =>
      inShadow(page, PANEL, function () {
        return [...this.querySelectorAll(".pick")].map((b) => b.lastElementChild!.textContent);
      });
    expect(await ranked()).toHaveLength(4);
    await clickInShadow(page, PANEL, "button", "By fit");
    await waitForShadow(page, PANEL, function () {
      return this.querySelector("[aria-pressed=true]")?.textContent === "By fit";
    });
    const byFit = await ranked();
    // The fully scored invitation (Fit N) and the provisional ones, the best first; Upwork's rows keep their order.
    const fits = await inShadow(page, PANEL, function () {
      return [...this.querySelectorAll(".pick .t")].map((t) => Number(/\d+/.exec(t.textContent ?? "")?.[0] ?? -1));
    });
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    expect(
      await page.$$eval("[data-qa='card-invitations'] a[href*='/interview/uid/']", (links) =>
        links.map((a) => /uid\/(\d+)/.exec(a.getAttribute("href")!)![1]),
      ),
    ).toEqual((await badges(page)).map((b) => b.id));
    await clickInShadow(page, PANEL, ".pick", undefined);
    await page.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );
    expect(await shadowText(page, PANEL)).toContain(byFit[0]!);
    await page.close();
  });

  it("shows the panel on invitation and job pages with the engine's score, factors, flags and unread fields", async () => {
    for (const kind of ["invitation", "job"] as const) {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(url[kind]!);
      await page.waitForFunction(
        (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
        PANEL,
      );
      expect(await page.getAttribute(PANEL, "data-iw-fit")).toBe(engineFit(kind));
      expect(await page.locator(PANEL).count()).toBe(1);
      const text = await shadowText(page, PANEL);
      expect(text).toContain("Score factors");
      expect(text).toMatch(/Hire rate.*\d+(\.\d)? of \d+/);
      expect(text).toMatch(/Red flag:|Caution:|Good sign:/);
      expect(text).toMatch(/couldn't read: /);
      expect(text).toContain("Draft reply");
      expect(text).toContain("Decline politely");
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("docks the panel where it covers none of Upwork's buttons, also after scrolling", async () => {
    for (const kind of ["invitation", "job"] as const) {
      const page = await browser.context.newPage();
      await page.goto(url[kind]!);
      await page.waitForSelector(PANEL);
      const overlaps = () =>
        page.evaluate((sel) => {
          const p = document.querySelector(sel)!.getBoundingClientRect();
          return [...document.querySelectorAll("button, [role='button'], input[type='submit']")]
            .map((b) => ({ b, r: b.getBoundingClientRect() }))
            .filter(
              ({ r }) =>
                r.width > 0 &&
                r.height > 0 &&
                r.left < p.right &&
                r.right > p.left &&
                r.top < p.bottom &&
                r.bottom > p.top,
            )
            .map(({ b }) => b.textContent.trim());
        }, PANEL);
      await page.waitForFunction(
        (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
        PANEL,
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await overlaps()).toEqual([]);
      await page.evaluate(
        () =>
          new Promise((r) => {
            addEventListener("scroll", () => requestAnimationFrame(() => requestAnimationFrame(r)), { once: true });
            scrollTo(0, document.body.scrollHeight);
          }),
      );
      expect(await overlaps()).toEqual([]);
      await page.close();
    }
  });

  it("swaps overlays on in-page navigation (pushState to an invitation, then back) without duplicates", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url.invitations!);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    const announced = page.waitForEvent("console", (m) => m.text() === "[invitewise] reading invitation page");
    await spaNavigate(page, url.invitation!, html.invitation!);
    await announced;
    await page.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );
    expect(await page.locator(BADGE).count()).toBe(0);
    expect(await page.locator(PANEL).count()).toBe(1);

    const back = page.waitForEvent("console", (m) => m.text() === "[invitewise] reading invitations page");
    await spaBack(page, html.invitations!);
    await back;
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    // One panel: the list's ranking in place of the invitation's.
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-iw-fit") === "unknown", PANEL);
    expect(await page.locator(PANEL).count()).toBe(1);
    // One badge per row, each in its own row.
    const perRow = await page.$$eval("[data-qa='card-invitations'] tr", (rows) =>
      rows.map((r) => r.querySelectorAll("[data-iw-invitation]").length),
    );
    expect(perRow).toEqual([1, 1, 1, 1]);
    // Forward again to another kind (a job page), and the list's badges go.
    await spaNavigate(page, url.job!, html.job!);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, BADGE);
    await page.waitForSelector(PANEL);
    expect(await page.locator(PANEL).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a job title holding markup as text, never as HTML", async () => {
    const title = "Fix checkout bug <img src=x onerror=alert(1)> in Vue storefront";
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url.invitations!);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    const label = await inShadow(page, '[data-iw-invitation="2093287765019934720"]', function () {
      return this.querySelector("button")!.getAttribute("aria-label");
    });
    expect(label).toContain(title);
    expect(
      await inEveryShadow(page, BADGE, function () {
        return this.querySelector("img") !== null;
      }),
    ).toEqual([false, false, false, false]);

    // The same on the panel: an invitation whose job title is markup.
    const evil = html.invitation!.replace(
      "Build a Shopify inventory sync app (React + Node) </h3>",
      "&lt;img src=x onerror=&quot;window.__iwXss=1;alert(1)&quot;&gt; Shopify sync </h3>",
    );
    browser.routes.set(
      "https://www.upwork.com/nx/proposals/interview/uid/2093311804456129099",
      evil.replaceAll("2093311804456129011", "2093311804456129099"),
    );
    await page.goto("https://www.upwork.com/nx/proposals/interview/uid/2093311804456129099");
    const h2 = await waitForShadow(page, PANEL, function () {
      return this.querySelector("h2")?.textContent;
    });
    expect(h2).toBe('<img src=x onerror="window.__iwXss=1;alert(1)"> Shopify sync');
    expect(
      await inShadow(page, PANEL, function () {
        return this.querySelectorAll("img").length;
      }),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __iwXss?: number }).__iwXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("leaves Upwork's DOM exactly as it was once our host elements are removed", async () => {
    for (const kind of ["invitations", "invitation", "job"] as const) {
      const page = await browser.context.newPage();
      await page.goto(url[kind]!);
      await page.waitForSelector(kind === "invitations" ? BADGE : PANEL);
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute("data-iw-fit") !== null,
        kind === "invitations" ? BADGE : PANEL,
      );
      const same = await page.evaluate((source) => {
        for (const el of document.querySelectorAll("[data-iw-invitation], [data-iw-panel]")) el.remove();
        const original = new DOMParser().parseFromString(source, "text/html");
        return document.documentElement.outerHTML === original.documentElement.outerHTML;
      }, html[kind]!);
      expect(same, kind).toBe(true);
      await page.close();
    }
  });

  it("is keyboard-reachable with a visible focus, and keeps keys away from Upwork's shortcuts", async () => {
    const page = await browser.context.newPage();
    await page.goto(url.invitations!);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
    await page.evaluate(() => {
      (window as { __keys?: number }).__keys = 0;
      document.addEventListener("keydown", () => ((window as { __keys?: number }).__keys! += 1));
    });
    await page.focus(`[data-qa='card-invitations'] a[href*='${INVITATION_ID}']`);
    await page.keyboard.press("Tab");
    // The page sees focus on our host; what has it inside the closed root, CDP tells.
    expect(await page.evaluate(() => document.activeElement!.getAttribute("data-iw-invitation"))).toBe(INVITATION_ID);
    const focus = await inShadow(page, `[data-iw-invitation="${INVITATION_ID}"]`, function () {
      const inner = this.activeElement;
      return {
        tag: inner?.tagName,
        label: inner?.getAttribute("aria-label"),
        outline: inner ? getComputedStyle(inner).outlineStyle : null,
      };
    });
    expect(focus.tag).toBe("BUTTON");
    // Its name starts with what it shows, then says it is Invitewise's.
    expect(focus.label).toMatch(/^(Fit \d+|~\d+ · \d+ of 10 factors|open to score)\b.*\. Invitewise: /);
    expect(focus.outline).toBe("solid");
    const before = await page.evaluate(() => (window as { __keys?: number }).__keys);
    await page.keyboard.press("j");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (window as { __keys?: number }).__keys)).toBe(before);
    await page.close();
  });

  it("collapses and expands the panel, follows dark mode, and offers the decline note and the drafts, on the user's clicks only", async () => {
    const page = await browser.context.newPage();
    await page.goto(url.invitation!);
    await page.waitForFunction(
      (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
      PANEL,
    );
    const expanded = () =>
      inShadow(page, PANEL, function () {
        return this.querySelector(".toggle")!.getAttribute("aria-expanded");
      });
    const hasBody = () =>
      inShadow(page, PANEL, function () {
        return this.querySelector(".body") !== null;
      });
    expect(await expanded()).toBe("true");
    await clickInShadow(page, PANEL, ".toggle");
    await expect.poll(hasBody, { timeout: 10_000 }).toBe(false);
    expect(await expanded()).toBe("false");
    expect(await page.locator(PANEL).getAttribute("data-iw-fit")).toMatch(/^\d+$/);
    await clickInShadow(page, PANEL, ".toggle");
    await expect.poll(hasBody, { timeout: 10_000 }).toBe(true);

    const background = () =>
      inShadow(page, PANEL, function () {
        return getComputedStyle(this.querySelector(".panel")!).backgroundColor;
      });
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(22, 27, 34)");
    await page.emulateMedia({ colorScheme: "light" });
    // The page's own dark theme (a dark background) wins over a light system.
    await page.evaluate(() => (document.body.style.background = "#111"));
    await expect.poll(background, { timeout: 10_000 }).toBe("rgb(22, 27, 34)");
    await page.evaluate(() => (document.body.style.background = ""));

    await clickInShadow(page, PANEL, "button", "Decline politely");
    const note = await waitForShadow(page, PANEL, function () {
      return this.querySelector("textarea")?.value;
    });
    expect(note.length).toBeGreaterThan(40);

    // The user's click (a real mouse click: trusted) copies the note.
    await page.bringToFront();
    await clickInShadow(page, PANEL, "button", "Copy note");
    const status = () =>
      inShadow(page, PANEL, function () {
        return this.querySelector("[role=status]")!.textContent;
      });
    await expect.poll(status, { timeout: 10_000 }).toBe("Decline note copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(note);

    // The background opens the action popup, or (where it can't) the popup page in a tab for this tab.
    const popups = () =>
      browser.serviceWorker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ["POPUP", "TAB"] });
        return contexts.map((c) => c.documentUrl ?? "").filter((u) => u.includes("src/popup/index.html"));
      });
    expect(await popups()).toEqual([]);

    // A page script's clicks, `el.click()` from the page's own world, open nothing and copy nothing.
    await page.evaluate(() => navigator.clipboard.writeText("the page's own text"));
    const statusRightAfter = await inShadow(page, PANEL, function () {
      for (const button of this.querySelectorAll("button"))
        if (["Draft reply", "Report this page", "Copy note"].includes(button.textContent)) button.click();
      return this.querySelector("[role=status]")!.textContent;
    });
    // Every action clears the status line first, within the click: still there, so none of them started.
    expect(statusRightAfter).toBe("Decline note copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("the page's own text");
    expect(await popups()).toEqual([]);

    await clickInShadow(page, PANEL, "button", "Draft reply");
    await expect.poll(popups, { timeout: 10_000 }).toHaveLength(1);
    await page.close();
  });

  it("shows a quiet error state on the badges when our code throws, and Upwork's page keeps working", async () => {
    // Only the test build has the fault switch that makes the badges throw.
    const testBuild = await launchExtension({ distDir: DIST_TEST });
    try {
      const page = await testBuild.context.newPage();
      await page.goto(`${url.invitations!}?iw-test-fault=badge`);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, BADGE);
      const shown = await badges(page);
      expect(shown.every((b) => b.fit === "unknown" && b.urgency === "unknown" && b.text.includes("unavailable"))).toBe(
        true,
      );
      // Upwork's own link still navigates.
      await page.click(`[data-qa='card-invitations'] a[href*='${INVITATION_ID}']`);
      await page.waitForURL(url.invitation!);
    } finally {
      await testBuild.close();
    }
  });
  it("scores with the settings as saved: a weight changed on the options page changes the next page's score", async () => {
    const withoutHireRate = defaultSettings();
    withoutHireRate.scoring.weights.hireRate = 0;
    // The test must be able to fail: the change has to move this page's score.
    expect(engineFit("job", withoutHireRate)).not.toBe(engineFit("job"));
    const fitOfJob = async () => {
      const page = await browser.context.newPage();
      await page.goto(url.job!);
      await page.waitForFunction(
        (sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute("data-iw-fit") ?? ""),
        PANEL,
      );
      const fit = await page.getAttribute(PANEL, "data-iw-fit");
      await page.close();
      return fit;
    };
    const save = async (change: (options: Page) => Promise<void>) => {
      const options = await browser.openExtensionPage("src/options/index.html#scoring");
      await change(options);
      await options.getByTestId("save").click();
      await expect.poll(() => options.getByTestId("save-status").textContent()).toBe("Saved.");
      await options.close();
    };
    expect(await fitOfJob()).toBe(engineFit("job"));
    await save((options) => options.getByLabel("Hire rate", { exact: true }).fill("0"));
    try {
      expect(await fitOfJob()).toBe(engineFit("job", withoutHireRate));
    } finally {
      await save((options) => options.getByTestId("reset-weights").click());
    }
    expect(await fitOfJob()).toBe(engineFit("job"));
  });
});
