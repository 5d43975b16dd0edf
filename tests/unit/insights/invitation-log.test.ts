/** The invitation log: what each page read, mark and outcome adds, its bounds, its stored form and its CSV. */
import { describe, expect, it } from "vitest";
import { logEntry as entry } from "../../fixtures/scoring/builders";
import { dispatch, type BackgroundDeps } from "../../../src/background/handlers";
import { InvitationLogStore } from "../../../src/background/invitation-log";
import { RecordCache } from "../../../src/background/record-cache";
import { memoryStorage, TabPages } from "../../../src/background/tab-pages";
import {
  bounded,
  LOG_KEY,
  logReplaced,
  logToCsv,
  notePage,
  noteReply,
  parseStoredLog,
  readLog,
} from "../../../src/shared/invitation-log";
import {
  client,
  invitationPage,
  invitationRecord,
  invitationsPage,
  item,
  job,
  userSettings,
} from "../../fixtures/scoring/builders";

const EXT = "invitewise-id";
const NOW = new Date("2026-03-10T12:00:00.000Z");
const at = (hoursAfter: number) => new Date(NOW.getTime() + hoursAfter * 3600_000).toISOString();

function setup(clock: { now: Date } = { now: NOW }) {
  const storage = memoryStorage();
  const log = new InvitationLogStore(storage);
  const deps: BackgroundDeps = {
    cache: new RecordCache(memoryStorage()),
    tabs: new TabPages(memoryStorage()),
    log,
    settings: async () => userSettings(),
    now: () => clock.now,
    setBadgeText: async () => undefined,
  };
  const send = (message: unknown) => dispatch(message, { id: EXT, tab: { id: 1 } }, EXT, deps);
  return { storage, log, send, clock };
}

describe("the invitation log through the worker", () => {
  it("logs list rows, the opened invitation with its fit, the popup's mark and an offer on the proposals page", async () => {
    const clock = { now: NOW };
    const { log, send } = setup(clock);
    const title = "Shopify inventory sync";
    const list = invitationsPage([item("11", at(-3), title), item("12", at(-30), "Logo design")]);
    expect(
      await send({ type: "page-parsed", url: "https://www.upwork.com/nx/proposals/", readAt: at(0), parsed: list }),
    ).toMatchObject({ ok: true });
    let entries = await log.entries();
    expect(entries.map((e) => [e.id, e.title, e.receivedAt, e.firstSeenAt])).toEqual([
      ["11", title, at(-3), at(0)],
      ["12", "Logo design", at(-30), at(0)],
    ]);

    clock.now = new Date(at(1));
    const strongClient = client({
      paymentVerified: true,
      rating: 4.9,
      reviewsCount: 30,
      hireRate: 75,
      jobsPosted: 40,
      totalSpent: 60_000,
    });
    const page = invitationPage(invitationRecord("11", { job: job({ title }), client: strongClient }));
    const reply = await send({
      type: "page-parsed",
      url: "https://www.upwork.com/nx/proposals/interview/uid/11",
      readAt: at(1),
      parsed: page,
    });
    expect(reply).toMatchObject({ ok: true });
    const score = (reply as { data: { fit: { score: number; confidence: number } } }).data.fit;
    expect(score.score).toEqual(expect.any(Number));
    entries = await log.entries();
    const opened = entries.find((e) => e.id === "11")!;
    expect(opened.openedAt).toBe(at(1));
    expect(opened.fit).toMatchObject({ score: score.score, confidence: score.confidence, provisional: false });
    expect(Object.values(opened.fit!.factors).every((v) => v >= 0 && v <= 1)).toBe(true);

    clock.now = new Date(at(2));
    expect(await send({ type: "set-invitation-state", id: "11", state: "replied" })).toMatchObject({ ok: true });
    expect((await log.entries()).find((e) => e.id === "11")!.reply).toEqual({
      kind: "accepted",
      at: at(2),
      source: "mark",
    });

    clock.now = new Date(at(50));
    await send({
      type: "page-parsed",
      url: "https://www.upwork.com/nx/proposals/",
      readAt: at(50),
      parsed: list,
      offers: [`  shopify   INVENTORY sync `],
    });
    const after = await log.entries();
    expect(after.find((e) => e.id === "11")!.outcome).toEqual({ kind: "offer", at: at(50), source: "page" });
    expect(after.find((e) => e.id === "12")!.outcome).toBeNull();
    // A re-read keeps when it was first seen.
    expect(after.find((e) => e.id === "11")!.firstSeenAt).toBe(at(0));

    // One-click outcome from the Insights page; an unknown id is refused, the log unchanged.
    expect(await send({ type: "set-invitation-outcome", id: "11", outcome: "hired" })).toEqual({
      ok: true,
      data: { id: "11", outcome: "hired" },
    });
    expect((await log.entries()).find((e) => e.id === "11")!.outcome).toMatchObject({ kind: "hired", source: "user" });
    expect(await send({ type: "set-invitation-outcome", id: "999", outcome: "hired" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not in the log/),
    });
    expect(await send({ type: "set-invitation-outcome", id: "11", outcome: "promoted" })).toMatchObject({ ok: false });
  });

  it("refuses outcomes from a content script", async () => {
    const { log } = setup();
    const reply = await dispatch(
      { type: "set-invitation-outcome", id: "1", outcome: "hired" },
      { id: EXT, url: "https://www.upwork.com/nx/proposals/", tab: { id: 1 } },
      EXT,
      {
        cache: new RecordCache(memoryStorage()),
        tabs: new TabPages(memoryStorage()),
        log,
        settings: async () => userSettings(),
        now: () => NOW,
        setBadgeText: async () => undefined,
      },
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/not available to pages/) });
  });
});

