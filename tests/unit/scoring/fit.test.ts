/**
 * Fit score tables. Each row gives one factor data and leaves every other factor without data, so
 * that factor carries the whole weight and the score is 100 × its quality — hand-computable from
 * the curves documented in src/scoring/fit.ts.
 */
import { describe, expect, it } from "vitest";
import { scoreFit, type FitInput } from "../../../src/scoring/fit";
import type { Activity, Client, Job } from "../../../src/shared/records";
import { activity, client, job, userSettings } from "../../fixtures/scoring/builders";
import { captureJobRecord, CAPTURE_READ_AT, reactNativeSettings } from "../../fixtures/scoring/job-detail-card";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const only = (over: {
  client?: Partial<Client>;
  job?: Partial<Job>;
  activity?: Partial<Activity> | null;
}): FitInput => ({
  job: job(over.job),
  client: client(over.client),
  activity: over.activity ? activity(over.activity) : null,
});
const score = (input: FitInput, settings = userSettings()) => scoreFit(input, settings, NOW);

describe("each factor alone (score = 100 × quality)", () => {
  const rows: Array<[string, FitInput, number]> = [
    ["payment verified", only({ client: { paymentVerified: true } }), 100],
    ["payment not verified", only({ client: { paymentVerified: false } }), 0],
    // hire rate: 0 at 0 %, 0.3 at 40 %, 1 at 70 %
    ["hire rate 68 % of 28 posts: 0.3 + 0.7 × 28/30 = 0.953", only({ client: { hireRate: 68, jobsPosted: 28 } }), 95],
    ["hire rate 20 % of 28 posts: 0.3 × 20/40", only({ client: { hireRate: 20, jobsPosted: 28 } }), 15],
    ["hire rate 100 %", only({ client: { hireRate: 100, jobsPosted: 50 } }), 100],
    // total spent: 0.15 at $0, 0.6 at $1K, 1 at $10K
    ["spent $0: new, not bad", only({ client: { totalSpent: 0 } }), 15],
    ["spent $500: 0.15 + 0.45 × 0.5", only({ client: { totalSpent: 500 } }), 38],
    ["spent $5,500: 0.6 + 0.4 × 0.5", only({ client: { totalSpent: 5500 } }), 80],
    ["spent $20K", only({ client: { totalSpent: 20000 } }), 100],
    // average hourly rate paid, user at $45/h: 0.2 at $15, 1 at $45
    ["pays $5/h: 0.2 × 5/15", only({ client: { avgHourlyRatePaid: 5, totalHours: 157 } }), 7],
    ["pays $30/h: 0.2 + 0.8 × 15/30", only({ client: { avgHourlyRatePaid: 30, totalHours: 100 } }), 60],
    ["pays $60/h", only({ client: { avgHourlyRatePaid: 60, totalHours: 100 } }), 100],
    // rating: 0 at 3.5, 0.4 at 4.5, 0.8 at 4.7, 1 at 5
    ["rating 4.28: 0.4 × 0.78", only({ client: { rating: 4.28, reviewsCount: 7 } }), 31],
    ["rating 4.6: 0.4 + 0.4 × 0.5", only({ client: { rating: 4.6, reviewsCount: 20 } }), 60],
    ["rating 4.85: 0.8 + 0.2 × 0.5", only({ client: { rating: 4.85, reviewsCount: 20 } }), 90],
    ["rating 3.0", only({ client: { rating: 3, reviewsCount: 20 } }), 0],
    // account age: linear to 365 days
    ["member for 73 days: 73/365", only({ client: { memberSince: "2026-03-20" } }), 20],
    ["member for years", only({ client: { memberSince: "2014-07-07" } }), 100],
    // budget against minimums ($250 fixed; $30/h minimum, $45/h rate)
    ["fixed $300: 0.6 + 0.4 × 50/250", only({ job: { budget: { type: "fixed", amount: 300 } } }), 68],
    ["fixed $187.50: 0.6 × 62.5/125", only({ job: { budget: { type: "fixed", amount: 187.5 } } }), 30],
    ["fixed $600", only({ job: { budget: { type: "fixed", amount: 600 } } }), 100],
    ["hourly up to $40: 0.6 + 0.4 × 10/15", only({ job: { budget: { type: "hourly", min: 25, max: 40 } } }), 87],
    ["hourly up to $20: 0.6 × 5/15", only({ job: { budget: { type: "hourly", min: 10, max: 20 } } }), 20],
    ["hourly from $50, no max", only({ job: { budget: { type: "hourly", min: 50, max: null } } }), 100],
    // skills: share of the job's skills / 0.75
    [
      "2 of 4 skills: 0.5 / 0.75",
      only({ job: { skills: ["React Native", "Mobile App Design", "Mobile App Development", "Expo.io"] } }),
      67,
    ],
    ["Expo = Expo.io, React Native: all", only({ job: { skills: ["React Native", "Expo"] } }), 100],
    ["no skill in common", only({ job: { skills: ["Python", "Django"] } }), 0],
    // competition: proposals 1 at 0, 0.85 at 5, 0.5 at 20, 0.15 at 50; −0.05/interview; −0.02/answered invite; ×0.5 once hired
    [
      "fewer than 5 proposals, 5 unanswered invites",
      only({ activity: { proposals: { min: 0, max: 4 }, interviewing: 0, invitesSent: 5, unansweredInvites: 5 } }),
      100,
    ],
    ["10 to 15 proposals: 0.85 − 0.35 × 5/15", only({ activity: { proposals: { min: 10, max: 15 } } }), 73],
    ["20 to 50 proposals", only({ activity: { proposals: { min: 20, max: 50 } } }), 50],
    ["50+ proposals", only({ activity: { proposals: { min: 50, max: null } } }), 15],
    [
      "2 interviewing, 5 answered invites: 1 − 0.1 − 0.1",
      only({ activity: { proposals: { min: 0, max: 4 }, interviewing: 2, invitesSent: 5, unansweredInvites: 0 } }),
      80,
    ],
    ["already hired", only({ activity: { proposals: { min: 0, max: 4 }, hires: 1 } }), 50],
  ];
  it.each(rows)("%s → %s", (_name, input, expected) => {
    expect(score(input).score).toBe(expected);
  });

  it("history: recency-weighted ratings, halved on a pattern of complaints", () => {
    const h = (freelancerRating: number | null, freelancerFeedback: string | null = null) => ({
      title: "t",
      freelancerRating,
      freelancerFeedback,
      clientRating: null,
      clientFeedback: null,
      amount: null,
    });
    expect(score(only({ client: { history: [h(5)] } })).score).toBe(100);
    // 4.4: 0.2 + 0.6 × 1.4/1.5 = 0.76
    expect(score(only({ client: { history: [h(4.4)] } })).score).toBe(76);
    // 1.0, 2.5, 4.4, (none), 5.0 at positions 0,1,2,4 → weights 1, .8, .64, .4096 over 0, .15, .76, 1
    // = 1.016 / 2.8496 = 0.3565; two ratings under 3 = a pattern → halved = 0.178
    expect(score(only({ client: { history: [h(1), h(2.5), h(4.4), h(null), h(5)] } })).score).toBe(18);
    // a 3.5 whose words name a problem is a complaint too: with a 2.0 that makes a pattern
    const f = score(
      only({
        client: { history: [h(3.5, "Requirements kept changing and were unclear"), h(2, "unclear requirements")] },
      }),
    );
    expect(f.flags.find((x) => x.id === "history-pattern")?.text).toContain("unclear requirements");
    expect(score(only({ client: { history: [h(null)] } })).score).toBeNull();
  });
});

