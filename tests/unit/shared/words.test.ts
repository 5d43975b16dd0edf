/**
 * The catalogue and its formatters: moments relative when near and absolute otherwise, in the
 * runtime's own zone (a non-UTC one included) and the reader's locale; money through Intl; every
 * reason code in words with no ISO string left.
 */
import { describe, expect, it } from "vitest";
import { calendarDay, money, moment, monthYear } from "../../../src/shared/intl";
import { durationWords, reasonWords, relativeWords } from "../../../src/shared/words";
import { reasonLines, timeLeft } from "../../../src/shared/urgency-words";
import { urgencyFor } from "../../../src/scoring/urgency";
import { activity, userSettings } from "../../fixtures/scoring/builders";
import { inZone } from "../zone";

const NOW = new Date("2026-12-02T21:00:00.000Z");
const GB = { locale: "en-GB" };

describe("moment", () => {
  it("says today, tomorrow and yesterday with the locale's clock, in UTC", () =>
    inZone("UTC", () => {
      expect(moment("2026-12-02T00:32:33.701Z", NOW, GB)).toBe("today 00:32");
      expect(moment("2026-12-03T00:32:33.701Z", NOW, GB)).toBe("tomorrow 00:32");
      expect(moment("2026-12-01T23:10:00.000Z", NOW, GB)).toBe("yesterday 23:10");
      expect(moment("2026-12-03T00:32:33.701Z", NOW, { locale: "en-US" })).toBe("tomorrow 12:32 AM");
      expect(moment("2026-12-03T00:32:33.701Z", NOW, { locale: "de-DE" })).toBe("morgen 00:32");
    }));

  it("is absolute (weekday, date, time) beyond a day away", () =>
    inZone("UTC", () => {
      expect(moment("2026-11-29T14:05:00.000Z", NOW, GB)).toBe("Sun 29 Nov, 14:05");
      expect(moment("2026-12-05T08:00:00.000Z", NOW, { locale: "en-US" })).toBe("Sat, Dec 5, 08:00 AM");
    }));

  it("reads the time and the day in the runtime's zone: Auckland is 13 h ahead of UTC in December", () =>
    inZone("Pacific/Auckland", () => {
      // 21:00 UTC on Dec 2 is 10:00 on Dec 3 in Auckland; 00:32 UTC on Dec 3 is 13:32 there, the same day.
      expect(moment("2026-12-03T00:32:33.701Z", NOW, GB)).toBe("today 13:32");
      expect(moment("2026-12-02T00:32:33.701Z", NOW, GB)).toBe("yesterday 13:32");
      expect(moment("2026-12-03T11:30:00.000Z", NOW, GB)).toBe("tomorrow 00:30");
    }));

  it("says nothing for a time it cannot read, rather than a wrong one", () => {
    expect(moment("not a time", NOW)).toBe("");
  });
});

