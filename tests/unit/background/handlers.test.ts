/** Messages end to end through dispatch, with in-memory storage, a fixed clock and a recorded badge. */
import { describe, expect, it, vi } from "vitest";

// The polyfill refuses to load outside an extension; the code under test never touches it here.

import { dispatch, type BackgroundDeps } from "../../../src/background/handlers";
import { RecordCache } from "../../../src/background/record-cache";
import { memoryStorage, TabPages } from "../../../src/background/tab-pages";
import { sendToBackground, type PageParsedReply } from "../../../src/shared/messages";
import {
  client,
  invitationPage,
  invitationRecord,
  invitationsPage,
  item,
  job,
  jobPage,
  userSettings,
} from "../../fixtures/scoring/builders";

const EXT = "invitewise-id";
const NOW = new Date("2026-01-10T12:00:00.000Z");
const iso = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

function setup() {
  const badge: string[] = [];
  const deps: BackgroundDeps = {
    cache: new RecordCache(memoryStorage()),
    tabs: new TabPages(memoryStorage()),
    settings: async () => userSettings(),
    now: () => NOW,
    setBadgeText: async (text) => void badge.push(text),
  };
  const send = (message: unknown, tabId: number | null = 3) =>
    dispatch(message, { id: EXT, ...(tabId === null ? {} : { tab: { id: tabId } }) }, EXT, deps);
  return { deps, badge, send };
}

const list = invitationsPage([item("1", iso(90)), item("2", iso(23 * 60)), item("3", iso(30 * 60))]);
const parsedMsg = (parsed: unknown, url = "https://www.upwork.com/nx/proposals/") => ({
  type: "page-parsed",
  url,
  readAt: NOW.toISOString(),
  parsed,
});

