/**
 * The content script's entry: route to the page's module and nothing else. It runs on every
 * https://www.upwork.com page but does work only on the page kinds Invitewise reads.
 */
import { pageKind } from "./routes";

const TAG = "[invitewise]";

function start(): void {
  const kind = pageKind(location.href);
  if (kind === "other") return;
  console.debug(`${TAG} reading ${kind} page`);
  // Test-only fault switch: proves that when our code throws, Upwork's page keeps working.
  if (new URLSearchParams(location.search).has("iw-test-fault")) throw new Error("fault switch");
}

try {
  start();
} catch (error) {
  console.warn(TAG, "stopped on this page:", error);
}
