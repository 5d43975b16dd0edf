/**
 * The fit's words come from the catalogue (src/shared/words/fit.ts): scoring returns flags and factor
 * values as codes with params, and records.md §4's English `text` and `value` are those codes in
 * English. Every code has words, every param lands in them, no ISO date or "undefined" reaches a
 * person, and a reader's locale changes the formats (the worker renders the panel's words so).
 */
import { describe, expect, it } from "vitest";
import { scoreFit } from "../../../src/scoring/fit";
import {
  ENGLISH,
  FLAG_CODES,
  VALUE_CODES,
  factorLabel,
  fitInWords,
  flagWords,
  valueWords,
  type FlagCode,
  type ReasonParams,
  type ValueCode,
} from "../../../src/shared/words";
import { FACTOR_IDS } from "../../../src/shared/settings";
import type { Fit } from "../../../src/shared/score";
import { activity, client, job, userSettings } from "../../fixtures/scoring/builders";

const NOW = new Date("2026-12-02T12:00:00.000Z");
/** What must never reach a person: a param not filled in, a number gone wrong, an ISO date or time. */
const UNFILLED = /undefined|NaN|null|\[object|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

/** Params for every flag code: a code added without a sample here fails the first test. */
const FLAG_SAMPLES: Record<FlagCode, ReasonParams> = {
  "payment-verified": {},
  "payment-unverified": {},
  "hire-rate-low": { rate: 12, posts: 30 },
  "hire-rate-mid": { rate: 45, posts: 30 },
  "hire-rate-good": { rate: 80, posts: 30 },
  "spent-none": {},
  "spent-little": { spent: 800 },
  "spent-good": { spent: 11000 },
  "avg-rate-low": { paid: 7.5, floor: 10 },
  "avg-rate-half": { paid: 18.25, yours: 45 },
  "avg-rate-below": { paid: 37.5, yours: 45 },
  "avg-rate-good": { paid: 60 },
  "rating-low": { rating: 3.2, reviews: 8, poor: 4 },
  "rating-mid": { rating: 4.3, reviews: 1 },
  "rating-good": { rating: 4.9, reviews: 40 },
  "history-pattern": { complaints: 3, rated: 5, below: 3, ratings: [1, 2.5, 2], topics: ["payment", "scope"] },
  "history-outlier": { ratings: [2] },
  "history-good": { rated: 4, atLeast: 4 },
  "history-harsh-rater": { count: 3, below: 3, ratings: [1, 2, 2.5] },
  "account-new": { days: 1 },
  "account-old": { since: "2019-03-01" },
  "budget-fixed-under": { amount: 150, minimum: 250 },
  "budget-fixed-ok": { amount: 1500, minimum: 250 },
  "budget-hourly-under": { low: 10, high: 20, minimum: 30 },
  "budget-hourly-low": { low: 25, high: 60, minimum: 30 },
  "budget-hourly-ok": { high: 60, minimum: 30 },
  "skills-none": {},
  "skills-good": { profile: "Mobile apps", matched: 3, of: 4 },
  "skills-few": { profile: "General profile", matched: 1, of: 6 },
  "competition-hired": { hires: 2 },
  "competition-very-crowded": { min: 50 },
  "competition-crowded": { min: 20, max: 50 },
  "competition-low": { min: 0, max: 4 },
  "score-ceiling": { uncapped: 82, reds: 2, ceiling: 50, step: 25 },
  "score-capped": { cap: 30, where: "both" },
  "post-off-platform": {},
  "post-unpaid-test": {},
  "post-credentials": {},
  "message-off-platform": {},
  "message-unpaid-test": {},
  "message-credentials": {},
  "post-short": { length: 42 },
  "post-deliverables": {},
};

const VALUE_SAMPLES: Record<ValueCode, ReasonParams> = {
  "payment-verified": { verified: true },
  "hire-rate": { rate: 68, posts: 28, weak: false },
  spent: { spent: 11000 },
  "avg-rate": { paid: 37.5, hours: 1200, yours: 45 },
  rating: { rating: 4.9, reviews: 40 },
  history: { ratings: [5, 4.5] },
  "history-unrated": {},
  "account-age": { days: 1500, since: "2022-02-10" },
  "budget-fixed": { amount: 1500, minimum: 250 },
  "budget-fixed-unknown": {},
  "budget-hourly": { low: 30, high: 60, minimum: 30 },
  "budget-hourly-unknown": {},
  skills: { profile: "Mobile apps", matched: ["React Native", "Expo.io"], of: 3 },
  competition: { min: 10, max: 15, interviewing: 2, invites: 5, unanswered: 1, hires: 0 },
};

describe("the fit catalogue", () => {
  it("has words for every flag and value code, with every param filled in", () => {
    expect(Object.keys(FLAG_SAMPLES).sort()).toEqual([...FLAG_CODES].sort());
    expect(Object.keys(VALUE_SAMPLES).sort()).toEqual([...VALUE_CODES].sort());
    for (const code of FLAG_CODES) {
      const words = flagWords({ code, params: FLAG_SAMPLES[code] }, ENGLISH);
      expect(words, code).toMatch(/\S/);
      expect(words, code).not.toMatch(UNFILLED);
    }
    for (const code of VALUE_CODES) {
      const words = valueWords({ code, params: VALUE_SAMPLES[code] }, ENGLISH);
      expect(words, code).toMatch(/\S/);
      expect(words, code).not.toMatch(UNFILLED);
    }
  });

  it("puts the params where the sentence says them: amounts as money, lists joined, topics as words", () => {
    const say = (code: FlagCode) => flagWords({ code, params: FLAG_SAMPLES[code] }, ENGLISH);
    expect(say("avg-rate-below")).toBe("Pays $37.50/h on average, under your $45/h.");
    expect(say("budget-hourly-under")).toBe("The range $10–$20/h is under your minimum $30/h.");
    expect(say("budget-hourly-ok")).toBe("The range $60/h meets your minimum $30/h.");
    expect(say("history-pattern")).toBe(
      "3 of the last 5 freelancers who rated this client gave it under 3 or complained (1.0, 2.5, 2.0); they mention payment and work beyond the agreed scope.",
    );
    expect(say("competition-low")).toBe("Fewer than 5 proposals so far.");
    expect(say("score-capped")).toBe("Score capped at 30 because of the post's and the message's red flags.");
    expect(say("account-old")).toBe("On Upwork since Mar 2019.");
    const value = (code: ValueCode) => valueWords({ code, params: VALUE_SAMPLES[code] }, ENGLISH);
    expect(value("competition")).toBe("10–15 proposals, 2 interviewing, 5 invites sent (1 unanswered), 0 hires");
    expect(value("skills")).toBe("2 of 3: React Native, Expo.io (Mobile apps)");
    expect(value("account-age")).toBe("4 years (since Feb 2022)");
  });

  it("says nothing for a code it does not know, so the caller keeps the scorer's words", () => {
    expect(flagWords({ code: "no-such-flag", params: {} })).toBeNull();
    expect(valueWords({ code: "no-such-value", params: {} })).toBeNull();
    expect(factorLabel("noSuchFactor")).toBe("noSuchFactor");
    for (const id of FACTOR_IDS) expect(factorLabel(id)).not.toBe(id);
  });
});

const rated = (freelancerRating: number, freelancerFeedback: string, clientRating: number) => ({
  title: null,
  freelancerRating,
  freelancerFeedback,
  clientRating,
  clientFeedback: null,
  amount: null,
});

/** A client and job that raise many flags at once (red, amber and green). */
function richFit(): Fit {
  const settings = userSettings();
  return scoreFit(
    {
      job: job({
        description: "Short. Contact me on WhatsApp. Deliverables listed.",
        skills: ["React Native", "Go", "Rust", "Elixir"],
        budget: { type: "hourly", min: 10, max: 20 },
      }),
      client: client({
        paymentVerified: false,
        hireRate: 12,
        jobsPosted: 30,
        totalSpent: 800,
        avgHourlyRatePaid: 18.25,
        totalHours: 300,
        rating: 3.1,
        reviewsCount: 9,
        memberSince: "2026-11-30",
        history: [
          rated(1, "Never paid, refund dispute", 1),
          rated(2, "Payment late, scope kept growing", 2),
          rated(1.5, "Work beyond the original scope", 2),
        ],
      }),
      activity: activity({ proposals: { min: 50, max: null }, hires: 1, interviewing: 3, invitesSent: 8 }),
      message: "Send me your login details",
    },
    settings,
    NOW,
  );
}

describe("scoring speaks in codes", () => {
  it("gives every flag and every factor value a code, and its English `text`/`value` are those codes' words", () => {
    const fit = richFit();
    expect(fit.flags.length).toBeGreaterThan(8);
    for (const f of fit.flags) {
      expect(f.textCode, f.id).toBeDefined();
      expect(FLAG_CODES).toContain(f.textCode!.code);
      expect(f.text).toBe(flagWords(f.textCode!, ENGLISH));
      expect(f.text).not.toMatch(UNFILLED);
    }
    for (const f of fit.factors) {
      if (f.value === null) {
        expect(f.valueCode ?? null, f.id).toBeNull();
        continue;
      }
      expect(f.valueCode, f.id).toBeTruthy();
      if (typeof f.value === "string") expect(f.value).toBe(valueWords(f.valueCode!, ENGLISH));
      expect(String(f.value)).not.toMatch(UNFILLED);
    }
    // Amounts are numbers, dates are the page's (never words) in the params.
    const spent = fit.flags.find((f) => f.id === "spent-little")!;
    expect(spent.textCode).toEqual({ code: "spent-little", params: { spent: 800 } });
    const age = fit.factors.find((f) => f.id === "accountAge")!;
    expect(age.valueCode).toEqual({ code: "account-age", params: { days: 2, since: "2026-11-30" } });
    expect(age.value).toBe("2 days (since Nov 2026)");
    // Lists stay lists (ratings as numbers, topics as codes), not words.
    const pattern = fit.flags.find((f) => f.id === "history-pattern")!;
    expect(pattern.textCode!.params).toMatchObject({ ratings: [1, 2, 1.5], topics: ["scope", "payment"] });
    expect(pattern.text).toMatch(/\(1\.0, 2\.0, 1\.5\); they mention work beyond the agreed scope and payment\.$/);
  });

  it("renders in the reader's locale: the same codes, the locale's money and months", () => {
    const fit = richFit();
    const de = fitInWords(fit, { locale: "de-DE" });
    const spentFlag = de.flags.find((f) => f.id === "spent-little")!;
    // German puts the dollar sign after the amount: "800 $".
    expect(spentFlag.text).toMatch(/800\s\$/);
    expect(spentFlag.textCode).toEqual(fit.flags.find((f) => f.id === "spent-little")!.textCode);
    expect(de.factors.find((f) => f.id === "accountAge")!.value).toBe("2 days (since Nov. 2026)");
    expect(de.factors.find((f) => f.id === "paymentVerified")!.value).toBe("no");
    // English stays English: rendering with the records' locale gives back the scorer's words.
    const en = fitInWords(fit, ENGLISH);
    expect(en.flags.map((f) => f.text)).toEqual(fit.flags.map((f) => f.text));
    expect(en.factors.map((f) => f.label)).toEqual(fit.factors.map((f) => f.label));
  });

  it("keeps the words of a flag without a code or with a code it does not know", () => {
    const fit: Fit = {
      score: 50,
      confidence: 0.5,
      factors: [{ id: "rating", label: "Client rating", value: "4.9", weight: 10, points: 9 }],
      flags: [
        { id: "old", severity: "amber", text: "An older worker's words." },
        { id: "new", severity: "green", text: "A newer worker's words.", textCode: { code: "later-code", params: {} } },
      ],
    };
    const shown = fitInWords(fit);
    expect(shown.flags.map((f) => f.text)).toEqual(["An older worker's words.", "A newer worker's words."]);
    expect(shown.factors[0]!.value).toBe("4.9");
  });
});
