/**
 * The content script's entry: route to the page's module and nothing else. It runs on every
 * https://www.upwork.com page but does work only on the page kinds Invitewise reads; on the others
 * it only listens for in-page navigation (Upwork is a single-page app: no re-injection on navigation).
 */
import { parsePage } from "./parse/index";
import { pageKind } from "./routes";
import { startPage, type PageSession } from "./overlay/session";
import { extensionAlive, runtimeBackend } from "./overlay/runtime-backend";
import { pageAddress, TAG, watchNavigation, watchPage, type Watcher } from "./watch";

let address = "";
let current: { watcher: Watcher; page: PageSession } | null = null;

function stop(): void {
  current?.watcher.destroy();
  current?.page.destroy();
  current = null;
}

let unwatchNavigation: (() => void) | null = null;

/**
 * After an update the old content script stays in open tabs with no extension behind it: it takes
 * its overlay down and stops watching instead of failing every send (the new one runs on reload).
 */
function orphaned(): boolean {
  if (extensionAlive()) return false;
  stop();
  unwatchNavigation?.();
  unwatchNavigation = null;
  return true;
}

/** Starts the module of the page at the current address, once per address. */
function route(): void {
  if (orphaned()) return;
  const next = pageAddress(location.href);
  if (next === address) return;
  address = next;
  stop();
  const kind = pageKind(location.href);
  if (kind === "other") return;
  console.debug(`${TAG} reading ${kind} page`);
  // Test-only fault switch: proves that when our code throws, Upwork's page keeps working
  // (`=badge`: only the badges throw, to show their quiet error state). Only in the test build: in a
  // release any link could switch Invitewise off.
  const fault = __IW_TEST_HOOKS__ ? new URLSearchParams(location.search).get("iw-test-fault") : null;
  if (fault !== null && fault !== "badge") throw new Error("fault switch");
  const page = startPage({
    doc: document,
    url: location.href,
    kind,
    parse: parsePage,
    backend: runtimeBackend,
    schedule: () => watcher.schedule(),
    answered: () => watcher.now(),
    fault: fault === "badge",
  });
  const watcher = watchPage(document, (dirty) => {
    // A frame of work first checks the address: an SPA re-renders right after navigating.
    route();
    if (!current) return; // orphaned: torn down
    if (current?.page === page) page.update(dirty);
  });
  current = { watcher, page };
}

try {
  unwatchNavigation = watchNavigation(window, route);
  route();
} catch (error) {
  console.warn(TAG, "stopped on this page:", error);
}