describe("evidence and renormalisation", () => {
  it("a 0 % hire rate from one post is weak evidence, not a 0 % client", () => {
    // payment (10 × 1) + hire rate (14 × 0.1 evidence, quality 0): 10 / 11.4
    const one = score(only({ client: { paymentVerified: true, hireRate: 0, jobsPosted: 1 } }));
    expect(one.score).toBe(88);
    expect(one.factors.find((f) => f.id === "hireRate")).toMatchObject({
      value: "0% of 1 post (weak evidence)",
      weight: 12.3,
      points: 0,
    });
    // from 10 posts the same 0 % counts in full: 10 / 24
    expect(score(only({ client: { paymentVerified: true, hireRate: 0, jobsPosted: 10 } })).score).toBe(42);
  });

  it("missing factors drop out: weights renormalise to 100 and confidence falls", () => {
    const f = score(only({ client: { paymentVerified: true, totalSpent: 0 } }));
    // payment 10 and spent 10 share 100: 50 + 50 × 0.15
    expect(f.score).toBe(58);
    expect(f.factors.filter((x) => x.weight > 0).map((x) => [x.id, x.weight, x.points])).toEqual([
      ["paymentVerified", 50, 50],
      ["totalSpent", 50, 7.5],
    ]);
    expect(f.confidence).toBe(0.2);
    expect(f.factors.find((x) => x.id === "rating")).toMatchObject({ value: null, weight: 0, points: 0 });
  });

  it("no data at all: no score, confidence 0", () => {
    expect(score(only({}))).toMatchObject({ score: null, confidence: 0 });
  });

  it("the client's country is not scored", () => {
    const a = score(only({ client: { paymentVerified: true, country: "Italy" } }));
    const b = score(only({ client: { paymentVerified: true, country: "Nigeria" } }));
    expect(a).toEqual(b);
  });
});

