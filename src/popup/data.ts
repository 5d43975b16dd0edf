/** Where the popup's data comes from: the tab to draft for, the background's read of it, settings. */
import browser from "webextension-polyfill";
import { sendToBackground, type TabPageReply } from "../shared/messages";
import { InsertDraftMessage, InsertDraftReply, type InsertableDraft } from "../shared/content-messages";

/** `?tab=<id>` in the popup's own address (tests, or a popup opened as a tab), else the active tab. */
export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function tabPage(tabId: number | null): Promise<{ ok: true; data: TabPageReply } | { ok: false; error: string }> {
  // With no tab the background still answers with the last invitation the user opened.
  const reply = await sendToBackground({ type: "get-tab-page", tabId: tabId ?? -1 });
  if (!reply.ok || reply.data?.source !== "tab" || tabId === null) return reply;
  // The tab may have moved on to a page Invitewise does not read (or another site) since: then its
  // old page is not what the user is looking at; fall back to the last invitation they opened.
  const now = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
  return now && samePage(now, reply.data.url) ? reply : sendToBackground({ type: "get-tab-page", tabId: -1 });
}

function samePage(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname.replace(/\/$/, "") === y.pathname.replace(/\/$/, "");
  } catch {
    return false;
  }
}

/** Asks the content script in the tab to fill Upwork's apply form. */
export async function insertIntoTab(tabId: number, draft: InsertableDraft): Promise<InsertDraftReply> {
  const message = InsertDraftMessage.safeParse({ type: "insert-draft", draft });
  if (!message.success) return { ok: false, error: "The draft could not be prepared for the page." };
  try {
    const raw = await browser.tabs.sendMessage(tabId, message.data);
    const reply = InsertDraftReply.safeParse(raw);
    return reply.success ? reply.data : { ok: false, error: "The page did not answer. Reload the Upwork tab and try again." };
  } catch {
    return { ok: false, error: "Could not reach the Upwork tab. Reload it and try again." };
  }
}

/** Tells the background the user answered an invitation on Upwork (the toolbar count drops). */
export async function markInvitation(id: string, state: "replied" | "declined"): Promise<{ ok: true; pending: number } | { ok: false; error: string }> {
  const reply = await sendToBackground({ type: "set-invitation-state", id, state });
  return reply.ok ? { ok: true, pending: reply.data.pending } : reply;
}
