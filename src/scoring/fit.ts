/**
 * The client-fit score (records.md §4): 0–100, factor by factor, with flags and a confidence.
 * Pure: records and settings in, a `Fit` out.
 *
 * How it combines (and why it differs from other tools):
 * - Each factor gives a quality 0–1 from a documented curve and an *evidence* 0–1 (how many posts,
 *   reviews, hours or ratings the figure rests on). Its effective weight is weight × evidence, and
 *   the effective weights renormalise to 100 over the factors that have data. So a 0 % hire rate from
 *   one post counts a tenth as much as one from ten posts — weak evidence, not a 0 % client — and a
 *   missing figure drops out instead of counting as bad.
 * - Weights depend only on evidence counts, never on the quality figures, so improving any single
 *   client fact can only raise the score (a property test checks it).
 * - confidence = Σ weight × evidence over factors with data ÷ Σ weight over all factors: it falls
 *   with every missing or thin figure and is never raised by removing data.
 * - Each red flag about the client or the job lowers the ceiling by `redFlagCeilingStep` (one →
 *   at most 75, two → 50, three or more → 25; never lower than one step): deal-breakers that volume cannot buy back. Red flags in the
 *   post's text cap the score at `postRedFlagCap`. Both are min()s over flags that only disappear as
 *   facts improve, so the score stays monotone.
 * - The client's country is never scored (DOMAIN: do not penalise a country by default).
 */
import type { Activity, Client, Job } from "../shared/records";
import type { Fit, FitFactor, Flag } from "../shared/score";
import { FACTOR_IDS, type FactorId, type Settings } from "../shared/settings";
import {
  ENGLISH,
  FACTOR_LABEL,
  valueCode,
  valueWords,
  type Reason,
  type ReasonParams,
  type ValueCode,
} from "../shared/words";
import { clamp01, curve, evidence, round } from "./curve";
import { messageFlags, postTextFlags } from "./red-flags";
import { flag } from "./flag";
import { bestProfile } from "../shared/best-profile";

export interface FitInput {
  job: Job;
  client: Client;
  activity: Activity | null;
  /** The client's invitation message, when there is one: its red asks count as the post's do. */
  message?: string | null;
}

/** One factor before weighting: `quality` null = no data (the factor drops out). */
export interface FactorReading {
  /** records.md §4's value: the English words of `valueCode` (a boolean stays one). */
  value: string | number | boolean | null;
  valueCode: Reason<ValueCode> | null;
  quality: number | null;
  evidence: number;
  flags: Flag[];
}

const DAY_MS = 86_400_000;

/** A factor's value as data and, for records.md §4, in English. */
function said(code: ValueCode, params: ReasonParams = {}): Pick<FactorReading, "value" | "valueCode"> {
  const data = valueCode(code, params);
  return { value: valueWords(data, ENGLISH), valueCode: data };
}
const none = (value: Pick<FactorReading, "value" | "valueCode"> = { value: null, valueCode: null }): FactorReading => ({
  ...value,
  quality: null,
  evidence: 0,
  flags: [],
});
/** Params without the keys whose value is unknown (a code's params hold no nulls). */
const known = (params: Record<string, ReasonParams[string] | null | undefined>): ReasonParams =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null && v !== undefined)) as ReasonParams;

type Ctx = { input: FitInput; settings: Settings; now: Date };

function paymentVerified({ input }: Ctx): FactorReading {
  const v = input.client.paymentVerified;
  if (v === null) return none();
  return {
    value: v,
    valueCode: valueCode("payment-verified", { verified: v }),
    quality: v ? 1 : 0,
    evidence: 1,
    flags: [
      v
        ? flag("payment-verified", "green", "payment-verified")
        : flag("payment-unverified", "red", "payment-unverified"),
    ],
  };
}

/** Hire rate: 0 at 0 %, 0.3 at hireRatePoor, 1 at hireRateGood; evidence = posts ÷ hireRateFullEvidencePosts. */
function hireRate({ input, settings }: Ctx): FactorReading {
  const { hireRate: rate, jobsPosted: posts } = input.client;
  if (rate === null) return none();
  const t = settings.scoring.thresholds;
  const full = t.hireRateFullEvidencePosts;
  const e = evidence(posts, full, 1 / full);
  const weak = posts === null || posts < full / 2;
  const flags: Flag[] = [];
  if (!weak) {
    const p = { rate, posts };
    if (rate < t.hireRatePoor) flags.push(flag("hire-rate-low", "red", "hire-rate-low", p));
    else if (rate < t.hireRateGood) flags.push(flag("hire-rate-mid", "amber", "hire-rate-mid", p));
    else flags.push(flag("hire-rate-good", "green", "hire-rate-good", p));
  }
  return {
    ...said("hire-rate", known({ rate, posts, weak })),
    quality: curve(rate, [
      [0, 0],
      [t.hireRatePoor, 0.3],
      [t.hireRateGood, 1],
    ]),
    evidence: e,
    flags,
  };
}

