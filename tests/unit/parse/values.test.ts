/** The value grammar, with the real formats of REFERENCE.md §4. */
import { describe, expect, it } from "vitest";
import * as v from "../../../src/content/parse/values";

const NOW = new Date("2025-12-11T10:03:18Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000,
  HOUR = 60 * MIN,
  DAY = 24 * HOUR;

const table = <I, O>(name: string, fn: (i: I) => O, rows: [I, O][]) =>
  describe(name, () => {
    for (const [input, out] of rows)
      it(`${JSON.stringify(input)} → ${JSON.stringify(out)}`, () => expect(fn(input)).toEqual(out));
  });

table("parseMoney", v.parseMoney, [
  ["$11K", 11000],
  ["$10K+", 10000],
  ["$3.8K", 3800],
  ["$1.2M", 1200000],
  ["$12,500", 12500],
  ["$5.00", 5],
  ["$450", 450],
  [" $786.66 ", 786.66],
  ["$0", 0],
  ["$1,2", null],
  ["no money", null],
  ["", null],
  ["$", null],
]);
table("parseTotalSpent", v.parseTotalSpent, [
  ["$11K total spent", 11000],
  ["$10K+ spent", 10000],
  ["$3.8K", null],
  ["total spent", null],
]);
table("parseMoneyRange", v.parseMoneyRange, [
  ["$20.00 - $40.00", { min: 20, max: 40 }],
  ["Client’s budget: $20.00 - $40.00", { min: 20, max: 40 }],
  ["Hourly: $15.00 - $30.00", { min: 15, max: 30 }],
  ["$20.00 to $40.00", { min: 20, max: 40 }],
  ["$20.00", { min: 20, max: null }],
  ["-", null],
]);
table("parsePercent", v.parsePercent, [
  ["68% hire rate", 68],
  ["0% hire rate", 0],
  ["100%", 100],
  ["140%", null],
  ["68", null],
]);
table("parseCount", v.parseCount, [
  ["11,955 hours", 11955],
  ["157 hours", 157],
  ["0", 0],
  ["4.5", null],
  ["none", null],
]);
table("parseHireRate", v.parseHireRate, [
  ["68% hire rate, 1 open job", { hireRate: 68, openJobs: 1 }],
  ["89% hire rate, 4 open jobs", { hireRate: 89, openJobs: 4 }],
  ["0% hire rate, 1 open job", { hireRate: 0, openJobs: 1 }],
  ["75% hire rate", { hireRate: 75, openJobs: null }],
  ["hire rate", null],
]);
table("parseHires", v.parseHires, [
  ["19 hires, 7 active", { hires: 19, active: 7 }],
  ["168 hires, 32 active", { hires: 168, active: 32 }],
  ["1 hire", { hires: 1, active: null }],
  ["hires", null],
]);
table("parseAvgHourly", v.parseAvgHourly, [
  ["$5.00 /hr avg hourly rate paid", 5],
  ["$24.70 /hr avg hourly rate paid", 24.7],
  ["$5.00 /hr", null],
]);
table("parseReviews", v.parseReviews, [
  ["4.28 of 7 reviews", { rating: 4.28, reviews: 7 }],
  ["4.92 of 104 reviews", { rating: 4.92, reviews: 104 }],
  ["4.3", null],
]);
table("parseRating", v.parseRating, [
  ["Rating is 4.3 out of 5.", 4.3],
  [" 1.0 ", 1],
  ["7.5", null],
  ["2 stars", null],
]);
table("parseAbsoluteDate", v.parseAbsoluteDate, [
  ["Member since Jul 7, 2014", "2014-07-07"],
  ["Posted Dec 10, 2025", "2025-12-10"],
  ["Received Feb 28, 2026", "2026-02-28"],
  ["Member since Aug 11, 2026", "2026-08-11"],
  ["September 3, 2025", "2025-09-03"],
  ["Feb 30, 2025", null],
  ["Apr 2025", null],
]);
table("parseRelativeTime", (s: string) => v.parseRelativeTime(s, NOW), [
  ["just now", ago(0)],
  ["4 minutes ago", ago(4 * MIN)],
  ["8 minutes ago", ago(8 * MIN)],
  ["2 hours ago", ago(2 * HOUR)],
  ["an hour ago", ago(HOUR)],
  ["yesterday", ago(DAY)],
  ["2 days ago", ago(2 * DAY)],
  ["last week", ago(7 * DAY)],
  ["3 weeks ago", ago(21 * DAY)],
  ["last month", ago(30 * DAY)],
  ["2 months ago", ago(60 * DAY)],
  ["soon", null],
  ["Dec 10, 2025", null],
]);
table("parseDateOrRelative", (s: string) => v.parseDateOrRelative(s, NOW), [
  ["Dec 10, 2025", "2025-12-10"],
  ["8 minutes ago", ago(8 * MIN)],
  ["", null],
]);
table("parseProposalsTier", v.parseProposalsTier, [
  ["Less than 5", { min: 0, max: 4 }],
  ["5 to 10", { min: 5, max: 10 }],
  ["10 to 15", { min: 10, max: 15 }],
  ["20 to 50", { min: 20, max: 50 }],
  ["50+", { min: 50, max: null }],
  ["Proposals: 5 to 10", { min: 5, max: 10 }],
  ["5 to 1x", null],
  ["10 to 5", null],
  ["Less than", null],
]);
table("parseDuration", v.parseDuration, [
  ["Less than 1 month", "less-than-1-month"],
  ["< 1 month", "less-than-1-month"],
  ["1 to 3 months", "1-3-months"],
  ["1-3 months", "1-3-months"],
  ["3 to 6 months", "3-6-months"],
  ["More than 6 months", "more-than-6-months"],
  ["6+ months", "more-than-6-months"],
  ["Duration", null],
]);
table("parseHoursPerWeek", v.parseHoursPerWeek, [
  ["Less than 30 hrs/week", "less-than-30"],
  ["More than 30 hrs/week", "more-than-30"],
  ["30+ hrs/week", "more-than-30"],
  ["Hours to be determined", "tbd"],
  ["Hourly", null],
]);
table("parseExperience", v.parseExperience, [
  ["Entry level", "entry"],
  ["Intermediate", "intermediate"],
  ["Expert", "expert"],
  ["Experience level", null],
  ["Expert needed", null],
]);
table("parseConnects", v.parseConnects, [
  ["Send a proposal for: 14 Connects", 14],
  ["This proposal requires 10 Connects", 10],
  ["1 Connect", 1],
  ["Connects: many", null],
]);
table("parseNewInvitations", v.parseNewInvitations, [
  ["1 new invitation to interview", 1],
  ["3 new invitations to apply", 3],
  ["2 new invites", 2],
  ["new invitation", null],
]);
table("parseBidRange", v.parseBidRange, [
  ["Bid range - High $70.00 | Avg $42.73 | Low $30.00", { high: 70, avg: 42.73, low: 30 }],
  ["High $70.00", null],
]);
table("parseParenCount", v.parseParenCount, [
  ["Invites from clients (3)", 3],
  ["(0)", 0],
  ["Invites from clients", null],
]);
table("parseCharsLeft", v.parseCharsLeft, [
  ["3792 characters left", 3792],
  ["5,000 characters left", 5000],
  ["characters left", null],
]);
table("clean", v.clean, [
  ["  a \n b  ", "a b"],
  ["   ", null],
  [null, null],
]);
