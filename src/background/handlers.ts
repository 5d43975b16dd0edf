/**
 * The background's message handlers, one per request type, and the dispatcher that validates each
 * request, ignores other senders and wraps every answer as `{ ok, data } | { ok, error }`.
 * Dependencies are injected so tests drive them with in-memory storage and a fixed clock.
 */
import { REPLY_DATA, Request, type ReplyData, type Reply, type RequestOf, type RequestType } from "../shared/messages";
import type { ParsedPage } from "../shared/records";
import type { Settings } from "../shared/settings";
import { assessPage } from "../scoring/assess";
import { draftReply } from "../drafting/index";
import { draftInputFor } from "../drafting/input";
import { repairParsed } from "../shared/repair";
import { draftKey } from "../shared/saved-edits";
import { withPageState } from "../state/index";
import { fieldHealth, type FieldHealth } from "../report/health";
import { updateBadge } from "./badge";
import { assessBeforeRecording, lookupFor, recordPage } from "./page-flow";
import type { RecordCache } from "./record-cache";
import type { TabPages } from "./tab-pages";
import type { SavedDrafts } from "./saved-drafts";
import type { InvitationLogStore } from "./invitation-log";
import { noteOutcome, notePage, noteReply } from "../shared/invitation-log";
import { fitInWords } from "../shared/words";

export interface BackgroundDeps {
  cache: RecordCache;
  tabs: TabPages;
  drafts?: SavedDrafts;
  settings: () => Promise<Settings>;
  now: () => Date;
  setBadgeText: (text: string) => Promise<void>;
  /** Schedules a recount of the badge at that moment (ms; a local alarm), or cancels it (null). */
  recountAt?: (at: number | null) => Promise<void>;
  /** Opens the drafting for a tab: the popup when the browser allows it, else the popup page in a tab. */
  openDrafts?: (tabId: number | null) => Promise<"popup" | "tab">;
  /** Keeps what the options page shows of opened pages: fields not found, skills seen on jobs. `readAt` identifies the visit. */
  noteParsed?: (parsed: ParsedPage, readAt: Date) => Promise<void>;
  /** The page report of a tab (its skeleton, with this field health); throws when the tab is closed or not on Upwork. */
  reportPage?: (tabId: number, health: FieldHealth | null) => Promise<string>;
  /** The invitation log behind the Insights page (src/shared/invitation-log.ts). */
  log?: InvitationLogStore;
  /** Empties the diagnostics log (the options page's "Clear"). */
  clearDiagnostics?: () => Promise<void>;
  /**
   * Runs work the reply does not wait for (the worker: after the reply is sent, in order); without
   * it the work runs before replying (tests, the command line).
   */
  afterReply?: (work: () => Promise<void>) => Promise<void>;
  /** Resolves once the work queued by `afterReply` so far is done. */
  settled?: () => Promise<void>;
}

const inline = (work: () => Promise<void>) => work();

/** Each worker's last queued cache write of a page read: the next page read waits for it alone. */
const recording = new WeakMap<BackgroundDeps, Promise<void>>();

/** Who sent the message: the sender's tab, when it came from a content script. */
export interface MessageContext {
  tabId: number | null;
}

type Handler<T extends RequestType> = (
  request: RequestOf<T>,
  context: MessageContext,
  deps: BackgroundDeps,
) => Promise<ReplyData<T>>;

async function assessed(parsed: ParsedPage, deps: BackgroundDeps, settings: Settings) {
  return assessPage(parsed, settings, deps.now(), await lookupFor(deps.cache, parsed));
}