/** Total spent: 0.15 at $0 (new, not bad), 0.6 at spentEstablished, 1 at spentStrong. */
function totalSpent({ input, settings }: Ctx): FactorReading {
  const spent = input.client.totalSpent;
  if (spent === null) return none();
  const t = settings.scoring.thresholds;
  const flags: Flag[] = [];
  if (spent === 0) flags.push(flag("spent-none", "amber", "spent-none"));
  else if (spent < t.spentEstablished) flags.push(flag("spent-little", "amber", "spent-little", { spent }));
  else flags.push(flag("spent-good", "green", "spent-good", { spent }));
  return {
    ...said("spent", { spent }),
    quality: curve(spent, [
      [0, 0.15],
      [t.spentEstablished, 0.6],
      [t.spentStrong, 1],
    ]),
    evidence: 1,
    flags,
  };
}

/**
 * Average hourly rate paid against the user's rate: 0 at $0, 0.2 at avgHourlyFloor, 1 at the user's
 * rate (rates.hourly, else rates.minimumHourly, else 3 × the floor). Evidence = hours ÷
 * avgRateFullEvidenceHours, at least 0.25 (an average always says something about the budget).
 */
function avgHourlyRate({ input, settings }: Ctx): FactorReading {
  const paid = input.client.avgHourlyRatePaid;
  if (paid === null) return none();
  const t = settings.scoring.thresholds;
  const floor = t.avgHourlyFloor;
  const yours = settings.rates.hourly ?? settings.rates.minimumHourly;
  const target = yours ?? floor * 3;
  const points: Array<[number, number]> =
    target > floor
      ? [
          [0, 0],
          [floor, 0.2],
          [target, 1],
        ]
      : [
          [0, 0],
          [Math.max(target, 0.01), 1],
        ];
  const hours = input.client.totalHours;
  const flags: Flag[] = [];
  if (paid < floor) flags.push(flag("avg-rate-low", "red", "avg-rate-low", { paid, floor }));
  else if (yours !== null && paid < yours / 2)
    flags.push(flag("avg-rate-half", "red", "avg-rate-half", { paid, yours }));
  else if (yours !== null && paid < yours)
    flags.push(flag("avg-rate-below", "amber", "avg-rate-below", { paid, yours }));
  else if (yours !== null) flags.push(flag("avg-rate-good", "green", "avg-rate-good", { paid }));
  return {
    ...said("avg-rate", known({ paid, hours, yours })),
    quality: curve(paid, points),
    evidence: evidence(hours, t.avgRateFullEvidenceHours, 0.25),
    flags,
  };
}

/** Rating: 0 at ratingPoor − 1, 0.4 at ratingPoor, 0.8 at ratingGood, 1 at 5; evidence = reviews ÷ ratingFullEvidenceReviews. */
function rating({ input, settings }: Ctx): FactorReading {
  const { rating: r, reviewsCount: n } = input.client;
  if (r === null) return none();
  const t = settings.scoring.thresholds;
  const full = t.ratingFullEvidenceReviews;
  const flags: Flag[] = [];
  const p = known({ rating: r, reviews: n });
  const solid = n !== null && n >= 3;
  if (r < t.ratingPoor)
    flags.push(flag("rating-low", solid ? "red" : "amber", "rating-low", { ...p, poor: t.ratingPoor }));
  else if (r < t.ratingGood) flags.push(flag("rating-mid", "amber", "rating-mid", p));
  else if (solid) flags.push(flag("rating-good", "green", "rating-good", p));
  return {
    ...said("rating", p),
    quality: curve(r, [
      [t.ratingPoor - 1, 0],
      [t.ratingPoor, 0.4],
      [t.ratingGood, 0.8],
      [5, 1],
    ]),
    evidence: evidence(n, full, 1 / full),
    flags,
  };
}

