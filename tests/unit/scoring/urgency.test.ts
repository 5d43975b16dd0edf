/** Urgency tables: every level and every receipt-time case, hand-computed against a fixed clock. */
import { describe, expect, it } from "vitest";
import { invitationUrgency, replyByOf, urgencyFor, type UrgencyInput } from "../../../src/scoring/urgency";
import { activity, invitationRecord, item, userSettings } from "../../fixtures/scoring/builders";
import { inZone } from "../zone";

const NOW = new Date("2026-01-10T12:00:00.000Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const base: UrgencyInput = {
  invitation: true,
  receivedAt: null,
  firstSeenAt: null,
  status: "pending",
  activity: null,
  state: null,
  fit: null,
};
const u = (over: Partial<UrgencyInput>) => urgencyFor({ ...base, ...over }, userSettings(), NOW);

describe("levels from the 24-hour clock", () => {
  const rows: Array<[string, Partial<UrgencyInput>, string, string | null]> = [
    [
      "received 2 h ago: 22 h left, inside the window: today",
      { receivedAt: ago(120) },
      "today",
      "2026-01-11T10:00:00.000Z",
    ],
    ["received 13 h ago: 11 h left", { receivedAt: ago(13 * 60) }, "today", "2026-01-10T23:00:00.000Z"],
    ["received 22 h ago: 2 h left (≤ 3)", { receivedAt: ago(22 * 60) }, "now", "2026-01-10T14:00:00.000Z"],
    ["received 25 h ago: window over (late)", { receivedAt: ago(25 * 60) }, "low", "2026-01-10T11:00:00.000Z"],
    ["received 30 min ago: fresh raises today → now", { receivedAt: ago(30) }, "now", "2026-01-11T11:30:00.000Z"],
    [
      "client viewed 10 min ago (active now) raises today → now",
      { receivedAt: ago(120), activity: activity({ lastViewedAt: ago(10) }) },
      "now",
      "2026-01-11T10:00:00.000Z",
    ],
    [
      "active and interviewing raise soon → now",
      { receivedAt: ago(120), activity: activity({ lastViewedAt: ago(10), interviewing: 1 }) },
      "now",
      "2026-01-11T10:00:00.000Z",
    ],
    [
      "viewed 2 h ago is not active",
      { receivedAt: ago(120), activity: activity({ lastViewedAt: ago(120) }) },
      "today",
      "2026-01-11T10:00:00.000Z",
    ],
    [
      "window over, client active: still late (low), never raised to look on time",
      { receivedAt: ago(25 * 60), activity: activity({ lastViewedAt: ago(5) }) },
      "low",
      "2026-01-10T11:00:00.000Z",
    ],
    ["no receipt time: 24 h from first seen", { firstSeenAt: ago(60) }, "today", "2026-01-11T11:00:00.000Z"],
    ["nothing known: reply within the day", {}, "today", null],
    [
      "declined (state)",
      { receivedAt: ago(60), state: { firstSeenAt: ago(60), openedAt: null, replied: false, declined: true } },
      "closed",
      "2026-01-11T11:00:00.000Z",
    ],
    [
      "replied (state)",
      { receivedAt: ago(60), state: { firstSeenAt: ago(60), openedAt: null, replied: true, declined: false } },
      "closed",
      "2026-01-11T11:00:00.000Z",
    ],
    ["accepted (page)", { receivedAt: ago(60), status: "accepted" }, "closed", "2026-01-11T11:00:00.000Z"],
    ["expired (page)", { status: "expired" }, "closed", null],
    ["already hired", { receivedAt: ago(60), activity: activity({ hires: 1 }) }, "closed", "2026-01-11T11:00:00.000Z"],
    ["job page, no invitation", { invitation: false, status: null }, "low", null],
    [
      "job posted 10 min ago, client active: low → today",
      { invitation: false, status: null, postedAt: ago(10), activity: activity({ lastViewedAt: ago(3) }) },
      "today",
      null,
    ],
  ];
  it.each(rows)("%s → %s", (_name, over, level, replyBy) => {
    expect(u(over)).toMatchObject({ level, replyBy });
  });

  // A date-only receipt: Upwork's list prints the date in the user's zone, so the window counts from
  // that day's midnight there, the earliest it can have started: the deadline is the end of that day.
  it.each([
    ["UTC", "2026-01-10", "today", "2026-01-11T00:00:00.000Z"], // 12 h left
    ["UTC", "2026-01-09", "low", "2026-01-10T00:00:00.000Z"], // over
    // Auckland (UTC+13 in January): Jan 10 ended at 11:00 UTC; NOW (12:00 UTC) is already Jan 11 there.
    ["Pacific/Auckland", "2026-01-10", "low", "2026-01-10T11:00:00.000Z"],
    ["Pacific/Auckland", "2026-01-11", "today", "2026-01-11T11:00:00.000Z"], // 23 h left
    ["America/Los_Angeles", "2026-01-10", "today", "2026-01-11T08:00:00.000Z"], // UTC−8: 20 h left
  ])("date only, in %s: received %s → %s, reply by %s (the end of that day there)", (zone, day, level, replyBy) => {
    expect(inZone(zone, () => u({ receivedAt: day }))).toMatchObject({ level, replyBy });
  });

  it("a date-only receipt counts from the user's own midnight, so the deadline is never later than Upwork's", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Australia/Sydney"; // UTC+11 in March: midnight of Mar 6 there is Mar 5, 13:00 UTC
    try {
      expect(
        urgencyFor({ ...base, receivedAt: "2026-03-06" }, userSettings(), new Date("2026-03-06T10:00:00Z")).replyBy,
      ).toBe("2026-03-06T13:00:00.000Z");
    } finally {
      process.env.TZ = saved;
    }
  });

  it("says a pending invitation past its window is late, with what a reply still does", () => {
    const late = u({ receivedAt: ago(30 * 60) });
    expect(late.reasons[1]).toBe("24 h passed 6 h ago: a reply still reaches the client, no longer on time.");
    expect(late.reasonCodes[1]).toEqual({ code: "late", params: { hours: 24, endedAt: "2026-01-10T06:00:00.000Z" } });
  });

  it("returns each reason as a code with ISO times and numbers, beside its English words", () => {
    const r = inZone("UTC", () => u({ receivedAt: ago(180), activity: activity({ interviewing: 2 }), fit: 20 }));
    expect(r.reasonCodes).toEqual([
      {
        code: "window-received",
        params: { hours: 24, receivedAt: "2026-01-10T09:00:00.000Z", replyBy: "2026-01-11T09:00:00.000Z" },
      },
      { code: "time-left", params: { replyBy: "2026-01-11T09:00:00.000Z" } },
      { code: "interviewing", params: { count: 2 } },
      { code: "low-fit", params: { fit: 20 } },
    ]);
    expect(r.reasons).toHaveLength(r.reasonCodes.length);
    // The English words read like a person's, in the runtime's zone (UTC here): no ISO string.
    expect(r.reasons[0]).toBe(
      "Received today 09:00 AM · reply by tomorrow 09:00 AM (in 21 h). Upwork counts 24 h from the invitation (Ignore does not count as a reply).",
    );
    expect(r.reasons[1]).toBe("21 h left to reply.");
    for (const text of r.reasons) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
  });

  it("says when the time is approximate or borrowed", () => {
    expect(u({ receivedAt: "2026-01-10" }).reasons[0]).toContain("approximate");
    expect(u({ firstSeenAt: ago(60) }).reasons[0]).toContain("may be earlier");
    expect(u({ receivedAt: ago(120) }).reasons[0]).toContain("Ignore does not count");
  });
});

