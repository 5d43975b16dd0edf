/**
 * Real Chromium with the built extension loaded, and the project's sample pages served at their real
 * https://www.upwork.com addresses by request interception — no request leaves the machine.
 * Used by `npm start` (the demo), the real-browser tests and the benchmark.
 */
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
// @ts-expect-error — plain ESM helper shared with the install scripts, no type declarations.
import { findChromium } from "./ensure.mjs";

export const ROOT = resolve(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
/** The test build (`vite build --mode test`): the same extension plus its test hooks, e.g. the fault switch. */
export const DIST_TEST = join(ROOT, "dist-test");
export const SAMPLE_PAGES = process.env.IW_SAMPLE_PAGES ?? join(ROOT, "sample-pages");

/** The sample pages' stand-in for Upwork's styles, so the demo reads like the real site. */
const STYLESHEET_URL = "https://www.upwork.com/static/invitewise-samples/air3-standin.css";

export interface SamplePage {
  file: string;
  url: string;
  kind: string;
}

export async function samplePages(): Promise<SamplePage[]> {
  return JSON.parse(await readFile(join(SAMPLE_PAGES, "pages.json"), "utf8")) as SamplePage[];
}

/** A page served at an address: the sample pages plus whatever a test adds. */
export type Routes = Map<string, string>;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Extra pages to serve, keyed by URL without query or hash (e.g. a test page, another origin). */
  routes: Routes;
  /** Opens one of the extension's own pages, e.g. "src/popup/index.html?tab=3". */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const QUIET_FLAGS = [
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--disable-gpu",
  "--disable-features=Translate,OptimizationHints,MediaRouter",
];

/** The key of a page in `routes`: its address without query, hash or trailing slash. */
export function routeKey(url: string): string {
  const parsed = new URL(url);
  return parsed.origin + parsed.pathname.replace(/\/$/, "");
}

/** What the stand-in network answers to one request. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The sample site: every request over the network is answered here, by Chromium's routing and by the
 * Firefox tests' request interception alike — known pages from `routes`, the stand-in stylesheet,
 * anything else 404. The real Upwork (or any other server) is never contacted.
 */
export interface SampleSite {
  /** Extra pages to serve, keyed by URL without query or hash (e.g. a test page, another origin). */
  routes: Routes;
  /** `document`: the request loads a page (only pages are served from `routes`). */
  answer(url: string, document: boolean): Answer;
}

export async function sampleSite(): Promise<SampleSite> {
  const routes: Routes = new Map();
  for (const page of await samplePages())
    routes.set(routeKey(page.url), await readFile(join(SAMPLE_PAGES, page.file), "utf8"));
  const stylesheet = await readFile(join(SAMPLE_PAGES, "air3-standin.css"), "utf8");
  return {
    routes,
    answer(url, document) {
      const body = routes.get(routeKey(url));
      if (body !== undefined && document) return { status: 200, contentType: "text/html; charset=utf-8", body };
      if (url === STYLESHEET_URL) return { status: 200, contentType: "text/css", body: stylesheet };
      return { status: 404, contentType: "text/plain", body: "not served in tests" };
    },
  };
}

export interface LaunchOptions {
  headless?: boolean;
  /** The built extension to load: dist/ (the release build) unless told, e.g. DIST_TEST. */
  distDir?: string;
  /** False: the same browser and served pages without the extension (the benchmark's baseline). */
  withExtension?: boolean;
}

/** The same browser without the extension: no service worker, no extension id. */
export type BaselineBrowser = Omit<ExtensionBrowser, "serviceWorker" | "extensionId"> & {
  serviceWorker: null;
  extensionId: "";
};

export async function launchExtension(options: LaunchOptions & { withExtension: false }): Promise<BaselineBrowser>;
export async function launchExtension(options?: LaunchOptions): Promise<ExtensionBrowser>;
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser | BaselineBrowser> {
  const executablePath = findChromium() as string | null;
  if (!executablePath)
    throw new Error("No Chromium found: run `npm test` or `npm start`, which install it, or set CHROME_PATH.");
  const distDir = options.distDir ?? DIST;
  const withExtension = options.withExtension ?? true;
  if (withExtension)
    await access(join(distDir, "manifest.json")).catch(() => {
      throw new Error(
        `No extension built in ${distDir}: run \`npx vite build${distDir === DIST_TEST ? " --mode test" : ""}\` first.`,
      );
    });
  const userDataDir = await mkdtemp(join(tmpdir(), "invitewise-chromium-"));
  const args = withExtension
    ? [...QUIET_FLAGS, `--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`]
    : [...QUIET_FLAGS, "--disable-extensions"];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
  });

  const site = await sampleSite();
  const routes = site.routes;
  await context.route(/^https?:\/\//, (route) =>
    route.fulfill(site.answer(route.request().url(), route.request().resourceType() === "document")),
  );

  const serviceWorker = withExtension
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 })))
    : null;
  const extensionId = serviceWorker ? new URL(serviceWorker.url()).host : "";

  const common = {
    context,
    routes,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return serviceWorker
    ? { ...common, serviceWorker, extensionId }
    : { ...common, serviceWorker: null, extensionId: "" };
}
