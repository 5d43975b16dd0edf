/**
 * Terms: payment kind, hourly rate or fixed bid, milestone split and estimated duration.
 * All money is computed in cents and rounded to whole dollars, so milestones sum exactly to the bid.
 */
import type { Client, Job } from "../shared/records";
import type { Settings, SpecializedProfile } from "../shared/settings";
import type { DraftTerms, Milestone, TermsKind } from "../shared/draft";
import { money } from "../shared/intl";
import { bestProfile } from "../shared/best-profile";

type Duration = NonNullable<Job["duration"]>;

/** Upwork's floors (help centre): $3/h hourly, $5 for a fixed price and for each milestone. */
export const UPWORK_MIN_HOURLY = 3;
export const UPWORK_MIN_FIXED = 5;

const toCents = (n: number) => Math.round(n * 100);

export const DURATION_LABELS: Record<Duration, string> = {
  "less-than-1-month": "Less than 1 month",
  "1-3-months": "1 to 3 months",
  "3-6-months": "3 to 6 months",
  "more-than-6-months": "More than 6 months",
};

/** Payment kind: the job decides hourly vs fixed; the user's preference decides how a fixed price is paid. */
export function paymentKind(job: Job, settings: Settings): TermsKind {
  const preferred = settings.rates.preferredPayment;
  if (job.budget?.type === "hourly") return "hourly";
  if (job.budget?.type === "fixed") return preferred === "fixed" ? "fixed" : "milestone";
  return preferred;
}

/** The specialized profile the fit score names as the job's best (src/shared/best-profile.ts), when it is one. */
export function bestSpecializedProfile(job: Job, settings: Settings): SpecializedProfile | null {
  const best = bestProfile(job.skills, settings.profile);
  if (!best?.specialized || best.matched.length === 0) return null;
  return settings.profile.specializedProfiles.find((p) => p.name === best.name) ?? null;
}

/**
 * The hourly rate: the best-fitting specialized profile's rate, else the user's rate, else (with no
 * rate set) the middle of the client's range or what the client usually pays. Raised to the bottom
 * of the client's range when below it (money left on the table); lowered to the top of the range
 * only if that still meets the user's minimum and the client has not paid more before. Never below
 * the user's minimum or Upwork's $3.
 */
export function hourlyRate(
  job: Job,
  client: Client | null,
  settings: Settings,
): { rate: number | null; notes: string[] } {
  const notes: string[] = [];
  const minimum = Math.max(settings.rates.minimumHourly ?? 0, UPWORK_MIN_HOURLY);
  const range = job.budget?.type === "hourly" ? job.budget : null;
  const low = range?.min ?? null;
  const high = range?.max ?? null;
  const avgPaid = client?.avgHourlyRatePaid ?? null;

  const special = bestSpecializedProfile(job, settings);
  let rate: number | null = null;
  if (special?.hourlyRate != null) {
    rate = special.hourlyRate;
    notes.push(`Your “${special.name}” profile fits this job best; its rate is ${money(rate)}/h.`);
  } else if (settings.rates.hourly != null) {
    rate = settings.rates.hourly;
  } else if (low != null || high != null) {
    rate = low != null && high != null ? (low + high) / 2 : (low ?? high)!;
    notes.push("No hourly rate in your settings: this is taken from the client's range.");
  } else if (avgPaid != null) {
    rate = avgPaid;
    notes.push("No hourly rate in your settings: this is what the client pays on average.");
  }
  if (rate == null) {
    notes.push("Set your hourly rate in Options to get a suggested rate.");
    return { rate: settings.rates.minimumHourly ?? null, notes };
  }

  if (low != null && rate < low) {
    notes.push(`Raised to ${money(low)}/h, the bottom of the client's range.`);
    rate = low;
  } else if (high != null && rate > high) {
    if (avgPaid != null && avgPaid >= rate) {
      notes.push(
        `Above the client's range (up to ${money(high)}/h), but they have paid ${money(avgPaid)}/h on average.`,
      );
    } else if (high >= minimum) {
      notes.push(
        `Your rate is above the client's range; this bids the top of it, ${money(high)}/h. Bid your rate instead if you prefer.`,
      );
      rate = high;
    }
  }

  rate = Math.round(rate);
  if (rate < minimum) rate = minimum;
  if (high != null && high < minimum) {
    notes.push(
      `The client's range (up to ${money(high)}/h) is below your minimum of ${money(minimum)}/h; this bids ${money(rate)}/h.`,
    );
  } else if (avgPaid != null && avgPaid < minimum) {
    notes.push(`The client pays ${money(avgPaid)}/h on average, below your minimum of ${money(minimum)}/h.`);
  }
  return { rate, notes };
}

