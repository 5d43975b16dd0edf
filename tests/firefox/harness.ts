/**
 * The Firefox build (dist-firefox/) in Debian's Firefox ESR, driven over WebDriver BiDi with
 * puppeteer-core, with the sample pages served at their real https://www.upwork.com addresses by
 * request interception (scripts/extension-browser.ts answers, as for Chromium) — nothing over the
 * network. Beside tests/browser/harness.ts; what differs from Chromium is said where it is handled.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, sampleSite, type SampleSite } from "../../scripts/extension-browser";
import { clickTarget, type ShadowFunction } from "../../scripts/closed-shadow";
import { GECKO_ID } from "../../scripts/firefox-manifest";
import { pollUntil } from "../../scripts/poll";
// @ts-expect-error — plain ESM helper shared with the install scripts, no type declarations.
import { findFirefox, NO_FIREFOX } from "../../scripts/ensure.mjs";

export { samplePages, SAMPLE_PAGES } from "../../scripts/extension-browser";

export const DIST_FIREFOX = join(ROOT, "dist-firefox");
const FIREFOX = findFirefox() as string | null;

/** Why the Firefox tests cannot run here, or null. Each file skips itself with it (describe.skipIf). */
export const skipReason: string | null = !FIREFOX
  ? (NO_FIREFOX as string)
  : !existsSync(join(DIST_FIREFOX, "manifest.json"))
    ? "dist-firefox/ is not built (npx vite build --mode firefox)"
    : null;
// `npm run test:firefox` asks for them by name: there, a skip would hide that nothing ran.
if (skipReason && process.env.IW_FIREFOX_REQUIRED) throw new Error(`The Firefox tests cannot run: ${skipReason}`);
if (skipReason) console.warn(`[firefox tests] skipped: ${skipReason}`);

/** The WebExtension API as the tests use it in extension pages (it runs there; typed here). */
export interface ExtensionApi {
  tabs: {
    query(query: { url?: string }): Promise<Array<{ id?: number; url?: string }>>;
    get(id: number): Promise<{ id?: number; url?: string }>;
  };
  scripting: {
    executeScript<R>(details: {
      target: { tabId: number };
      func: () => R;
    }): Promise<Array<{ result?: R; error?: unknown }>>;
  };
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
  storage: Record<
    "sync" | "local" | "session",
    { get(keys: null | string | string[]): Promise<Record<string, unknown>>; clear(): Promise<void> }
  >;
  extension: { getViews(filter: { type: "popup" | "tab" }): Window[]; getBackgroundPage(): Window | null };
  runtime: { getManifest(): Record<string, unknown> };
}
declare const browser: ExtensionApi;

/** The part of puppeteer's BiDi browsing context used here (internal: not in its types). */
interface BrowsingContext {
  navigate(url: string, wait: "complete"): Promise<void>;
  reload(options: { wait: "complete" }): Promise<void>;
}

/**
 * `page.goto` waits for a network request and load event that puppeteer never sees for a
 * moz-extension: page (the page does load), so extension pages are opened with the BiDi command
 * itself, which waits for the document to be complete.
 */
function browsingContext(page: Page): BrowsingContext {
  const context = (page.mainFrame() as unknown as { browsingContext?: BrowsingContext }).browsingContext;
  if (typeof context?.navigate !== "function")
    throw new Error(
      "puppeteer-core changed: its BidiFrame has no browsingContext.navigate any more (tests/firefox/harness.ts)",
    );
  return context;
}

