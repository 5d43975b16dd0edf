/** Where the popup's data comes from: the tab to draft for, the background's read of it, settings. */
import browser from "webextension-polyfill";
import { sendToBackground, type TabPageReply } from "../shared/messages";
import { InsertableDraft, InsertDraftReply } from "../shared/content-messages";
import { samePage } from "../shared/same-page";
import { injectScript } from "../shared/inject";

/** `?tab=<id>` in the popup's own address (tests, or a popup opened as a tab), else the active tab. */
export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function tabPage(
  tabId: number | null,
): Promise<{ ok: true; data: TabPageReply } | { ok: false; error: string }> {
  // With no tab the background still answers with the last invitation the user opened.
  const reply = await sendToBackground({ type: "get-tab-page", tabId: tabId ?? -1 });
  if (!reply.ok || reply.data?.source !== "tab" || tabId === null) return reply;
  // The tab may have moved on to a page Invitewise does not read (or another site) since: then its
  // old page is not what the user is looking at; fall back to the last invitation they opened.
  const now = await browser.tabs.get(tabId).then(
    (tab) => tab.url,
    () => undefined,
  );
  return now && samePage(now, reply.data.url) ? reply : sendToBackground({ type: "get-tab-page", tabId: -1 });
}

/**
 * Fills Upwork's apply form in the tab: injects the insert script (dist/insert-draft.js, built from
 * src/content/insert-draft-entry.ts; not a content script, so Upwork pages load it only now), then
 * calls the function it defines with the draft. Both run in the extension's isolated world; the
 * host permission for Upwork is what lets `scripting` act on the tab.
 */
export async function insertIntoTab(tabId: number, draft: InsertableDraft): Promise<InsertDraftReply> {
  const checked = InsertableDraft.safeParse(draft);
  if (!checked.success) return { ok: false, error: "The draft could not be prepared for the page." };
  let answer: unknown;
  try {
    await injectScript(tabId, "insert-draft.js");
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised into the tab, so it may use nothing from this file: only its argument and the
      // global the script above defined. Draft and reply cross as JSON text: Chrome drops the
      // null-valued properties of `args` (a draft's `rate` or `amount` may be null).
      func: async (json: string) => JSON.stringify(await globalThis.invitewiseInsertDraft?.(JSON.parse(json))),
      args: [JSON.stringify(checked.data)],
    });
    answer = frame?.result;
  } catch {
    return { ok: false, error: "Could not reach the Upwork tab. Reload it and try again." };
  }
  const reply = InsertDraftReply.safeParse(typeof answer === "string" ? parseJson(answer) : undefined);
  return reply.success
    ? reply.data
    : { ok: false, error: "The page did not answer. Reload the Upwork tab and try again." };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Tells the background the user answered an invitation on Upwork (the toolbar count drops). */
export async function markInvitation(
  id: string,
  state: "replied" | "declined",
): Promise<{ ok: true; pending: number } | { ok: false; error: string }> {
  const reply = await sendToBackground({ type: "set-invitation-state", id, state });
  return reply.ok ? { ok: true, pending: reply.data.pending } : reply;
}
