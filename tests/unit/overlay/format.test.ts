import { describe, expect, it } from "vitest";
import {
  factorShare,
  fieldLabel,
  fitHook,
  factorBar,
  fitTone,
  missingLine,
  timeLeft,
  urgencyLine,
} from "../../../src/content/overlay/format";

const NOW = new Date("2026-03-09T12:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MIN = 60_000;
const H = 60 * MIN;

describe("timeLeft", () => {
  it.each([
    [at(3 * H + 59 * MIN), "reply in 3 h"], // floors: never promises more time than is left
    [at(24 * H), "reply in 24 h"],
    [at(47 * H), "reply in 47 h"],
    [at(50 * H), "reply in 2 d"],
    [at(59 * MIN + 59_000), "reply in 59 min"],
    // From an hour on, the background's rule ("21 h left to reply."): round to the minute, then floor hours.
    [at(20 * H + 59 * MIN + 45_000), "reply in 21 h"],
    [at(20 * H + 59 * MIN + 15_000), "reply in 20 h"],
    [at(20_000), "reply in 1 min"],
    [at(0), "past 24 h"],
    [at(-5 * H), "past 24 h"],
  ])("%s → %s", (replyBy, expected) => expect(timeLeft(replyBy, NOW)).toBe(expected));

  it("is null without a reply-by time or with a bad one", () => {
    expect(timeLeft(null, NOW)).toBeNull();
    expect(timeLeft("soon", NOW)).toBeNull();
  });
});

describe("fit hook and tone", () => {
  it.each([
    [null, "unknown", "none"],
    [undefined, "unknown", "none"],
    [0, "0", "poor"],
    [39.9, "40", "poor"], // under the default decline threshold (40)
    [40, "40", "fair"],
    [69.4, "69", "fair"],
    [70, "70", "good"],
    [100, "100", "good"],
    [Number.NaN, "unknown", "poor"],
  ] as const)("%s → %s, %s", (score, hook, tone) => {
    expect(fitHook(score)).toBe(hook);
    if (!Number.isNaN(score)) expect(fitTone(score)).toBe(tone);
  });
  it("bands follow the user's decline threshold: poor under it, good from halfway to 100", () => {
    // A strict user (decline under 60): 55 is poor, 79 fair, 80 good.
    expect([55, 60, 79, 80].map((s) => fitTone(s, 60))).toEqual(["poor", "fair", "fair", "good"]);
    // A lenient one (decline under 20): 25 is already fair, 60 good.
    expect([19, 25, 59, 60].map((s) => fitTone(s, 20))).toEqual(["poor", "fair", "fair", "good"]);
    expect(fitTone(null, 60)).toBe("none");
  });
  it("draws a factor's bar as long as its weight against the heaviest, filled by its points", () => {
    expect(factorBar(12, 20, 25)).toEqual({ track: "80%", fill: "60%" });
    expect(factorBar(25, 25, 25)).toEqual({ track: "100%", fill: "100%" });
    expect(factorBar(0, 0, 25)).toEqual({ track: "0%", fill: "0%" });
  });
  it("clamps to 0..100", () => {
    expect(fitHook(120)).toBe("100");
    expect(fitHook(-3)).toBe("0");
  });
});

describe("unread fields", () => {
  it("names the last segment of a dotted path in words", () => {
    expect(fieldLabel("client.totalSpent")).toBe("total spent");
    expect(fieldLabel("job.budget")).toBe("budget");
    expect(fieldLabel("invitations[2].receivedAt")).toBe("received at");
    expect(fieldLabel("activity")).toBe("activity");
  });
  it('lists distinct labels after "couldn\'t read:"', () => {
    expect(
      missingLine(["client.totalSpent", "client.hireRate", "invitations[0].profile", "invitations[1].profile"]),
    ).toBe("couldn't read: total spent, hire rate, profile");
    expect(missingLine([])).toBeNull();
  });
  it("shows a factor's share as points of weight", () => {
    expect(factorShare(7.94, 21.53)).toBe("7.9 of 21.5");
    expect(factorShare(0, 0)).toBe("0 of 0");
  });
});

describe("urgencyLine", () => {
  const now = new Date("2026-01-10T12:00:00.000Z");
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
  it("reads a pending invitation past its window as late, a job page's low as no rush", () => {
    expect(urgencyLine({ level: "today", replyBy: at(21), reasons: [], reasonCodes: [] }, now)).toBe(
      "Reply today · reply in 21 h",
    );
    expect(urgencyLine({ level: "now", replyBy: at(1), reasons: [], reasonCodes: [] }, now)).toBe(
      "Reply now · reply in 1 h",
    );
    expect(urgencyLine({ level: "low", replyBy: at(-6), reasons: [], reasonCodes: [] }, now)).toBe(
      "Late · 24 h passed",
    );
    expect(urgencyLine({ level: "low", replyBy: null, reasons: [], reasonCodes: [] }, now)).toBe("No rush");
    expect(urgencyLine({ level: "closed", replyBy: at(-6), reasons: [], reasonCodes: [] }, now)).toBe("Closed");
  });
});