export interface FirefoxExtension {
  firefox: Browser;
  /** The moz-extension: host of this run (set by a pref before the install, so known up front). */
  uuid: string;
  /** Extra pages to serve, as for Chromium (scripts/extension-browser.ts). */
  routes: SampleSite["routes"];
  /** A new tab whose requests the sample site answers. */
  newPage(): Promise<Page>;
  /** A new tab on `url`, once the content script has announced itself there. */
  openSample(url: string): Promise<Page>;
  /** One of the extension's own pages, e.g. "src/popup/index.html?tab=3". */
  openExtensionPage(path: string): Promise<Page>;
  reloadExtensionPage(page: Page): Promise<void>;
  /** Runs `fn` in an extension page, where `browser.*` is the extension's own API. */
  inExtension<R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The WebExtension tab id of a tab on an Upwork page (host access needed). */
  tabIdOf(page: Page): Promise<number>;
  /** `fn` in the closed shadow root of every host matching `hostSelector`, in document order. */
  inEveryShadow<R, A = null>(
    page: Page,
    hostSelector: string,
    fn: ShadowFunction<R, A>,
    arg?: A,
  ): Promise<Array<Awaited<R>>>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** More Firefox prefs for this run. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxExtension> {
  if (skipReason) throw new Error(`Firefox tests cannot run: ${skipReason}`);
  const uuid = randomUUID();
  const firefox = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX!,
    headless: true,
    protocol: "webDriverBiDi",
    timeout: 90_000,
    defaultViewport: { width: 1280, height: 900 },
    // BiDi refuses to navigate a tab to a moz-extension: page without it (the popup and options page).
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      // The add-on's moz-extension: UUID is random per profile unless this names it first.
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: uuid }),
      // permissions.request() is granted as if the user clicked Allow on Firefox's prompt (headless
      // has no one to click it); it still needs the user's click on our button.
      "extensions.webextOptionalPermissionPrompts": false,
      ...options.prefs,
    },
  });
  try {
    const id = await firefox.installExtension(DIST_FIREFOX);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await firefox.close();
    throw error;
  }

  const site = await sampleSite();
  const tabIds = new WeakMap<Page, number>();
  let control: Promise<Page> | null = null;

  const newPage = async () => {
    const page = await firefox.newPage();
    await page.setRequestInterception(true);
    // Over BiDi a request has no resource type: a navigation is the document load.
    page.on("request", (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (!/^https?:/.test(request.url())) return void request.continue();
      void request.respond(site.answer(request.url(), request.isNavigationRequest()));
    });
    return page;
  };

  const openExtensionPage = async (path: string) => {
    const page = await firefox.newPage();
    await browsingContext(page).navigate(`moz-extension://${uuid}/${path}`, "complete");
    return page;
  };

  // An options page kept open for the run: any extension page has the API.
  const controlPage = () => (control ??= openExtensionPage("src/options/index.html"));
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (await controlPage()).evaluate(fn as (arg: unknown) => R, arg ?? null);

  const tabIdOf = async (page: Page): Promise<number> => {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    // Marks the tab (window.name outlives same-site navigation), then finds the tab with the mark.
    const mark = `iw-test-${randomUUID()}`;
    await page.evaluate((name) => void (window.name = name), mark);
    const id = await inExtension(async (mark) => {
      for (const tab of await browser.tabs.query({ url: "https://www.upwork.com/*" })) {
        const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id! }, func: () => window.name });
        if (frame?.result === mark) return tab.id!;
      }
      return null;
    }, mark);
    if (id === null) throw new Error(`no Upwork tab is ${page.url()}`);
    tabIds.set(page, id);
    return id;
  };

  /**
   * The roots are closed to the page and to BiDi alike, but not to an extension: Firefox gives
   * content scripts `Element.openOrClosedShadowRoot`. So `fn` is injected into the tab with
   * `scripting.executeScript` and runs in the content scripts' world, `this` the root.
   */
  const inEveryShadow = async <R, A>(
    page: Page,
    hostSelector: string,
    fn: ShadowFunction<R, A>,
    arg?: A,
  ): Promise<Array<Awaited<R>>> => {
    const tabId = await tabIdOf(page);
    // As source text: an extension page may not eval, but BiDi's own evaluation is not bound by
    // its CSP. `__name`: esbuild's keepNames helper, which the tab does not have.
    const func = `function (selector, arg) {
      const __name = (f) => f;
      const fn = (${fn.toString()});
      return Promise.all([...document.querySelectorAll(selector)].map((host) => {
        const root = host.openOrClosedShadowRoot;
        if (!root) throw new Error(selector + " has no shadow root");
        return fn.call(root, arg);
      }));
    }`;
    const call = `(async () => {
      const [frame] = await browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${func}, args: ${JSON.stringify([hostSelector, arg ?? null])} });
      if (frame?.error) throw frame.error;
      return frame?.result;
    })()`;
    return (await (await controlPage()).evaluate(call)) as Array<Awaited<R>>;
  };

  return {
    firefox,
    uuid,
    routes: site.routes,
    newPage,
    async openSample(url) {
      const page = await newPage();
      const announced = contentScriptAnnouncement(page);
      await page.goto(url);
      await announced;
      return page;
    },
    openExtensionPage,
    reloadExtensionPage: (page) => browsingContext(page).reload({ wait: "complete" }),
    inExtension,
    tabIdOf,
    inEveryShadow,
    close: () => firefox.close(),
  };
}

/** Waits until the content script has announced itself on a page (one debug line per page it reads). */
export function contentScriptAnnouncement(page: Page, timeout = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off("console", listen);
      reject(new Error(`the content script did not announce itself within ${timeout} ms`));
    }, timeout);
    const listen = (message: { text(): string }) => {
      if (!message.text().startsWith("[invitewise]")) return;
      clearTimeout(timer);
      page.off("console", listen);
      resolve(message.text());
    };
    page.on("console", listen);
  });
}

/** Collects console errors and uncaught exceptions of a page, to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return errors;
}

/** `fn` in the first matching host's closed root (throws when there is none). */
export async function inShadow<R, A = null>(
  fx: FirefoxExtension,
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg?: A,
): Promise<Awaited<R>> {
  const [first] = await fx.inEveryShadow(page, `${hostSelector}`, fn, arg);
  if (first === undefined) throw new Error(`no element matches ${hostSelector}`);
  return first;
}

/** Polls `fn` in the first host's closed root until it returns a truthy value, and returns it. */
export async function waitForShadow<R, A = null>(
  fx: FirefoxExtension,
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg?: A,
  timeout = 10_000,
): Promise<NonNullable<Awaited<R>>> {
  return pollUntil(`waitForShadow(${hostSelector})`, () => inShadow(fx, page, hostSelector, fn, arg), timeout);
}

/**
 * Clicks an element inside a host's closed root as a user does: a real mouse click (BiDi input
 * actions: trusted), at the centre of its box once it is still for a frame, and only where nothing
 * covers it. `text`: the first match whose text is exactly this.
 */
export async function clickInShadow(
  fx: FirefoxExtension,
  page: Page,
  hostSelector: string,
  innerSelector: string,
  text?: string,
): Promise<void> {
  const target = await waitForShadow(fx, page, hostSelector, clickTarget, {
    selector: innerSelector,
    text: text ?? null,
  });
  const what = `${innerSelector}${text === undefined ? "" : ` "${text}"`} in ${hostSelector}`;
  if (target.covered) throw new Error(`${what} is covered: the mouse would hit ${target.covered}`);
  await page.bringToFront();
  await page.mouse.click(target.x, target.y);
}