describe("suggested action", () => {
  it("a low fit gets 'decline politely', a good one 'reply'", () => {
    const low = u({ receivedAt: ago(120), fit: 25 });
    expect(low.suggestedAction).toBe("decline");
    expect(low.reasons.at(-1)).toContain("decline politely");
    expect(u({ receivedAt: ago(120), fit: 70 }).suggestedAction).toBe("reply");
    expect(u({ receivedAt: ago(120) }).suggestedAction).toBeUndefined();
  });
});

describe("invitationUrgency (list rows)", () => {
  const settings = userSettings();
  it("uses the row's receipt time and the cached page's status", () => {
    const row = item("111", ago(120));
    expect(invitationUrgency(row, null, null, settings, NOW)).toMatchObject({
      id: "111",
      level: "today",
      replyBy: "2026-01-11T10:00:00.000Z",
    });
    const declined = { record: invitationRecord("111", { status: "declined" }), readAt: ago(30), missing: [] };
    expect(invitationUrgency(row, declined, null, settings, NOW).level).toBe("closed");
  });
  it("scores the cached page for the suggested action", () => {
    const poor = {
      record: invitationRecord("222", { client: { ...invitationRecord("2").client, paymentVerified: false } }),
      readAt: ago(30),
      missing: [],
    };
    const r = invitationUrgency(item("222", ago(120)), poor, null, settings, NOW);
    expect(r.suggestedAction).toBe("decline");
  });
});

describe("replyByOf (the toolbar count's deadline)", () => {
  it("gives urgencyFor's reply-by for an exact receipt, a receipt day, first seen only, and nothing known", () => {
    const cases: Array<Pick<UrgencyInput, "receivedAt" | "firstSeenAt">> = [
      { receivedAt: ago(120), firstSeenAt: ago(10) },
      { receivedAt: "2026-01-09", firstSeenAt: ago(10) },
      { receivedAt: null, firstSeenAt: ago(300) },
      { receivedAt: null, firstSeenAt: null },
    ];
    for (const clock of cases) {
      const replyBy = u({ ...clock, status: null }).replyBy;
      expect(replyByOf(clock, userSettings().scoring.urgency.replyWindowHours)).toBe(
        replyBy === null ? null : Date.parse(replyBy),
      );
    }
    expect(replyByOf({ receivedAt: ago(120), firstSeenAt: null }, 24)).toBe(Date.parse("2026-01-11T10:00:00.000Z"));
  });
});