/** What freelancers complain about, to say whether complaints are "similar" (codes: the catalogue words them). */
const COMPLAINT_TOPICS: Array<[string, RegExp]> = [
  ["requirements", /\b(vague|unclear|not clear|requirements? (kept )?chang\w*|changing requirements)\b/i],
  ["scope", /\b(scope|beyond|far from the original|extra work|outside (of )?the (job|description))\b/i],
  ["payment", /\b(pay|paid|payment|refund\w*|dispute\w*|money|underpa\w*)\b/i],
  ["communication", /\b(unresponsive|rude|disrespect\w*|communicat\w*|ghost\w*|disappear\w*)\b/i],
];
const topicsOf = (text: string | null) =>
  text ? COMPLAINT_TOPICS.filter(([, re]) => re.test(text)).map(([name]) => name) : [];

/**
 * Recent history: recency-weighted mean (0.8^position, page order is newest first) of each
 * freelancer's rating of the client through 0 at 1★, 0.2 at historyComplaintBelow, 0.8 at ratingPoor,
 * 1 at 5★; halved when complaints form a pattern. Evidence = rated entries ÷ historyFullEvidenceRatings.
 */
function history({ input, settings }: Ctx): FactorReading {
  const t = settings.scoring.thresholds;
  const entries = input.client.history.map((h, i) => ({ ...h, i })).filter((h) => h.freelancerRating !== null);
  if (entries.length === 0) return none(input.client.history.length ? said("history-unrated") : undefined);
  let sum = 0;
  let total = 0;
  const complaints: Array<{ rating: number; topics: string[] }> = [];
  for (const h of entries) {
    const r = h.freelancerRating!;
    const w = 0.8 ** h.i;
    sum +=
      w *
      curve(r, [
        [1, 0],
        [t.historyComplaintBelow, 0.2],
        [t.ratingPoor, 0.8],
        [5, 1],
      ]);
    total += w;
    const topics = topicsOf(h.freelancerFeedback);
    // A low rating is a complaint; so is a lukewarm one (< 4) whose words name a problem.
    if (r < t.historyComplaintBelow || (r < 4 && topics.length > 0)) complaints.push({ rating: r, topics });
  }
  const pattern = complaints.length >= t.historyPatternCount;
  const flags: Flag[] = [];
  const ratings = complaints.map((c) => c.rating);
  if (pattern) {
    const topics = COMPLAINT_TOPICS.map(([name]) => name).filter(
      (name) => complaints.filter((c) => c.topics.includes(name)).length >= 2,
    );
    const p = { complaints: complaints.length, rated: entries.length, below: t.historyComplaintBelow, ratings, topics };
    flags.push(flag("history-pattern", "red", "history-pattern", p));
  } else if (complaints.length > 0) {
    flags.push(flag("history-outlier", "amber", "history-outlier", { ratings }));
  } else if (entries.length >= 2 && entries.every((h) => h.freelancerRating! >= t.ratingPoor)) {
    flags.push(flag("history-good", "green", "history-good", { rated: entries.length, atLeast: t.ratingPoor }));
  }
  // A client that rates its freelancers harshly endangers the user's Job Success Score. Flag only:
  // the low ratings may have been deserved, so they move no points.
  const harsh = input.client.history
    .map((h) => h.clientRating)
    .filter((r): r is number => r !== null && r < t.historyComplaintBelow);
  if (harsh.length >= t.historyPatternCount)
    flags.push(
      flag("history-harsh-rater", "amber", "history-harsh-rater", {
        count: harsh.length,
        below: t.historyComplaintBelow,
        ratings: harsh,
      }),
    );
  const mean = sum / total;
  return {
    ...said("history", { ratings: entries.map((h) => h.freelancerRating!) }),
    quality: pattern ? mean / 2 : mean,
    evidence: Math.min(1, entries.length / t.historyFullEvidenceRatings),
    flags,
  };
}

/** Account age: linear from 0 at day 0 to 1 at accountMatureDays. */
function accountAge({ input, settings, now }: Ctx): FactorReading {
  const since = input.client.memberSince;
  if (since === null) return none();
  const days = Math.floor((now.getTime() - Date.parse(`${since}T00:00:00.000Z`)) / DAY_MS);
  const mature = settings.scoring.thresholds.accountMatureDays;
  const flags: Flag[] = [];
  // The words say a month and year, as Upwork's "Member since Mar 2019" does: no ISO date on the screen.
  const age = { days: Math.max(0, days), since };
  if (days < 30) flags.push(flag("account-new", "amber", "account-new", { days: age.days }));
  else if (days >= mature) flags.push(flag("account-old", "green", "account-old", { since }));
  return {
    ...said("account-age", age),
    quality: curve(days, [
      [0, 0],
      [mature, 1],
    ]),
    evidence: 1,
    flags,
  };
}