describe("dispatch", () => {
  it("ignores senders other than this extension", async () => {
    const { deps } = setup();
    expect(await dispatch(parsedMsg(list), { id: "someone-else" }, EXT, deps)).toBeUndefined();
    expect(await dispatch(parsedMsg(list), {}, EXT, deps)).toBeUndefined();
  });

  it("answers a content script only from an Upwork page, and only about its own tab", async () => {
    const { deps } = setup();
    const fromPage = (message: unknown, url: string) => dispatch(message, { id: EXT, url, tab: { id: 7 } }, EXT, deps);
    expect(await fromPage(parsedMsg(list), "https://www.upwork.com/nx/proposals/")).toMatchObject({ ok: true });
    expect(await fromPage(parsedMsg(list), "https://evil.example/nx/proposals/")).toEqual({
      ok: false,
      error: "not an Upwork page",
    });
    // Another tab's page, or the latest Upwork tab, are for the extension's own pages.
    expect(await fromPage({ type: "get-tab-page", tabId: 3 }, "https://www.upwork.com/nx/proposals/")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not available to pages/),
    });
    expect(
      await fromPage({ type: "get-page-report", tab: "latest" }, "https://www.upwork.com/nx/proposals/"),
    ).toMatchObject({ ok: false });
    // The popup opened as a tab is an extension page.
    expect(
      await dispatch(
        { type: "get-tab-page", tabId: 7 },
        { id: EXT, url: `chrome-extension://${EXT}/src/popup/index.html`, tab: { id: 9 } },
        EXT,
        deps,
      ),
    ).toMatchObject({ ok: true });
  });

  it("schedules the badge's next recount at the earliest pending reply-by, and cancels it when none is pending", async () => {
    const { deps, send } = setup();
    const at: Array<number | null> = [];
    deps.recountAt = async (when) => void at.push(when);
    await send(parsedMsg(list));
    // Row 2 was received 23 h ago: its 24 hours end first, in one hour.
    expect(at.at(-1)).toBe(NOW.getTime() + 60 * 60_000);
    for (const id of ["1", "2"]) await send({ type: "set-invitation-state", id, state: "declined" });
    expect(at.at(-1)).toBeNull();
  });

  it("refuses an invalid request with a message naming the field", async () => {
    const { send } = setup();
    expect(await send({ type: "page-parsed", url: "x", readAt: "yesterday", parsed: list })).toEqual({
      ok: false,
      error: expect.stringContaining("readAt"),
    });
    expect(await send({ type: "no-such-type" })).toMatchObject({ ok: false });
  });

  it("page-parsed with one figure out of range drops that field with a warning and still scores the page", async () => {
    const { send } = setup();
    const page = jobPage("~021111111111111111111", { client: { totalSpent: Infinity } });
    const reply = (await send(parsedMsg(page, "https://www.upwork.com/jobs/~021111111111111111111"))) as {
      ok: boolean;
      data: { fit: { score: number | null }; missing: string[] };
    };
    expect(reply.ok).toBe(true);
    expect(reply.data.missing).toContain("client.totalSpent");
    expect(reply.data.fit).not.toBeNull();
  });

  it("page-parsed on the invitations list: rows open to score, urgency per row, badge = pending within 24 h", async () => {
    const { send, badge } = setup();
    const reply = await send(parsedMsg(list));
    expect(reply).toMatchObject({ ok: true });
    const data = (
      reply as {
        ok: true;
        data: { invitations: Array<{ id: string; fit: number | null; urgency: { level: string } }> };
      }
    ).data;
    expect(data.invitations.map((r) => [r.id, r.fit, r.urgency.level])).toEqual([
      ["1", null, "today"], // 22.5 h left, no longer fresh: inside the window, today
      ["2", null, "now"], // 1 h left
      ["3", null, "low"], // window over
    ]);
    expect(badge.at(-1)).toBe("2");
  });

  it("sends the user's decline threshold with the page's score, for the page's colour bands", async () => {
    const { send, deps } = setup();
    const reply = async () => ((await send(parsedMsg(list))) as { data: { declineBelow: number } }).data.declineBelow;
    expect(await reply()).toBe(userSettings().scoring.thresholds.declineBelow);
    const strict = userSettings();
    strict.scoring.thresholds.declineBelow = 65;
    deps.settings = async () => strict;
    expect(await reply()).toBe(65);
  });

  it("after opening an invitation the list row has its fit; replying clears it from the badge", async () => {
    const { send, badge } = setup();
    await send(parsedMsg(list));
    const page = invitationPage(invitationRecord("1", { client: client({ paymentVerified: true }) }));
    const opened = await send(parsedMsg(page, "https://www.upwork.com/nx/proposals/interview/uid/1"));
    expect(opened).toMatchObject({
      ok: true,
      data: {
        fit: { score: 100 },
        urgency: { level: "today", replyBy: "2026-01-11T10:30:00.000Z" },
        invitations: null,
        missing: [],
      },
    });
    const again = await send(parsedMsg(list));
    expect((again as { ok: true; data: { invitations: Array<{ fit: number | null }> } }).data.invitations[0]!.fit).toBe(
      100,
    );
    expect(await send({ type: "set-invitation-state", id: "1", state: "replied" })).toEqual({
      ok: true,
      data: { id: "1", pending: 1 },
    });
    expect(badge.at(-1)).toBe("1");
    await send({ type: "set-invitation-state", id: "2", state: "declined" });
    expect(badge.at(-1)).toBe("");
  });

  it("a list row whose job page was read gets that page's full fit (joined by the job's uid); others a provisional one", async () => {
    const { send } = setup();
    const uid = "1936874668311707737";
    await send(
      parsedMsg(
        jobPage(`~02${uid}`, { client: { paymentVerified: true, hireRate: 90, jobsPosted: 20 } }),
        `https://www.upwork.com/jobs/~02${uid}`,
      ),
    );
    const rows = [
      { ...item("1", iso(90)), jobUid: uid },
      { ...item("2", iso(90)), client: { paymentVerified: false, totalSpent: 0, hires: 0 } },
    ];
    const reply = await send(parsedMsg(invitationsPage(rows)));
    const data = (reply as { ok: true; data: PageParsedReply }).data;
    expect(data.invitations!.map((r) => r.detail?.provisional)).toEqual([false, true]);
    expect(data.invitations![0]!.detail!.fit.factors.find((f) => f.id === "hireRate")!.weight).toBeGreaterThan(0);
    expect(data.invitations![1]!.detail!.fit.flags.map((f) => f.id)).toContain("payment-unverified");
  });

  it("the job page of an opened invitation runs on that invitation's 24-hour clock; another job has none", async () => {
    const { send } = setup();
    await send(parsedMsg(list));
    const page = invitationPage(invitationRecord("1", { job: job({ ciphertext: "~021111" }) }));
    await send(parsedMsg(page, "https://www.upwork.com/nx/proposals/interview/uid/1"));
    const linked = await send(parsedMsg(jobPage("~021111"), "https://www.upwork.com/jobs/~021111"));
    // Row 1 was received 90 minutes before NOW: reply by received + 24 h.
    expect(linked).toMatchObject({ ok: true, data: { urgency: { replyBy: "2026-01-11T10:30:00.000Z" } } });
    const other = await send(parsedMsg(jobPage("~022222"), "https://www.upwork.com/jobs/~022222"));
    expect(other).toMatchObject({ ok: true, data: { urgency: { replyBy: null } } });
  });

  it("page-parsed hands every page to noteParsed (diagnostics of fields not found, skills seen)", async () => {
    const { deps, send } = setup();
    const noted: Array<[string, string[], string]> = [];
    deps.noteParsed = async (parsed, at) => void noted.push([parsed.kind, parsed.missing, at.toISOString()]);
    await send(parsedMsg({ ...list, missing: ["invitations.count"] }));
    expect(noted).toEqual([["invitations", ["invitations.count"], NOW.toISOString()]]);
  });

  it("get-tab-page: the tab's page, else the last invitation opened, else null", async () => {
    const { send } = setup();
    expect(await send({ type: "get-tab-page", tabId: 9 })).toEqual({ ok: true, data: null });
    const page = invitationPage(invitationRecord("4", { client: client({ totalSpent: 1000 }) }));
    await send(parsedMsg(page, "https://www.upwork.com/nx/proposals/interview/uid/4"), 3);
    await send(parsedMsg(list), 5);
    expect(await send({ type: "get-tab-page", tabId: 5 })).toMatchObject({
      ok: true,
      data: { source: "tab", parsed: { kind: "invitations" }, fit: null },
    });
    expect(await send({ type: "get-tab-page", tabId: 3 })).toMatchObject({
      ok: true,
      data: { source: "tab", fit: { score: 60 } },
    });
    expect(await send({ type: "get-tab-page", tabId: 9 })).toMatchObject({
      ok: true,
      data: {
        source: "last-invitation",
        url: "https://www.upwork.com/nx/proposals/interview/uid/4",
        fit: { score: 60 },
      },
    });
  });
});

