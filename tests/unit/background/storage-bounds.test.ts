/**
 * Storage that can't fill up or lose what matters (issue 14 item 4): the record cache's byte budget,
 * what it keeps first, a quota error from a storage that throws as Chrome's does, saved drafts
 * capped and forgotten with their job, and a page read that still answers when nothing can be stored.
 */
import { describe, expect, it } from "vitest";
import { dispatch, type BackgroundDeps } from "../../../src/background/handlers";
import { RecordCache, type StorageLike, type StorageProblem } from "../../../src/background/record-cache";
import { SavedDrafts } from "../../../src/background/saved-drafts";
import { memoryStorage, TabPages } from "../../../src/background/tab-pages";
import type { PageParsedReply } from "../../../src/shared/messages";
import {
  invitationPage,
  invitationRecord,
  invitationsPage,
  item,
  job,
  jobPage,
  userSettings,
} from "../../fixtures/scoring/builders";

const T0 = Date.UTC(2026, 0, 10, 12, 0);
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const daysAgo = (days: number) => new Date(T0 - days * 86_400_000).toISOString();
const cipher = (n: number) => `~02${String(n).padStart(4, "0")}`;
const entryKeys = (data: Record<string, unknown>) => Object.keys(data).filter((k) => k.startsWith("iw:cache:e:"));

/** Bytes as Chrome's storage counts them: key plus JSON of the value. */
const sizeOf = (data: Record<string, unknown>) =>
  Object.entries(data).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

/** An in-memory storage that refuses a write past `quota` bytes with Chrome's own error. */
function quotaStorage(quota: number): StorageLike & { data: Record<string, unknown>; refused: number } {
  const inner = memoryStorage();
  const store = {
    data: inner.data,
    refused: 0,
    get: inner.get,
    remove: inner.remove,
    async set(items: Record<string, unknown>) {
      if (sizeOf({ ...inner.data, ...structuredClone(items) }) > quota) {
        store.refused += 1;
        throw new Error("Resource::kQuotaBytes quota exceeded");
      }
      await inner.set(items);
    },
  };
  return store;
}

