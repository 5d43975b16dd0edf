import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  draftTerms,
  fixedBid,
  hourlyRate,
  paymentKind,
  splitMilestones,
  estimateDuration,
} from "../../../src/drafting/terms";
import type { Client, Job } from "../../../src/shared/records";
import type { Settings } from "../../../src/shared/settings";
import { CLIENTS, JOBS, SETTINGS, job } from "../../fixtures/drafting/jobs";

describe("paymentKind", () => {
  it.each<[string, Job, Settings, string]>([
    ["hourly job → hourly whatever the preference", JOBS.rnInvite, SETTINGS.fixedPreferred, "hourly"],
    ["fixed job, milestone preference", JOBS.nextFixed, SETTINGS.dana, "milestone"],
    ["fixed job, fixed preference → by project", JOBS.nextFixed, SETTINGS.fixedPreferred, "fixed"],
    [
      "fixed job, hourly preference → milestone (Upwork has no hourly bid on a fixed job)",
      JOBS.nextFixed,
      { ...SETTINGS.dana, rates: { ...SETTINGS.dana.rates, preferredPayment: "hourly" } },
      "milestone",
    ],
    ["no budget → the preference", JOBS.noBudget, SETTINGS.fixedPreferred, "fixed"],
  ])("%s", (_name, j, settings, expected) => {
    expect(paymentKind(j, settings)).toBe(expected);
  });
});