describe("calendarDay and monthYear", () => {
  it("names a date-only day relative to the reader's today, else by weekday and date", () =>
    inZone("Pacific/Auckland", () => {
      expect(calendarDay("2026-12-03", NOW, GB)).toBe("today");
      expect(calendarDay("2026-12-02", NOW, GB)).toBe("yesterday");
      expect(calendarDay("2026-11-28", NOW, GB)).toBe("Sat 28 Nov");
    }));
  it("says when a client joined as a month and year, the same in every zone", () => {
    for (const zone of ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
      inZone(zone, () => expect(monthYear("2019-03-01", { locale: "en-US" })).toBe("Mar 2019"));
  });
});

describe("durations and relative times", () => {
  it("reads at a glance: minutes under an hour, whole hours under two days, then days", () => {
    expect(durationWords(25 * 60_000 + 20_000)).toBe("25 min");
    expect(durationWords(3 * 3_600_000)).toBe("3 h");
    expect(durationWords(3 * 3_600_000 + 59 * 60_000)).toBe("3 h");
    expect(durationWords(47 * 3_600_000 + 59 * 60_000 + 40_000)).toBe("2 d"); // rounds to 48 h 0 min
    expect(durationWords(5 * 24 * 3_600_000)).toBe("5 d");
    expect(durationWords(-5)).toBe("0 min");
  });
  it("is relative to now, ahead or past", () => {
    expect(relativeWords("2026-12-03T18:00:00.000Z", NOW)).toBe("in 21 h");
    expect(relativeWords("2026-12-02T19:00:00.000Z", NOW)).toBe("2 h ago");
  });
  it("names the same hour in the badge and in the reason (one rule)", () => {
    const replyBy = "2026-12-03T17:59:40.000Z"; // 20 h 59 min 40 s: both say 21 h
    expect(timeLeft(replyBy, NOW)).toBe("reply in 21 h");
    expect(reasonWords({ code: "time-left", params: { replyBy } }, NOW)).toBe("21 h left to reply.");
  });
});

describe("money", () => {
  it("formats US dollars in the reader's locale, cents only when there are some", () => {
    expect(money(11000, "auto", { locale: "en-US" })).toBe("$11,000");
    expect(money(37.5, "auto", { locale: "en-US" })).toBe("$37.50");
    expect(money(5, "always", { locale: "en-US" })).toBe("$5.00");
    expect(money(1499.6, "never", { locale: "en-US" })).toBe("$1,500");
    expect(money(11000, "auto", { locale: "de-DE" })).toBe("11.000\u00a0$");
    expect(money(11000, "auto", GB)).toBe("US$11,000");
  });
});

describe("reasons in words", () => {
  const settings = userSettings();
  const iso = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

  it('words the issue\'s case as a person reads it: "Received today 00:32 · reply by tomorrow 00:32 (in 21 h)"', () =>
    inZone("UTC", () => {
      const now = new Date("2026-12-02T03:32:33.701Z");
      const u = urgencyFor(
        {
          invitation: true,
          receivedAt: "2026-12-02T00:32:33.701Z",
          firstSeenAt: null,
          status: "pending",
          activity: null,
          state: null,
          fit: null,
        },
        settings,
        now,
      );
      const [receipt, left] = reasonLines(u, now, GB);
      expect(receipt).toBe(
        "Received today 00:32 · reply by tomorrow 00:32 (in 21 h). Upwork counts 24 h from the invitation (Ignore does not count as a reply).",
      );
      expect(left).toBe("21 h left to reply.");
      // Rendered later, the same codes follow the clock: the page's words stay true while it stays open.
      expect(reasonLines(u, new Date("2026-12-02T20:32:33.701Z"), GB)[1]).toBe("4 h left to reply.");
    }));

  it("renders every code with no ISO string, in a non-UTC zone too", () =>
    inZone("America/Los_Angeles", () => {
      const cases = [
        { receivedAt: "2026-12-02T20:00:00.000Z", activity: activity({ lastViewedAt: "2026-12-02T20:55:00.000Z" }) },
        { receivedAt: "2026-12-01", activity: activity({ lastViewedAt: "2026-11-28T10:00:00.000Z", interviewing: 3 }) },
        { receivedAt: "2026-11-30T08:00:00.000Z", activity: activity({ hires: 2 }) },
        { receivedAt: "2026-11-30T08:00:00.000Z", activity: null, fit: 12 },
        { receivedAt: null, firstSeenAt: "2026-12-02T10:00:00.000Z", activity: null },
        { receivedAt: null, activity: null },
      ];
      const seen = new Set<string>();
      for (const c of cases) {
        const u = urgencyFor(
          { invitation: true, firstSeenAt: null, status: "pending", state: null, fit: null, ...c },
          settings,
          NOW,
        );
        for (const [i, line] of reasonLines(u, NOW).entries()) {
          seen.add(u.reasonCodes[i]!.code);
          expect(line).not.toMatch(iso);
          expect(line).not.toBe(""); // every code the scorer returns is in the catalogue
          expect(reasonWords(u.reasonCodes[i]!, NOW)).toBe(line);
        }
      }
      expect([...seen].sort()).toEqual(
        [
          "client-active",
          "client-idle",
          "fresh-invitation",
          "hired",
          "interviewing",
          "late",
          "low-fit",
          "time-left",
          "window-first-seen",
          "window-received",
          "window-received-day",
          "window-unknown",
        ].sort(),
      );
    }));

  it("says how many freelancers the client already hired, in words", () => {
    expect(reasonWords({ code: "hired", params: { hires: 1 } }, NOW)).toBe(
      "The client has already hired a freelancer for this job.",
    );
    expect(reasonWords({ code: "hired", params: { hires: 3 } }, NOW)).toBe(
      "The client has already hired 3 freelancers for this job.",
    );
  });

  it("keeps the scorer's English sentence for a code it does not know", () => {
    const u = {
      level: "today" as const,
      replyBy: null,
      reasons: ["Some words."],
      reasonCodes: [{ code: "new-code", params: {} }],
    };
    expect(reasonLines(u, NOW)).toEqual(["Some words."]);
  });
});