describe("record cache bounds", () => {
  it("keeps its entries under a byte budget, evicting the least recently seen first", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage, { bytes: 60_000 });
    const long = "word ".repeat(2_000); // ~10 KB a job page
    for (let i = 1; i <= 12; i++) await cache.record(jobPage(cipher(i), { job: { description: long } }), "u", at(i));
    const bytes = await cache.bytes();
    expect(bytes).toBeLessThanOrEqual(60_000);
    expect(bytes).toBeGreaterThan(40_000);
    // The index's figure is what storage holds.
    expect(
      Math.abs(sizeOf(Object.fromEntries(entryKeys(storage.data).map((k) => [k, storage.data[k]]))) - bytes),
    ).toBeLessThan(200);
    expect(await cache.job(cipher(1))).toBeNull();
    expect(await cache.job(cipher(12))).not.toBeNull();
    expect(await cache.size()).toBeLessThan(12);
  });

  it("a 600-row list never evicts the invitations the user marked, and evicts its own oldest rows before the open ones", async () => {
    const cache = new RecordCache(memoryStorage());
    // Marked long ago: accepted and declined invitations, and a job page the user read.
    await cache.record(
      invitationsPage([item("1", daysAgo(200)), item("2", daysAgo(100)), item("3", daysAgo(2))]),
      "u",
      at(0),
    );
    await cache.setState("1", "replied", at(1));
    await cache.setState("2", "declined", at(2));
    await cache.record(jobPage(cipher(1)), "u", at(3));
    // Then a list of 600 rows, one a day back (row i received i days ago), none of them marked.
    const rows = Array.from({ length: 600 }, (_, i) => item(String(1000 + i), daysAgo(i)));
    await cache.record(invitationsPage(rows), "u", at(10));
    expect(await cache.size()).toBe(500);
    expect((await cache.invitation("1"))?.state.replied).toBe(true);
    expect((await cache.invitation("2"))?.state.declined).toBe(true);
    // Open (under 30 days) rows all stay: the newest 30 rows and invitation 3.
    for (let i = 0; i < 30; i++) expect(await cache.invitation(String(1000 + i))).not.toBeNull();
    expect(await cache.invitation("3")).not.toBeNull();
    // What went: the list's oldest rows and the old job page.
    expect(await cache.invitation("1599")).toBeNull();
    expect(await cache.job(cipher(1))).toBeNull();
    // 500 = 2 marked + 1 open + the 497 newest rows.
    expect(await cache.invitation("1496")).not.toBeNull();
    expect(await cache.invitation("1497")).toBeNull();
  });

  it("reads an index of the older layout (key → last seen), and keeps its marks first afterwards", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage, { cap: 3 });
    await cache.record(invitationsPage([item("1", daysAgo(90))]), "u", at(0));
    await cache.setState("1", "declined", at(1));
    await cache.record(jobPage(cipher(1)), "u", at(2));
    // The older layout: one index item, no shards.
    for (const k of Object.keys(storage.data)) if (k.startsWith("iw:cache:index:")) delete storage.data[k];
    storage.data["iw:cache:index"] = { "inv:1": T0 + 60_000, [`job:${cipher(1)}`]: T0 + 120_000 };
    const restarted = new RecordCache(storage, { cap: 3 });
    expect(await restarted.size()).toBe(2);
    for (let i = 2; i <= 4; i++) await restarted.record(jobPage(cipher(i)), "u", at(10 + i));
    expect((await restarted.invitation("1"))?.state.declined).toBe(true);
    expect(await restarted.job(cipher(1))).toBeNull();
    // Migrated: the index now lives in its shards, the older item is gone.
    expect(storage.data["iw:cache:index"]).toBeUndefined();
    expect(Object.keys(storage.data).filter((k) => k.startsWith("iw:cache:index:"))).toHaveLength(16);
  });

  it("when a write hits the storage quota, evicts its own oldest, retries once and says so", async () => {
    const storage = quotaStorage(200_000);
    const problems: StorageProblem[] = [];
    const cache = new RecordCache(storage, { bytes: 150_000, onStorageProblem: async (p) => void problems.push(p) });
    const long = "word ".repeat(2_000);
    for (let i = 1; i <= 12; i++) await cache.record(jobPage(cipher(i), { job: { description: long } }), "u", at(i));
    expect(problems).toEqual([]);
    // Something else fills storage.local to just under the quota.
    storage.data["someone.else"] = "x".repeat(200_000 - sizeOf(storage.data) - 5_000);
    await cache.record(jobPage(cipher(13), { job: { description: long } }), "u", at(20));
    expect(storage.refused).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.retried).toBe("ok");
    expect(problems[0]!.evicted).toBeGreaterThan(0);
    expect(await cache.job(cipher(13))).not.toBeNull();
    expect(await cache.bytes()).toBeLessThanOrEqual(75_000);
    // The next read writes without trouble.
    await cache.record(jobPage(cipher(14)), "u", at(21));
    expect(problems).toHaveLength(1);
  });

  it("a page read still gets its score when nothing can be stored, and the failure is reported", async () => {
    const storage = quotaStorage(1_000);
    storage.data["someone.else"] = "x".repeat(900);
    const problems: StorageProblem[] = [];
    const deps: BackgroundDeps = {
      cache: new RecordCache(storage, { onStorageProblem: async (p) => void problems.push(p) }),
      tabs: new TabPages(quotaStorage(10)),
      settings: async () => userSettings(),
      now: () => new Date(T0),
      setBadgeText: async () => undefined,
    };
    const message = {
      type: "page-parsed",
      url: "https://www.upwork.com/jobs/~021",
      readAt: at(0),
      parsed: jobPage("~021"),
    };
    for (let read = 0; read < 2; read++) {
      const reply = await dispatch(message, { id: "ext", tab: { id: 4 } }, "ext", deps);
      expect(reply).toMatchObject({ ok: true });
      const data = reply?.ok ? (reply.data as PageParsedReply) : null;
      expect(data?.fit?.factors.length).toBeGreaterThan(0);
    }
    expect(problems.map((p) => p.retried)).toEqual(["failed", "failed"]);
  });
});

