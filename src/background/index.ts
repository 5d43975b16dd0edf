/**
 * The service worker: wires storage, settings and the badge to the handlers. Nothing else lives here.
 */
import browser, { type Runtime } from "webextension-polyfill";
import { clearDiagnostics, recordParseMisses, recordStorageNotice } from "../shared/diagnostics";
import { recordSeenSkills } from "../shared/seen-skills";
import { loadSettings } from "../shared/settings-store";
import { updateBadge } from "./badge";
import { dispatch, type BackgroundDeps } from "./handlers";
import { CountedVisits } from "./counted-visits";
import { indexReplaced, RecordCache, type StorageLike } from "./record-cache";
import { reportPage } from "./report-page";
import { SavedDrafts } from "./saved-drafts";
import { InvitationLogStore } from "./invitation-log";
import { logReplaced } from "../shared/invitation-log";
import { memoryStorage, TabPages } from "./tab-pages";

const RECOUNT_ALARM = "iw:recount-badge";

/** Fields only the page's embedded state carries (records.md §3): never counted as a parse miss. */
const STATE_ONLY = /^invitations\[\d+\]\.(?:message|jobUid)$/;

// storage.session (Chrome 102+, Firefox 115+) keeps tab pages across worker restarts within a session.
const session = (browser.storage as { session?: StorageLike }).session ?? memoryStorage();

/**
 * The settings, read once and kept while the worker lives: every page read needs them, and they
 * change only in storage (the options page, an import, another device's sync), which drops the copy.
 */
let settings: ReturnType<BackgroundDeps["settings"]> | null = null;
browser.storage.onChanged.addListener((changes) => {
  if (Object.keys(changes).some((key) => key.startsWith("settings."))) settings = null;
});

/** Visits whose job skills were counted (storage.session: survives the worker stopping mid-visit). */
const skillsCounted = new CountedVisits(session);

const drafts = new SavedDrafts(browser.storage.local);
const log = new InvitationLogStore(browser.storage.local, {
  onProblem: (problem) => recordStorageNotice({ at: new Date().toISOString(), store: "invitation-log", ...problem }),
});
let afterReplyQueue: Promise<void> = Promise.resolve();

const deps: BackgroundDeps = {
  cache: new RecordCache(browser.storage.local, {
    // A job's saved drafts go when nothing cached refers to the job any more.
    onJobsForgotten: (jobs) => drafts.forgetJobs(jobs),
    onStorageProblem: (problem) => recordStorageNotice({ at: new Date().toISOString(), ...problem }),
  }),
  tabs: new TabPages(session),
  drafts,
  log,
  clearDiagnostics: () => clearDiagnostics(),
  // After the reply, one at a time: the tab's page, the toolbar count and the page's health are
  // kept in the order the pages were read.
  afterReply(work) {
    afterReplyQueue = afterReplyQueue
      .then(() => new Promise((sent) => setTimeout(sent)))
      .then(work)
      .catch((error: unknown) => console.error("[invitewise] after reply", error));
    return Promise.resolve();
  },
  settled: () => afterReplyQueue,
  settings: () =>
    (settings ??= loadSettings().then(
      (loaded) => loaded.settings,
      (error: unknown) => {
        settings = null;
        throw error;
      },
    )),
  now: () => new Date(),
  setBadgeText: (text) => browser.action.setBadgeText({ text }),
  // A local alarm at the next reply-by keeps the count true while no Upwork page is open.
  async recountAt(at) {
    if (at === null) await browser.alarms.clear(RECOUNT_ALARM);
    else await browser.alarms.create(RECOUNT_ALARM, { when: at + 1000 });
  },
  async openDrafts(tabId) {
    try {
      await browser.action.openPopup();
      return "popup";
    } catch {
      // openPopup needs a focused window (and is missing in older browsers): the popup page in a tab.
      const query = tabId === null ? "" : `?tab=${tabId}`;
      await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${query}`) });
      return "tab";
    }
  },
  reportPage,
  // A diagnostics write must not cost the user their score (the handler also catches what this throws).
  async noteParsed(parsed, readAt) {
    // Every read of a visit: the last one (late sections arrived) replaces the visit's entry.
    // A row's message and job uid come only from the page state: their absence is no sign of a layout change.
    const missing = parsed.missing.filter((path) => !STATE_ONLY.test(path));
    await recordParseMisses({
      kind: parsed.kind,
      missing,
      fallbacks: parsed.fallbacks,
      disagreements: parsed.disagreements,
      at: readAt,
    });
    const skills = "job" in parsed.record ? parsed.record.job.skills : [];
    const visit = `${parsed.kind} ${readAt.toISOString()}`;
    // A job's skills count once per visit, however often the page is re-read.
    if (skills.length > 0 && (await skillsCounted.firstTime(visit))) await recordSeenSkills(skills);
  },
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only this extension's pages and content scripts; undefined = no reply from this listener.
  if (sender.id !== browser.runtime.id) return undefined;
  return dispatch(message, sender, browser.runtime.id, deps);
});

/** Brings the badge up to date (and schedules its next recount). */
function recount(): void {
  void deps
    .settings()
    .then((settings) => updateBadge(deps.cache, settings, deps.now(), deps.setBadgeText, deps.recountAt))
    .catch((error: unknown) => console.error("[invitewise] badge", error));
}

// The worker starts on browser start and whenever it was stopped; an update or install, or the
// alarm at the next reply-by, also changes what the badge should say.
browser.runtime.onStartup.addListener(recount);
browser.runtime.onInstalled.addListener(recount);
// "Erase all data" (the options page) empties storage under the worker: the cache forgets the index
// it keeps, and the toolbar count follows.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== "local") return;
  // The same for the invitation log's copy: erased, or replaced by a settings import.
  if (logReplaced(changes)) log.forget();
  if (!indexReplaced(changes)) return;
  deps.cache.forgetIndex();
  recount();
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RECOUNT_ALARM) recount();
});
recount();