export const handlers: { [T in RequestType]: Handler<T> } = {
  "page-parsed": async (request, context, deps) => {
    const settings = await deps.settings();
    const repaired = repairParsed(request.parsed);
    if (!repaired.ok) throw new Error(repaired.error);
    const { parsed } = withPageState(repaired.parsed, request.state ?? null, request.url, new Date(request.readAt));
    const page = { url: request.url, readAt: request.readAt, parsed };
    // What the previous read put in the cache is there before this one looks (its other writes — the
    // tab's page, the toolbar count, the page's health — may still be running: no score reads them).
    await recording.get(deps);
    const a = await assessBeforeRecording(deps.cache, page, settings, deps.now());
    // The page waits only for its score: what the reply does not need is written after it.
    const queue = deps.afterReply ?? inline;
    let recorded!: () => void;
    recording.set(deps, new Promise<void>((done) => (recorded = done)));
    await queue(() => recordPage(deps.cache, page).finally(recorded));
    await queue(async () => {
      // A full storage.session loses the popup this tab's page, not the page its score.
      if (context.tabId !== null)
        await deps.tabs
          .set(context.tabId, page, deps.now().getTime())
          .catch((e: unknown) => console.warn("[invitewise] tab page not kept", e));
      await updateBadge(deps.cache, settings, deps.now(), deps.setBadgeText, deps.recountAt);
      // Only the invitations list and an invitation page tell the log anything (the list also its offers).
      // No reply reads the log: its write runs in the log's own queue (in order), and the next page
      // read does not wait for it (a full log's shard write is the slowest step after a reply).
      if (parsed.kind === "invitations" || parsed.kind === "invitation")
        void deps.log
          ?.update(deps.now(), (entries) => notePage(entries, parsed, request.readAt, a, request.offers ?? []))
          .catch((e: unknown) => console.warn("[invitewise] invitation log not kept", e));
      // The moment the page was read identifies the visit: re-reads of one visit share it.
      await deps
        .noteParsed?.(parsed, new Date(request.readAt))
        .catch((e: unknown) => console.warn("[invitewise] page health not noted", e));
    });
    // The panel shows the fit's words as they are sent: in the reader's locale, from the catalogue here.
    return {
      fit: a.fit && fitInWords(a.fit),
      urgency: a.urgency,
      invitations:
        a.invitations?.map((r) => (r.detail ? { ...r, detail: { ...r.detail, fit: fitInWords(r.detail.fit) } } : r)) ??
        null,
      missing: parsed.missing,
      declineBelow: settings.scoring.thresholds.declineBelow,
    };
  },

  "get-tab-page": async (request, _context, deps) => {
    const settings = await deps.settings();
    const tab = await deps.tabs.get(request.tabId);
    if (tab) {
      const a = await assessed(tab.parsed, deps, settings);
      return { source: "tab", url: tab.url, readAt: tab.readAt, parsed: tab.parsed, fit: a.fit, urgency: a.urgency };
    }
    const last = await deps.cache.lastInvitation();
    if (!last?.page) return null;
    const parsed: ParsedPage = {
      kind: "invitation",
      record: last.page.record,
      missing: last.page.missing,
      warnings: [],
    };
    const a = await assessed(parsed, deps, settings);
    return {
      source: "last-invitation",
      url: last.page.url,
      readAt: last.page.readAt,
      parsed,
      fit: a.fit,
      urgency: a.urgency,
    };
  },

  "set-invitation-state": async (request, _context, deps) => {
    const now = deps.now();
    await deps.cache.setState(request.id, request.state, now.toISOString());
    // The log loses the reply, the count does not lose the mark: a log that cannot be written only warns.
    await deps.log
      ?.update(now, (entries) => noteReply(entries, request.id, request.state, now.toISOString()))
      .catch((e: unknown) => console.warn("[invitewise] reply not logged", e));
    const pending = await updateBadge(deps.cache, await deps.settings(), now, deps.setBadgeText, deps.recountAt);
    return { id: request.id, pending };
  },

  "open-drafts": async (_request, context, deps) => {
    if (!deps.openDrafts) throw new Error("opening the drafts is not available here");
    return { opened: await deps.openDrafts(context.tabId) };
  },

  "get-decline-note": async (_request, context, deps) => {
    const tab = context.tabId === null ? null : await deps.tabs.get(context.tabId);
    if (!tab) throw new Error("no page read in this tab yet");
    const input = draftInputFor(tab.parsed, tab.url);
    if (typeof input === "string") throw new Error(input);
    const draft = draftReply(input, await deps.settings());
    // The note as the popup shows it: the user's own edit of it, when there is one.
    const edited = deps.drafts ? (await deps.drafts.edits(draftKey(input.job, tab.url))).decline : undefined;
    return { note: edited ?? draft.decline, reason: draft.declineReason.label };
  },

  "get-page-report": async (request, context, deps) => {
    if (!deps.reportPage) throw new Error("page reports are not available here");
    const { tabId: sender } = context;
    const tabs =
      request.tab === "latest"
        ? await deps.tabs.recent()
        : sender === null
          ? []
          : [{ tabId: sender, page: await deps.tabs.get(sender) }];
    for (const { tabId, page } of tabs) {
      try {
        return { report: await deps.reportPage(tabId, page && fieldHealth(page)) };
      } catch {
        // Closed since, or no longer on Upwork (scripting may not act there): the next most recent.
      }
    }
    throw new Error(
      request.tab === "sender"
        ? "Could not read this page. Reload it and try again."
        : "No Upwork page is open. Open the page to report, then try again.",
    );
  },

  "save-edits": async (request, _context, deps) => {
    if (!deps.drafts) throw new Error("saving drafts is not available here");
    await deps.drafts.save(request.key, request.edits, deps.now());
    return { saved: true };
  },

  "set-invitation-outcome": async (request, _context, deps) => {
    if (!deps.log) throw new Error("the invitation log is not available here");
    const found = await deps.log.update(deps.now(), (entries) => {
      const next = noteOutcome(entries, request.id, request.outcome, deps.now().toISOString());
      return { entries: next.entries, result: next.found };
    });
    if (!found) throw new Error(`invitation ${request.id} is not in the log`);
    return { id: request.id, outcome: request.outcome };
  },

  "clear-diagnostics": async (_request, _context, deps) => {
    if (!deps.clearDiagnostics) throw new Error("diagnostics are not available here");
    await deps.clearDiagnostics();
    return { cleared: true as const };
  },
};