describe("hourlyRate", () => {
  // The job's skills that "Mobile apps" (React Native, Expo.io) and the general profile share equally:
  // the specialized profile is then the best one (src/shared/best-profile.ts), as the fit panel says.
  const mobileJob = job({ ...JOBS.rnInvite, skills: ["React Native", "Expo.io", "Firebase"] });
  const noRateAnywhere: Settings = {
    ...SETTINGS.noRates,
    profile: { ...SETTINGS.noRates.profile, specializedProfiles: [] },
  };
  it.each<[string, Job, Client | null, Settings, number | null, RegExp | null]>([
    [
      "best specialized profile's rate, lowered to the top of the client's range",
      JOBS.rnInvite,
      CLIENTS.good,
      SETTINGS.dana,
      40,
      /top of it, \$40\/h/,
    ],
    [
      "kept above the range when the client has paid more",
      mobileJob,
      CLIENTS.generous,
      SETTINGS.dana,
      50,
      /paid \$70\/h on average/,
    ],
    [
      "raised to the bottom of the client's range",
      JOBS.magicWord,
      null,
      SETTINGS.dana,
      50,
      /bottom of the client's range/,
    ],
    [
      "range below the minimum: keeps the user's rate and says so",
      JOBS.lowHourly,
      null,
      SETTINGS.dana,
      45,
      /below your minimum of \$30\/h/,
    ],
    [
      "range below a higher minimum",
      JOBS.lowHourly,
      CLIENTS.cheap,
      SETTINGS.highMinimum,
      60,
      /below your minimum of \$55\/h/,
    ],
    [
      "no rate set, but the fitting specialized profile has one",
      mobileJob,
      null,
      SETTINGS.noRates,
      40,
      /“Mobile apps” profile/,
    ],
    [
      "the general profile's rate when it covers more of the job than the specialized one (as the panel says)",
      JOBS.rnInvite,
      CLIENTS.generous,
      SETTINGS.dana,
      45,
      null,
    ],
    ["no rate set anywhere: middle of the client's range", JOBS.rnInvite, null, noRateAnywhere, 30, /client's range/],
    ["no rate, no range: the client's average", JOBS.noBudget, CLIENTS.good, noRateAnywhere, 35, /pays on average/],
    ["nothing at all: no rate", JOBS.noBudget, null, SETTINGS.empty, null, /Set your hourly rate/],
  ])("%s", (_name, j, client, settings, rate, note) => {
    const result = hourlyRate(j, client, settings);
    expect(result.rate).toBe(rate);
    if (note) expect(result.notes.join(" ")).toMatch(note);
  });

  it("never goes below the minimum, even when the client's top is far below it", () => {
    const settings = { ...SETTINGS.dana, rates: { ...SETTINGS.dana.rates, hourly: 20, minimumHourly: 30 } };
    const j = job({ budget: { type: "hourly", min: 5, max: 10 } });
    expect(hourlyRate(j, CLIENTS.cheap, settings).rate).toBe(30);
  });

  it("holds rate ≥ minimum for any range, rate and client average", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 3, max: 300 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        fc.option(fc.integer({ min: 3, max: 300 }), { nil: null }),
        fc.option(fc.integer({ min: 3, max: 300 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
        (userRate, minimum, low, high, avg) => {
          const settings = {
            ...SETTINGS.empty,
            rates: {
              hourly: userRate,
              minimumHourly: minimum,
              minimumFixed: null,
              preferredPayment: "hourly" as const,
            },
          };
          const j = job({ budget: { type: "hourly", min: low, max: high } });
          const { rate } = hourlyRate(j, { ...CLIENTS.good, avgHourlyRatePaid: avg }, settings);
          if (rate != null) expect(rate).toBeGreaterThanOrEqual(Math.max(minimum ?? 0, 3));
        },
      ),
    );
  });
});

describe("fixedBid", () => {
  it.each<[string, Job, Settings, number | null]>([
    ["the client's budget", JOBS.nextFixed, SETTINGS.dana, 1200],
    ["raised to the user's minimum", JOBS.tinyFixed, SETTINGS.dana, 250],
    ["Upwork's $5 floor with no minimum set", job({ budget: { type: "fixed", amount: 2 } }), SETTINGS.empty, 5],
    ["rounded to whole dollars", JOBS.oddCents, SETTINGS.dana, 1000],
    ["no budget: the user's minimum as a starting point", JOBS.noBudget, SETTINGS.dana, 250],
    ["no budget, no minimum: nothing", JOBS.noBudget, SETTINGS.empty, null],
  ])("%s", (_name, j, settings, amount) => {
    expect(fixedBid(j, settings).amount).toBe(amount);
  });
});

describe("splitMilestones", () => {
  const amounts = (ms: Array<{ amount: number }>) => ms.map((m) => m.amount);
  it.each<[number, Job["duration"], number[]]>([
    [1200, "less-than-1-month", [600, 600]],
    [1200, "1-3-months", [360, 480, 360]],
    [9999, "more-than-6-months", [2000, 3000, 3000, 1999]],
    [1234.56, "3-6-months", [247, 370, 370, 247.56]],
    [12, "3-6-months", [6, 6]],
    [7, null, [7]],
  ])("$%s over %s", (amount, duration, expected) => {
    expect(amounts(splitMilestones(amount, duration))).toEqual(expected);
  });

  it("always sums to the bid in cents, 1–4 milestones of at least $5 each", () => {
    const durations = ["less-than-1-month", "1-3-months", "3-6-months", "more-than-6-months", null] as const;
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 100_000_000 }), fc.constantFrom(...durations), (cents, duration) => {
        const ms = splitMilestones(cents / 100, duration);
        expect(ms.reduce((s, m) => s + Math.round(m.amount * 100), 0)).toBe(cents);
        expect(ms.length).toBeGreaterThanOrEqual(1);
        expect(ms.length).toBeLessThanOrEqual(4);
        if (cents >= 2000) expect(ms.length).toBeGreaterThanOrEqual(2);
        for (const m of ms) expect(m.amount).toBeGreaterThanOrEqual(5);
      }),
    );
  });
});

describe("draftTerms", () => {
  it("sizes milestones by the job's duration and estimates one when the job has none", () => {
    expect(draftTerms(JOBS.longFixed, null, SETTINGS.dana).milestones).toHaveLength(4);
    expect(draftTerms(JOBS.nextFixed, null, SETTINGS.dana).milestones).toHaveLength(2);
    const j = job({ budget: { type: "fixed", amount: 9000 } });
    // $9000 at $45/h = 200 h ≈ 6.7 weeks at 30 h/week.
    expect(estimateDuration(j, 9000, 45)).toBe("1-3-months");
    const terms = draftTerms(j, null, SETTINGS.dana);
    expect(terms.duration).toBe("1-3-months");
    expect(terms.milestones).toHaveLength(3);
    expect(terms.notes.join(" ")).toMatch(/Estimated duration/);
  });

  it("by project has no milestones", () => {
    const terms = draftTerms(JOBS.nextFixed, null, SETTINGS.fixedPreferred);
    expect(terms).toMatchObject({ kind: "fixed", amount: 1200, rate: null, milestones: [] });
  });
});
