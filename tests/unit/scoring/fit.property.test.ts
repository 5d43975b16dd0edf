/**
 * Properties of the fit score over random records (fast-check):
 * - the score is always within 0–100 (or null) and the confidence within 0–1;
 * - improving any single client fact never lowers the score;
 * - removing any piece of data never raises the confidence.
 * "Improving" covers the quality facts (verified, hire rate, spend, average rate paid, rating, a
 * freelancer's rating of the client, account age). Evidence counts (posts, reviews, hours) are not
 * improvements: more posts at a poor hire rate rightly make a client look worse.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreFit, type FitInput } from "../../../src/scoring/fit";
import type { Client } from "../../../src/shared/records";
import { activity, client, job, userSettings } from "../../fixtures/scoring/builders";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const settings = userSettings();
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const day = fc
  .integer({ min: 0, max: 8000 })
  .map((d) => new Date(NOW.getTime() - d * 86_400_000).toISOString().slice(0, 10));
const FEEDBACK = [
  null,
  "Great client",
  "Requirements were vague and unclear",
  "Refused to pay for extra work beyond the scope",
];

const historyEntry = fc.record({
  title: fc.constant("Past job"),
  freelancerRating: opt(fc.integer({ min: 10, max: 50 }).map((r) => r / 10)),
  freelancerFeedback: fc.constantFrom(...FEEDBACK),
  clientRating: opt(fc.integer({ min: 10, max: 50 }).map((r) => r / 10)),
  clientFeedback: fc.constant(null),
  amount: opt(fc.integer({ min: 0, max: 5000 })),
});

const input: fc.Arbitrary<FitInput> = fc.record({
  client: fc
    .record({
      paymentVerified: opt(fc.boolean()),
      rating: opt(fc.integer({ min: 0, max: 50 }).map((r) => r / 10)),
      reviewsCount: opt(fc.integer({ min: 0, max: 200 })),
      jobsPosted: opt(fc.integer({ min: 0, max: 300 })),
      hireRate: opt(fc.integer({ min: 0, max: 100 })),
      totalSpent: opt(fc.integer({ min: 0, max: 2_000_000 })),
      avgHourlyRatePaid: opt(fc.integer({ min: 0, max: 200 })),
      totalHours: opt(fc.integer({ min: 0, max: 20000 })),
      memberSince: opt(day),
      history: fc.array(historyEntry, { maxLength: 6 }),
    })
    .map((c) => client(c)),
  job: fc
    .record({
      skills: fc.subarray(["React Native", "Expo.io", "TypeScript", "Python", "Mobile App Design", "Figma"]),
      budget: fc.oneof(
        fc.constant(null),
        opt(fc.integer({ min: 0, max: 5000 })).map((amount) => ({ type: "fixed" as const, amount })),
        fc.record({
          type: fc.constant("hourly" as const),
          min: opt(fc.integer({ min: 3, max: 150 })),
          max: opt(fc.integer({ min: 3, max: 200 })),
        }),
      ),
      description: fc.constantFrom(
        null,
        "Short post.",
        "Build an Expo app with these deliverables: screens, tests and docs. ".repeat(5),
        "Contact me on WhatsApp for details. ".repeat(8),
      ),
    })
    .map((j) => job(j)),
  activity: opt(
    fc
      .record({
        proposals: opt(
          fc.constantFrom(
            { min: 0, max: 4 },
            { min: 5, max: 10 },
            { min: 10, max: 15 },
            { min: 20, max: 50 },
            { min: 50, max: null },
          ),
        ),
        lastViewedAt: fc.constant(null),
        hires: opt(fc.integer({ min: 0, max: 3 })),
        interviewing: opt(fc.integer({ min: 0, max: 10 })),
        invitesSent: opt(fc.integer({ min: 0, max: 30 })),
        unansweredInvites: opt(fc.integer({ min: 0, max: 30 })),
      })
      .map((a) => activity(a)),
  ),
});

const fit = (i: FitInput) => scoreFit(i, settings, NOW);
const withClient = (i: FitInput, c: Partial<Client>): FitInput => ({ ...i, client: { ...i.client, ...c } });

/** Every single-fact improvement of the client that applies to this input. */
function improvements(i: FitInput, step: number): FitInput[] {
  const c = i.client;
  const out: FitInput[] = [];
  if (c.paymentVerified === false) out.push(withClient(i, { paymentVerified: true }));
  if (c.hireRate !== null) out.push(withClient(i, { hireRate: Math.min(100, c.hireRate + step) }));
  if (c.totalSpent !== null) out.push(withClient(i, { totalSpent: c.totalSpent + step * 100 }));
  if (c.avgHourlyRatePaid !== null) out.push(withClient(i, { avgHourlyRatePaid: c.avgHourlyRatePaid + step }));
  if (c.rating !== null) out.push(withClient(i, { rating: Math.min(5, c.rating + step / 10) }));
  if (c.memberSince !== null) {
    const earlier = new Date(Date.parse(`${c.memberSince}T00:00:00.000Z`) - step * 86_400_000)
      .toISOString()
      .slice(0, 10);
    out.push(withClient(i, { memberSince: earlier }));
  }
  c.history.forEach((h, k) => {
    if (h.freelancerRating === null) return;
    const history = c.history.map((e, j) =>
      j === k ? { ...e, freelancerRating: Math.min(5, h.freelancerRating! + step / 10) } : e,
    );
    out.push(withClient(i, { history }));
  });
  return out;
}

/** Every way of removing one piece of data from this input. */
function removals(i: FitInput): FitInput[] {
  const out: FitInput[] = [];
  const keys: Array<keyof Client> = [
    "paymentVerified",
    "rating",
    "reviewsCount",
    "jobsPosted",
    "hireRate",
    "totalSpent",
    "avgHourlyRatePaid",
    "totalHours",
    "memberSince",
  ];
  for (const k of keys) if (i.client[k] !== null) out.push(withClient(i, { [k]: null }));
  i.client.history.forEach((h, k) => {
    if (h.freelancerRating !== null)
      out.push(
        withClient(i, { history: i.client.history.map((e, j) => (j === k ? { ...e, freelancerRating: null } : e)) }),
      );
  });
  if (i.client.history.length) out.push(withClient(i, { history: [] }));
  if (i.activity) out.push({ ...i, activity: null });
  if (i.activity?.proposals) out.push({ ...i, activity: { ...i.activity, proposals: null } });
  if (i.job.skills.length) out.push({ ...i, job: { ...i.job, skills: [] } });
  if (i.job.budget) out.push({ ...i, job: { ...i.job, budget: null } });
  return out;
}

describe("fit score properties", { timeout: 30_000 }, () => {
  it("the score is within 0–100 and the confidence within 0–1", () => {
    fc.assert(
      fc.property(input, (i) => {
        const f = fit(i);
        if (f.score !== null) {
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(100);
        }
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        const weights = f.factors.reduce((s, x) => s + x.weight, 0);
        if (f.score !== null) expect(Math.abs(weights - 100)).toBeLessThan(0.6);
      }),
      { numRuns: 300 },
    );
  });

  it("improving any single client fact never lowers the score", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 40 }), (i, step) => {
        const before = fit(i).score ?? 0;
        for (const better of improvements(i, step)) expect(fit(better).score ?? 0).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("removing data never raises the confidence", () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = fit(i).confidence;
        for (const less of removals(i)) expect(fit(less).confidence).toBeLessThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
