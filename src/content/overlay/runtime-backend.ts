/**
 * The Backend over the extension's messages (src/shared/messages.ts: its request and reply types).
 *
 * The content script does not import messages.ts itself: its zod validation and the
 * webextension-polyfill would more than double the content script (20 KB gzipped budget). The
 * background validates every request on receipt; here a reply is accepted only in the
 * `{ ok, data | error }` envelope, from our own extension's runtime.
 *
 * It only sends: the content script listens for no messages at all. The popup's "Insert into
 * proposal" injects its own script when clicked (src/content/insert-draft-entry.ts), and so does the
 * background for "Report this page" (src/report/report-page-entry.ts).
 */
import type { Reply, RequestOf, RequestType } from "../../shared/messages";
import type { Backend } from "./backend";

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  /** Gone once the extension was updated, reloaded or removed: this script is then an orphan. */
  id?: string;
}
declare const chrome: { runtime?: Runtime } | undefined;
declare const browser: { runtime?: Runtime } | undefined;

/**
 * Firefox's `browser` or Chrome's `chrome` (both return promises in Manifest V3), taken once when the
 * script starts and only if it is the real API: in Chrome a page element with id="browser" is what
 * `browser` names (a form named "browser" with a "runtime" field even has a `runtime`).
 */
const isRuntime = (r: unknown): r is Runtime => typeof (r as Runtime | undefined)?.sendMessage === "function";
const RUNTIME: Runtime | undefined = [
  typeof browser !== "undefined" ? browser?.runtime : undefined,
  typeof chrome !== "undefined" ? chrome?.runtime : undefined,
].find(isRuntime);
const runtime = (): Runtime => {
  if (!RUNTIME) throw Error("the extension API is not available");
  return RUNTIME;
};

/** False once the extension this script belongs to was updated or removed (its runtime id is gone). */
export const extensionAlive = (): boolean => !!RUNTIME?.id;

export async function ask<T extends RequestType>(
  request: RequestOf<T>,
): Promise<Extract<Reply<T>, { ok: true }>["data"]> {
  const reply = (await runtime().sendMessage(request)) as Reply<T> | undefined;
  if (reply?.ok !== true) throw Error(reply?.error ?? `no valid reply to ${request.type}`);
  return reply.data;
}

export const runtimeBackend: Backend = {
  pageParsed: (request) => ask({ type: "page-parsed", ...request }),
  openDrafts: async () => {
    await ask({ type: "open-drafts" });
  },
  // The background drafts the note from the page this tab last sent it.
  declineNote: async () => (await ask({ type: "get-decline-note" })).note,
  // The background injects the report script (dist/report-page.js) into this tab: not our code to carry.
  pageReport: async () => (await ask({ type: "get-page-report", tab: "sender" })).report,
};