/** The fixed bid: the client's budget, never below the user's minimum fixed price or Upwork's $5. */
export function fixedBid(job: Job, settings: Settings): { amount: number | null; notes: string[] } {
  const notes: string[] = [];
  const minimum = Math.max(settings.rates.minimumFixed ?? 0, UPWORK_MIN_FIXED);
  const budget = job.budget?.type === "fixed" ? job.budget.amount : null;
  if (budget == null) {
    notes.push("The post shows no fixed budget: enter your bid.");
    return { amount: settings.rates.minimumFixed ?? null, notes };
  }
  let amount = Math.round(budget);
  if (amount < minimum) {
    notes.push(
      `The client's budget (${money(budget)}) is below your minimum of ${money(minimum)}; this bids your minimum.`,
    );
    amount = minimum;
  }
  return { amount, notes };
}

/** Milestone plans by count: description and share of the bid (percent). */
const PLANS: Record<number, ReadonlyArray<readonly [string, number]>> = {
  1: [["Complete the work as described, with revisions and handover", 100]],
  2: [
    ["Plan, setup and a first working version for your review", 50],
    ["Remaining work, revisions and handover", 50],
  ],
  3: [
    ["Discovery, plan and setup", 30],
    ["Core implementation, shared for your review", 40],
    ["Testing, revisions and handover", 30],
  ],
  4: [
    ["Discovery, plan and setup", 20],
    ["First working version of the core features", 30],
    ["Remaining features and integration", 30],
    ["Testing, revisions and handover", 20],
  ],
};

/** How many milestones a job of this length warrants. */
export function milestoneCount(duration: Duration | null): number {
  switch (duration) {
    case "less-than-1-month":
      return 2;
    case "1-3-months":
      return 3;
    case "3-6-months":
    case "more-than-6-months":
      return 4;
    default:
      return 2;
  }
}

/**
 * Splits a bid into milestones sized by the job's duration. Each share is rounded to whole dollars
 * and the last milestone takes the remainder, so the amounts sum exactly to the bid. Fewer
 * milestones when the bid cannot give each Upwork's $5 minimum.
 */
export function splitMilestones(amount: number, duration: Duration | null): Milestone[] {
  const totalCents = toCents(amount);
  for (let count = milestoneCount(duration); ; count--) {
    const plan = PLANS[count]!;
    let left = totalCents;
    const milestones = plan.map(([description, percent], i) => {
      const cents = i === plan.length - 1 ? left : Math.round((totalCents * percent) / 10000) * 100;
      left -= cents;
      return { description, amount: cents / 100 };
    });
    if (count === 1 || milestones.every((m) => m.amount >= UPWORK_MIN_FIXED)) return milestones;
  }
}

/** The job's duration, or an estimate from the bid at the user's rate (30 h a week). */
export function estimateDuration(job: Job, amount: number | null, rate: number | null): Duration | null {
  if (job.duration) return job.duration;
  if (amount == null || !rate) return null;
  const weeks = amount / rate / 30;
  if (weeks < 4) return "less-than-1-month";
  if (weeks < 13) return "1-3-months";
  if (weeks < 26) return "3-6-months";
  return "more-than-6-months";
}

export function draftTerms(job: Job, client: Client | null, settings: Settings): DraftTerms {
  const kind = paymentKind(job, settings);
  if (kind === "hourly") {
    const { rate, notes } = hourlyRate(job, client, settings);
    return { kind, rate, amount: null, milestones: [], duration: job.duration, notes };
  }
  const { amount, notes } = fixedBid(job, settings);
  const userRate = bestSpecializedProfile(job, settings)?.hourlyRate ?? settings.rates.hourly;
  const duration = estimateDuration(job, amount, userRate);
  if (!job.duration && duration)
    notes.push(`Estimated duration at your hourly rate: ${DURATION_LABELS[duration].toLowerCase()}.`);
  const milestones = kind === "milestone" && amount != null && amount > 0 ? splitMilestones(amount, duration) : [];
  return { kind, rate: null, amount, milestones, duration, notes };
}