/**
 * Budget: fixed amount against rates.minimumFixed (0 at half of it, 0.6 at it, 1 at twice it: room
 * for scope growth); hourly top of the range against rates.minimumHourly (0 at half, 0.6 at it, 1 at
 * rates.hourly). Without the user's minimum there is nothing to compare: the factor drops out.
 */
function budget({ input, settings }: Ctx): FactorReading {
  const b = input.job.budget;
  const rates = settings.rates;
  if (b === null) return none();
  if (b.type === "fixed") {
    if (b.amount === null) return none(said("budget-fixed-unknown"));
    const min = rates.minimumFixed;
    if (min === null || min === 0) return none(said("budget-fixed", { amount: b.amount }));
    const flags: Flag[] = [];
    const p = { amount: b.amount, minimum: min };
    if (b.amount < min) flags.push(flag("budget-under-minimum", "red", "budget-fixed-under", p));
    else flags.push(flag("budget-ok", "green", "budget-fixed-ok", p));
    return {
      ...said("budget-fixed", p),
      quality: curve(b.amount, [
        [min / 2, 0],
        [min, 0.6],
        [min * 2, 1],
      ]),
      evidence: 1,
      flags,
    };
  }
  const top = b.max ?? b.min;
  if (top === null) return none(said("budget-hourly-unknown"));
  // The range's low end only when both ends are shown ("$30–$60/h"), else its one end ("$60/h").
  const range = { ...(b.min !== null && b.max !== null ? { low: b.min } : {}), high: top };
  const floor = rates.minimumHourly ?? rates.hourly;
  const target = rates.hourly ?? rates.minimumHourly;
  if (floor === null || target === null || floor === 0) return none(said("budget-hourly", range));
  const flags: Flag[] = [];
  const p = { ...range, minimum: floor };
  if (top < floor) flags.push(flag("budget-under-minimum", "red", "budget-hourly-under", p));
  else if (b.min !== null && b.min < floor) flags.push(flag("budget-range-low", "amber", "budget-hourly-low", p));
  else flags.push(flag("budget-ok", "green", "budget-hourly-ok", p));
  const points: Array<[number, number]> =
    target > floor
      ? [
          [floor / 2, 0],
          [floor, 0.6],
          [target, 1],
        ]
      : [
          [floor / 2, 0],
          [floor, 1],
        ];
  return { ...said("budget-hourly", p), quality: curve(top, points), evidence: 1, flags };
}

/** Skills: share of the job's skills the best profile covers, full at skillsFullMatchShare. */
function skills({ input, settings }: Ctx, out: { profile: Fit["profile"] }): FactorReading {
  const best = bestProfile(input.job.skills, settings.profile);
  out.profile = best;
  if (best === null) return none();
  const n = input.job.skills.length;
  const flags: Flag[] = [];
  const full = settings.scoring.thresholds.skillsFullMatchShare;
  const p = { profile: best.name, matched: best.matched.length, of: n };
  if (best.matched.length === 0) flags.push(flag("skills-none", "red", "skills-none"));
  else if (best.share >= full) flags.push(flag("skills-good", "green", "skills-good", p));
  else if (best.share < full / 2) flags.push(flag("skills-few", "amber", "skills-few", p));
  return {
    ...said("skills", { ...p, matched: best.matched }),
    quality: clamp01(best.share / full),
    evidence: 1,
    flags,
  };
}

/**
 * Competition: from the proposals tier (1 at 0, 0.85 at a quarter of proposalsCrowded, 0.5 at it,
 * 0.15 at 2.5 × it), minus 0.05 per candidate interviewing (up to 0.25) and 0.02 per invite that
 * was answered (up to 0.2; unanswered invites compete with no one), halved once someone is hired.
 */