describe("get-page-report", () => {
  /** A reportPage that answers for the tabs given (others are closed or left Upwork) and records its calls. */
  function reporting(open: number[]) {
    const calls: Array<[number, unknown]> = [];
    const reportPage = async (tabId: number, health: unknown) => {
      calls.push([tabId, health]);
      if (!open.includes(tabId)) throw new Error("No tab with id");
      return `<!-- report of tab ${tabId} -->`;
    };
    return { calls, reportPage };
  }

  it("the panel's: reports the sender's own tab, with the field names of its last parse", async () => {
    const { deps, send } = setup();
    const { calls, reportPage } = reporting([3]);
    deps.reportPage = reportPage;
    const page = invitationPage(invitationRecord("4"));
    await send(
      parsedMsg({ ...page, missing: ["client.city"] }, "https://www.upwork.com/nx/proposals/interview/uid/4"),
      3,
    );
    expect(await send({ type: "get-page-report", tab: "sender" }, 3)).toEqual({
      ok: true,
      data: { report: "<!-- report of tab 3 -->" },
    });
    expect(calls).toEqual([
      [
        3,
        expect.objectContaining({
          kind: "invitation",
          url: "https://www.upwork.com/nx/proposals/interview/uid/4",
          missing: ["client.city"],
        }),
      ],
    ]);
    // No parse in the tab yet: the page is still reported, without field health.
    expect(await send({ type: "get-page-report", tab: "sender" }, 7)).toMatchObject({ ok: false });
    expect(calls.at(-1)).toEqual([7, null]);
  });

  it("the options page's: the most recently read Upwork tab still open, else says none is", async () => {
    const { deps, send } = setup();
    const { calls, reportPage } = reporting([3]);
    deps.reportPage = reportPage;
    expect(await send({ type: "get-page-report", tab: "latest" }, 99)).toEqual({
      ok: false,
      error: "No Upwork page is open. Open the page to report, then try again.",
    });
    await send(parsedMsg(list), 3);
    deps.now = () => new Date(NOW.getTime() + 60_000);
    await send(parsedMsg(jobPage("~021111"), "https://www.upwork.com/jobs/~021111"), 5);
    // Tab 5 read last, but closed since: tab 3 is reported.
    expect(await send({ type: "get-page-report", tab: "latest" }, 99)).toEqual({
      ok: true,
      data: { report: "<!-- report of tab 3 -->" },
    });
    expect(calls.map(([tab]) => tab)).toEqual([5, 3]);
  });

  it("is refused where the background cannot inject (no reportPage)", async () => {
    const { send } = setup();
    expect(await send({ type: "get-page-report", tab: "sender" })).toEqual({
      ok: false,
      error: "page reports are not available here",
    });
    expect(await send({ type: "get-page-report", tab: "elsewhere" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("tab"),
    });
  });
});

describe("sendToBackground", () => {
  it("refuses an invalid request without sending it", async () => {
    const transport = vi.fn();
    const reply = await sendToBackground({ type: "set-invitation-state", id: "abc", state: "replied" }, transport);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("id") });
    expect(transport).not.toHaveBeenCalled();
  });

  it("validates the reply: good data passes, malformed data and failures become errors", async () => {
    const good = await sendToBackground({ type: "set-invitation-state", id: "1", state: "replied" }, async () => ({
      ok: true,
      data: { id: "1", pending: 0 },
    }));
    expect(good).toEqual({ ok: true, data: { id: "1", pending: 0 } });
    const bad = await sendToBackground({ type: "set-invitation-state", id: "1", state: "replied" }, async () => ({
      ok: true,
      data: { id: "1" },
    }));
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining("pending") });
    const none = await sendToBackground({ type: "get-tab-page", tabId: 1 }, async () => undefined);
    expect(none.ok).toBe(false);
    const thrown = await sendToBackground({ type: "get-tab-page", tabId: 1 }, async () => {
      throw new Error("Receiving end does not exist.");
    });
    expect(thrown).toEqual({ ok: false, error: "Receiving end does not exist." });
  });

  it("round-trips through dispatch", async () => {
    const { send } = setup();
    const reply = await sendToBackground(
      { type: "page-parsed", url: "https://www.upwork.com/nx/proposals/", readAt: NOW.toISOString(), parsed: list },
      (m) => send(m),
    );
    expect(reply.ok && reply.data.invitations?.length).toBe(3);
  });
});