/**
 * Handles one runtime message. Returns undefined (no reply) for senders other than this extension;
 * otherwise a reply envelope — never a thrown error, so the sender always hears back.
 */
/**
 * What a content script may ask, and only about its own tab: a page it runs in could make it send
 * anything, so another tab's page or the latest Upwork tab stay for the extension's own pages.
 */
const CONTENT_SCRIPT_REQUESTS = new Set<RequestType>([
  "page-parsed",
  "open-drafts",
  "get-decline-note",
  "get-page-report",
]);
const UPWORK_PAGE = /^https:\/\/www\.upwork\.com\//;

export async function dispatch(
  message: unknown,
  sender: { id?: string | undefined; url?: string | undefined; tab?: { id?: number | undefined } | undefined },
  extensionId: string,
  deps: BackgroundDeps,
): Promise<Reply<RequestType> | undefined> {
  if (sender.id !== extensionId) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `Invalid request: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
    };
  }
  const request = parsed.data;
  // A sender with a web page's address is our content script (the popup opened as a tab has an
  // extension address): only from an Upwork page, and only about its own tab.
  if (sender.url !== undefined && !/^(chrome|moz)-extension:/.test(sender.url)) {
    const own =
      CONTENT_SCRIPT_REQUESTS.has(request.type) && !(request.type === "get-page-report" && request.tab !== "sender");
    if (!own) return { ok: false, error: `${request.type} is not available to pages` };
    if (!UPWORK_PAGE.test(sender.url)) return { ok: false, error: "not an Upwork page" };
  }
  try {
    // Every request sees what earlier page reads wrote after their replies (the tab's page, the cache).
    if (request.type !== "page-parsed") await deps.settled?.();
    const handler = handlers[request.type] as Handler<typeof request.type>;
    const data = await handler(request, { tabId: sender.tab?.id ?? null }, deps);
    // Our own replies go through their schema too: a handler bug surfaces as an error, not bad data.
    const checked = REPLY_DATA[request.type].safeParse(data);
    if (!checked.success) return { ok: false, error: `Internal error: invalid ${request.type} reply` };
    return { ok: true, data: checked.data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