function competition({ input, settings }: Ctx): FactorReading {
  const a = input.activity;
  if (a === null || a.proposals === null) return none();
  const crowded = settings.scoring.thresholds.proposalsCrowded;
  const p = a.proposals;
  const base = curve(p.min, [
    [0, 1],
    [crowded / 4, 0.85],
    [crowded, 0.5],
    [crowded * 2.5, 0.15],
  ]);
  const interviewing = a.interviewing ?? 0;
  const answered = a.invitesSent === null ? 0 : Math.max(0, a.invitesSent - (a.unansweredInvites ?? 0));
  const hired = a.hires ?? 0;
  const q =
    clamp01(base - Math.min(0.25, 0.05 * interviewing) - Math.min(0.2, 0.02 * answered)) * (hired > 0 ? 0.5 : 1);
  // Upwork's tier ("10 to 15", "50+", "Less than 5"): its ends, the open top left out.
  const tier = known({ min: p.min, max: p.max });
  const flags: Flag[] = [];
  if (hired > 0) flags.push(flag("competition-hired", "amber", "competition-hired", { hires: hired }));
  if (p.min >= crowded * 2.5) flags.push(flag("competition-very-crowded", "amber", "competition-very-crowded", tier));
  else if (p.min >= crowded) flags.push(flag("competition-crowded", "amber", "competition-crowded", tier));
  else if (p.min < 5 && hired === 0) flags.push(flag("competition-low", "green", "competition-low", tier));
  const counts = known({
    interviewing: a.interviewing,
    invites: a.invitesSent,
    unanswered: a.invitesSent !== null ? a.unansweredInvites : null,
    hires: a.hires,
  });
  return { ...said("competition", { ...tier, ...counts }), quality: q, evidence: 1, flags };
}

const SEVERITY_ORDER: Record<Flag["severity"], number> = { red: 0, amber: 1, green: 2 };

export function scoreFit(input: FitInput, settings: Settings, now: Date): Fit {
  const ctx: Ctx = { input, settings, now };
  const out: { profile: Fit["profile"] } = { profile: null };
  const readers: Record<FactorId, () => FactorReading> = {
    paymentVerified: () => paymentVerified(ctx),
    hireRate: () => hireRate(ctx),
    totalSpent: () => totalSpent(ctx),
    avgHourlyRate: () => avgHourlyRate(ctx),
    rating: () => rating(ctx),
    history: () => history(ctx),
    accountAge: () => accountAge(ctx),
    budget: () => budget(ctx),
    skills: () => skills(ctx, out),
    competition: () => competition(ctx),
  };
  const weights = settings.scoring.weights;
  const readings = FACTOR_IDS.map((id) => ({ id, reading: readers[id]() }));
  const effective = (id: FactorId, r: FactorReading) => (r.quality === null ? 0 : weights[id] * r.evidence);
  const totalEffective = readings.reduce((s, { id, reading }) => s + effective(id, reading), 0);
  const totalWeight = FACTOR_IDS.reduce((s, id) => s + weights[id], 0);

  let raw = 0;
  const factors: FitFactor[] = readings.map(({ id, reading }) => {
    const weight = totalEffective > 0 ? (effective(id, reading) / totalEffective) * 100 : 0;
    const points = weight * (reading.quality ?? 0);
    raw += points;
    const { value, valueCode } = reading;
    return { id, label: FACTOR_LABEL[id], value, valueCode, weight: round(weight), points: round(points) };
  });

  const post = postTextFlags(input.job, settings.scoring.thresholds.shortPostChars);
  const message = messageFlags(input.message ?? null);
  const flags: Flag[] = [...post.flags, ...message.flags, ...readings.flatMap(({ reading }) => reading.flags)];
  const t = settings.scoring.thresholds;
  const uncapped = totalEffective > 0 ? Math.round(raw) : null;
  let score = uncapped;
  // Red flags are deal-breakers the weighted sum cannot buy back: each lowers the ceiling.
  const reds = readings.reduce((n, { reading }) => n + reading.flags.filter((f) => f.severity === "red").length, 0);
  // Never below one step: past three flags the answer is already "decline", and a floor keeps
  // very poor fits ordered by their factors rather than all at 0.
  const ceiling = Math.max(Math.min(t.redFlagCeilingStep, 100), 100 - reds * t.redFlagCeilingStep);
  if (score !== null && score > ceiling) {
    score = ceiling;
    flags.push(
      flag("score-ceiling", "red", "score-ceiling", { uncapped: uncapped!, reds, ceiling, step: t.redFlagCeilingStep }),
    );
  }
  if (score !== null && (post.red || message.red) && score > t.postRedFlagCap) {
    score = t.postRedFlagCap;
    const where = post.red && message.red ? "both" : post.red ? "post" : "message";
    flags.push(flag("score-capped", "red", "score-capped", { cap: t.postRedFlagCap, where }));
  }
  flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const confidence =
    totalWeight > 0
      ? round(readings.reduce((s, { id, reading }) => s + effective(id, reading), 0) / totalWeight, 2)
      : 0;
  const fit: Fit = { score, confidence, factors, flags, profile: out.profile, uncapped };
  if (score !== null) fit.suggestedAction = score < t.declineBelow ? "decline" : "reply";
  return fit;
}