describe("notePage", () => {
  it("takes the reply from the invitation page's status, and a mark names it again", () => {
    const declined = invitationPage(invitationRecord("5", { status: "declined" }));
    const [e] = notePage([], declined, at(0), null);
    expect(e!.reply).toEqual({ kind: "declined", at: at(0), source: "page" });
    // The page read again later keeps the first moment seen.
    expect(notePage([e!], declined, at(5), null)[0]!.reply!.at).toBe(at(0));
    expect(noteReply([e!], "5", "replied", at(6))[0]!.reply).toEqual({ kind: "accepted", at: at(6), source: "mark" });
    // The same reply marked later keeps the earlier moment.
    expect(noteReply([e!], "5", "declined", at(6))[0]!.reply!.at).toBe(at(0));
  });

  it("never lets a list row's provisional fit replace the opened page's", () => {
    const fit = (score: number) => ({
      score,
      confidence: 0.8,
      factors: [{ id: "hireRate", label: "Hire rate", value: null, weight: 20, points: 15 }],
      flags: [],
    });
    const opened = notePage([], invitationPage(invitationRecord("7")), at(0), { fit: fit(72), invitations: null });
    expect(opened[0]!.fit).toMatchObject({ score: 72, provisional: false, factors: { hireRate: 0.75 } });
    const relisted = notePage(opened, invitationsPage([item("7", at(-1))]), at(1), {
      fit: null,
      invitations: [{ id: "7", detail: { fit: fit(40), provisional: true } }],
    });
    expect(relisted[0]!.fit!.score).toBe(72);
    // Scored the same again: the entry stays as it was (nothing to write); scored otherwise, it changes.
    const page = invitationPage(invitationRecord("7"));
    const again = notePage(opened, page, at(2), { fit: fit(72), invitations: null });
    expect(again[0]).toEqual(opened[0]);
    expect(notePage(opened, page, at(2), { fit: fit(65), invitations: null })[0]!.fit).toMatchObject({
      score: 65,
      at: at(2),
    });
  });
});

describe("bounds and storage", () => {
  it("keeps the newest 5,000 first seen and nothing older than two years, evicting oldest first", () => {
    const entries = Array.from({ length: 5100 }, (_, i) =>
      entry(String(i + 1), new Date(NOW.getTime() - (5100 - i) * 60_000).toISOString()),
    );
    const kept = bounded(entries, NOW);
    expect(kept).toHaveLength(5000);
    expect(kept[0]!.id).toBe("101");
    expect(kept.at(-1)!.id).toBe("5100");
    const old = entry("1", new Date(NOW.getTime() - 731 * 86_400_000).toISOString());
    const recent = entry("2", new Date(NOW.getTime() - 729 * 86_400_000).toISOString());
    expect(bounded([old, recent], NOW).map((e) => e.id)).toEqual(["2"]);
  });

  it("the store writes within its bounds", async () => {
    const storage = memoryStorage();
    const log = new InvitationLogStore(storage, { cap: 3 });
    for (let i = 1; i <= 5; i++) await log.update(NOW, (entries) => [...entries, entry(String(i), at(i - 10))]);
    expect((await log.entries()).map((e) => e.id)).toEqual(["3", "4", "5"]);
    expect((await readLog(storage)).entries).toHaveLength(3);
  });

  it("leaves damaged entries out and says so; an unreadable log starts empty", async () => {
    const storage = memoryStorage();
    const problems: unknown[] = [];
    const log = new InvitationLogStore(storage, { onProblem: async (p) => void problems.push(p) });
    await storage.set({ [LOG_KEY]: { entries: [entry("1", at(0)), { id: "x" }, entry("2", at(1))] } });
    expect((await log.entries()).map((e) => e.id)).toEqual(["1", "2"]);
    expect(problems).toEqual([{ dropped: 1, corrupt: false }]);
    // Said once: the log is kept in memory, and written back without the bad entry.
    expect(await log.entries()).toHaveLength(2);
    expect(problems).toHaveLength(1);
    expect(await readLog(storage)).toMatchObject({ dropped: 0, corrupt: false });
    // A whole log written under the worker (as an import does) replaces its copy.
    await storage.set({ [LOG_KEY]: "garbage" });
    expect(logReplaced({ [LOG_KEY]: { newValue: "garbage" } })).toBe(true);
    log.forget();
    expect(await log.entries()).toEqual([]);
    expect(problems.at(-1)).toEqual({ dropped: 0, corrupt: true });
    await log.update(NOW, () => [entry("3", at(0))]);
    expect(await readLog(storage)).toMatchObject({ dropped: 0, corrupt: false, entries: [entry("3", at(0))] });
    expect(parseStoredLog((await storage.get(LOG_KEY))[LOG_KEY])).toMatchObject({ entries: [], corrupt: false });
  });
});

describe("logToCsv", () => {
  it("quotes what needs quoting and keeps a title that looks like a formula as text", () => {
    const csv = logToCsv([
      entry("1", at(0), { title: 'Fix "checkout", fast', reply: { kind: "accepted", at: at(1), source: "mark" } }),
      entry("2", at(0), { title: '=HYPERLINK("x")' }),
    ]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^id,title,received_at,/);
    expect(lines[1]).toBe(`1,"Fix ""checkout"", fast",,${at(0)},,,,,accepted,${at(1)},mark,,,`);
    expect(lines[2]).toBe(`2,"'=HYPERLINK(""x"")",,${at(0)},,,,,,,,,,`);
    expect(lines).toHaveLength(4);
  });
});