describe("saved drafts", () => {
  const edits = (text: string) => ({ coverLetter: text });

  it("keeps at most the cap, forgetting the least recently saved", async () => {
    const storage = memoryStorage();
    const drafts = new SavedDrafts(storage, 3);
    for (let i = 1; i <= 5; i++) await drafts.save(`drafts.~0${i}`, edits(`letter ${i}`), new Date(T0 + i));
    expect(
      Object.keys(storage.data)
        .filter((k) => k.startsWith("drafts."))
        .sort(),
    ).toEqual(["drafts.~03", "drafts.~04", "drafts.~05"]);
    await drafts.save("drafts.~04", null, new Date(T0 + 9));
    expect(storage.data["drafts.~04"]).toBeUndefined();
  });

  it("refuses an over-long edit with the request, not by crashing the worker", async () => {
    const deps: BackgroundDeps = {
      cache: new RecordCache(memoryStorage()),
      tabs: new TabPages(memoryStorage()),
      drafts: new SavedDrafts(memoryStorage()),
      settings: async () => userSettings(),
      now: () => new Date(T0),
      setBadgeText: async () => undefined,
    };
    const popup = { id: "ext", url: "chrome-extension://ext/src/popup/index.html" };
    const ok = await dispatch({ type: "save-edits", key: "drafts.~021", edits: edits("Hello") }, popup, "ext", deps);
    expect(ok).toEqual({ ok: true, data: { saved: true } });
    const huge = await dispatch(
      { type: "save-edits", key: "drafts.~021", edits: edits("x".repeat(60_000)) },
      popup,
      "ext",
      deps,
    );
    expect(huge).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid request: edits\.coverLetter/) });
    // A page cannot write the user's drafts.
    const page = { id: "ext", url: "https://www.upwork.com/jobs/~021", tab: { id: 2 } };
    expect(
      await dispatch({ type: "save-edits", key: "drafts.~021", edits: edits("pwned") }, page, "ext", deps),
    ).toMatchObject({ ok: false });
  });

  it("is what the panel's decline note says: the user's own edit of it, else the fresh draft", async () => {
    const deps: BackgroundDeps = {
      cache: new RecordCache(memoryStorage()),
      tabs: new TabPages(memoryStorage()),
      drafts: new SavedDrafts(memoryStorage()),
      settings: async () => userSettings(),
      now: () => new Date(T0),
      setBadgeText: async () => undefined,
    };
    const url = "https://www.upwork.com/ab/proposals/interview/uid/7";
    const page = { id: "ext", url, tab: { id: 2 } };
    const popup = { id: "ext", url: "chrome-extension://ext/src/popup/index.html" };
    const parsed = invitationPage(invitationRecord("7", { job: job({ ciphertext: cipher(1) }) }));
    await dispatch({ type: "page-parsed", url, readAt: at(0), parsed }, page, "ext", deps);
    const note = async () => {
      const reply = await dispatch({ type: "get-decline-note" }, page, "ext", deps);
      if (!reply || !reply.ok) throw new Error(JSON.stringify(reply));
      return (reply.data as { note: string }).note;
    };
    const fresh = await note();
    expect(fresh.length).toBeGreaterThan(20);
    const mine = "Thank you, but I am fully booked this month.";
    await dispatch({ type: "save-edits", key: `drafts.${cipher(1)}`, edits: { decline: mine } }, popup, "ext", deps);
    expect(await note()).toBe(mine);
    await dispatch({ type: "save-edits", key: `drafts.${cipher(1)}`, edits: {} }, popup, "ext", deps);
    expect(await note()).toBe(fresh);
  });

  it("goes with the last cached entry that refers to its job", async () => {
    const local = memoryStorage();
    const drafts = new SavedDrafts(local);
    const cache = new RecordCache(local, { cap: 2, onJobsForgotten: (jobs) => drafts.forgetJobs(jobs) });
    await drafts.save("drafts.~0A", edits("for job A"), new Date(T0));
    await drafts.save("drafts.~0B", edits("for job B"), new Date(T0));
    // Job A is known twice: as a job page and through an invitation's page (received 60 days ago).
    await cache.record(jobPage("~0A"), "u", at(1));
    await cache.record(invitationsPage([item("7", daysAgo(60))]), "u", at(2));
    await cache.record(invitationPage(invitationRecord("7", { job: job({ ciphertext: "~0A" }) })), "u", at(2));
    await cache.record(jobPage("~0B"), "u", at(3)); // evicts job A's page; the invitation still refers to A
    expect(local.data["drafts.~0A"]).toBeDefined();
    await cache.record(jobPage("~0C"), "u", at(4)); // evicts the invitation…
    expect(local.data["drafts.~0A"]).toBeUndefined();
    expect(local.data["drafts.~0B"]).toBeDefined();
    await cache.record(jobPage("~0D"), "u", at(5)); // …then B
    expect(local.data["drafts.~0B"]).toBeUndefined();
  });
});