describe("ceilings", () => {
  it("each red flag lowers the ceiling by 25, never below 25", () => {
    // spent $20K (10 × 1) + pays $10/h over 100 h (12 × 0.2 × 10/15 = 1.6): 11.6 / 22 → 53; one red → ceiling 75
    const one = score(only({ client: { totalSpent: 20000, avgHourlyRatePaid: 10, totalHours: 100 } }));
    expect(one).toMatchObject({ score: 53, uncapped: 53 });
    // + verified (10), since 2010 (4), rating 4.0 of 30 (8 × 0.2), hire rate 20 % of 30 (14 × 0.15):
    // 29.3 / 58 → 51; three reds → ceiling 25
    const three = score(
      only({
        client: {
          paymentVerified: true,
          totalSpent: 20000,
          memberSince: "2010-01-01",
          rating: 4.0,
          reviewsCount: 30,
          avgHourlyRatePaid: 10,
          totalHours: 100,
          hireRate: 20,
          jobsPosted: 30,
        },
      }),
    );
    expect(three.flags.filter((f) => f.severity === "red").map((f) => f.id)).toEqual([
      "hire-rate-low",
      "avg-rate-low",
      "rating-low",
      "score-ceiling",
    ]);
    expect(three).toMatchObject({ score: 25, uncapped: 51, suggestedAction: "decline" });
  });

  it("a post asking to move off Upwork caps the score at 25", () => {
    const f = score(
      only({
        client: { paymentVerified: true },
        job: { description: "Quick job, contact me on WhatsApp +39 333 123 4567 to discuss the details of the work." },
      }),
    );
    expect(f.score).toBe(25);
    expect(f.flags.map((x) => x.id)).toContain("post-off-platform");
  });
});

describe("the real capture job-detail-card.html, $45/h React Native profile", () => {
  const fit = scoreFit(captureJobRecord, reactNativeSettings(), new Date(CAPTURE_READ_AT));
  it("earns 66 from its factors but three red flags cap it at 25: decline politely", () => {
    // Effective weights: rating 8 × 0.7 (7 of 10 reviews) = 5.6, the rest × 1 → total 97.6.
    expect(fit.factors.map((f) => [f.id, f.weight, f.points])).toEqual([
      ["paymentVerified", 10.2, 10.2], // 10/97.6 × 1
      ["hireRate", 14.3, 13.7], // 14/97.6 × 0.953 (68 % of 28 posts)
      ["totalSpent", 10.2, 10.2], // $11K ≥ $10K
      ["avgHourlyRate", 12.3, 0.8], // $5/h: 0.2 × 5/15 = 0.067
      ["rating", 5.7, 1.8], // 4.28: 0.312
      ["history", 12.3, 2.2], // 1.0, 2.5, 4.4, 5.0 → 0.357, halved for the pattern → 0.178
      ["accountAge", 4.1, 4.1], // since 2014
      ["budget", 10.2, 7], // $300 vs $250 minimum: 0.68
      ["skills", 14.3, 9.6], // React Native + Expo.io of 4: 0.667
      ["competition", 6.1, 6.1], // < 5 proposals, 0 interviewing, no answered invites
    ]);
    expect(fit.uncapped).toBe(66);
    expect(fit.score).toBe(25);
    expect(fit.confidence).toBe(0.98);
    expect(fit.suggestedAction).toBe("decline");
    expect(fit.profile).toEqual({
      name: "Mobile apps",
      specialized: true,
      matched: ["React Native", "Expo.io"],
      share: 0.5,
    });
    expect(fit.flags.filter((f) => f.severity === "red").map((f) => f.id)).toEqual([
      "avg-rate-low",
      "rating-low",
      "history-pattern",
      "score-ceiling",
    ]);
    expect(fit.flags.find((f) => f.id === "history-pattern")?.text).toBe(
      "2 of the last 4 freelancers who rated this client gave it under 3 or complained (1.0, 2.5); they mention unclear requirements and work beyond the agreed scope.",
    );
    expect(fit.flags.map((f) => f.id)).toContain("history-harsh-rater");
  });
});
