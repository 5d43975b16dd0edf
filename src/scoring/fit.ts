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
import { money, monthYear } from "../shared/intl";
import { clamp01, curve, evidence, round } from "./curve";
import { messageFlags, postTextFlags } from "./red-flags";
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
  value: string | number | boolean | null;
  quality: number | null;
  evidence: number;
  flags: Flag[];
}

export const FACTOR_LABELS: Record<FactorId, string> = {
  paymentVerified: "Payment verified",
  hireRate: "Hire rate",
  totalSpent: "Total spent",
  avgHourlyRate: "Average hourly rate paid",
  rating: "Client rating",
  history: "Recent freelancers' ratings of the client",
  accountAge: "Account age",
  budget: "Budget against your minimums",
  skills: "Skill overlap",
  competition: "Competition",
};

const DAY_MS = 86_400_000;
const none = (value: FactorReading["value"] = null): FactorReading => ({
  value,
  quality: null,
  evidence: 0,
  flags: [],
});
const flag = (id: string, severity: Flag["severity"], text: string): Flag => ({ id, severity, text });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type Ctx = { input: FitInput; settings: Settings; now: Date };

function paymentVerified({ input }: Ctx): FactorReading {
  const v = input.client.paymentVerified;
  if (v === null) return none();
  return {
    value: v,
    quality: v ? 1 : 0,
    evidence: 1,
    flags: [
      v
        ? flag("payment-verified", "green", "Payment method verified.")
        : flag(
            "payment-unverified",
            "red",
            "Payment method not verified: you cannot be paid until it is, and hourly work has no Hourly Protection.",
          ),
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
  const value =
    posts === null
      ? `${rate}% (posts unknown)`
      : `${rate}% of ${plural(posts, "post")}${weak ? " (weak evidence)" : ""}`;
  const flags: Flag[] = [];
  if (!weak) {
    if (rate < t.hireRatePoor) flags.push(flag("hire-rate-low", "red", `Hires on only ${rate}% of ${posts} posts.`));
    else if (rate < t.hireRateGood) flags.push(flag("hire-rate-mid", "amber", `Hires on ${rate}% of ${posts} posts.`));
    else flags.push(flag("hire-rate-good", "green", `Hires on ${rate}% of ${posts} posts.`));
  }
  return {
    value,
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
  if (spent === 0) flags.push(flag("spent-none", "amber", "New on Upwork: has not spent anything yet."));
  else if (spent < t.spentEstablished)
    flags.push(flag("spent-little", "amber", `Has spent only ${money(spent)} on Upwork.`));
  else flags.push(flag("spent-good", "green", `Has spent ${money(spent)} on Upwork.`));
  return {
    value: money(spent),
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
  const rate = `${money(paid, "always")}/h`;
  if (paid < floor) flags.push(flag("avg-rate-low", "red", `Pays ${rate} on average, under ${money(floor)}/h.`));
  else if (yours !== null && paid < yours / 2)
    flags.push(flag("avg-rate-half", "red", `Pays ${rate} on average, less than half your ${money(yours)}/h.`));
  else if (yours !== null && paid < yours)
    flags.push(flag("avg-rate-below", "amber", `Pays ${rate} on average, under your ${money(yours)}/h.`));
  else if (yours !== null)
    flags.push(flag("avg-rate-good", "green", `Pays ${rate} on average, at or above your rate.`));
  const over = hours === null ? "" : ` over ${plural(hours, "hour")}`;
  return {
    value: `${rate}${over}${yours !== null ? ` (your rate ${money(yours)}/h)` : ""}`,
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
  const of = n === null ? "" : ` from ${plural(n, "review")}`;
  const solid = n !== null && n >= 3;
  if (r < t.ratingPoor)
    flags.push(flag("rating-low", solid ? "red" : "amber", `Rated ${r}${of} by freelancers (under ${t.ratingPoor}).`));
  else if (r < t.ratingGood) flags.push(flag("rating-mid", "amber", `Rated ${r}${of} by freelancers.`));
  else if (solid) flags.push(flag("rating-good", "green", `Rated ${r}${of} by freelancers.`));
  return {
    value: `${r}${of}`,
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

/** What freelancers complain about, to say whether complaints are "similar". */
const COMPLAINT_TOPICS: Array<[string, RegExp]> = [
  ["unclear requirements", /\b(vague|unclear|not clear|requirements? (kept )?chang\w*|changing requirements)\b/i],
  [
    "work beyond the agreed scope",
    /\b(scope|beyond|far from the original|extra work|outside (of )?the (job|description))\b/i,
  ],
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
  if (entries.length === 0) return none(input.client.history.length ? "no ratings of the client" : null);
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
  const ratings = complaints.map((c) => c.rating.toFixed(1)).join(", ");
  if (pattern) {
    const shared = COMPLAINT_TOPICS.map(([name]) => name).filter(
      (name) => complaints.filter((c) => c.topics.includes(name)).length >= 2,
    );
    const about = shared.length ? `; they mention ${shared.join(" and ")}` : "";
    flags.push(
      flag(
        "history-pattern",
        "red",
        `${complaints.length} of the last ${entries.length} freelancers who rated this client gave it under ${t.historyComplaintBelow} or complained (${ratings})${about}.`,
      ),
    );
  } else if (complaints.length > 0) {
    flags.push(
      flag("history-outlier", "amber", `One recent freelancer rated this client ${ratings}: an outlier so far.`),
    );
  } else if (entries.length >= 2 && entries.every((h) => h.freelancerRating! >= t.ratingPoor)) {
    flags.push(
      flag(
        "history-good",
        "green",
        `The last ${entries.length} freelancers rated this client ${t.ratingPoor} or more.`,
      ),
    );
  }
  // A client that rates its freelancers harshly endangers the user's Job Success Score. Flag only:
  // the low ratings may have been deserved, so they move no points.
  const harsh = input.client.history
    .map((h) => h.clientRating)
    .filter((r): r is number => r !== null && r < t.historyComplaintBelow);
  if (harsh.length >= t.historyPatternCount)
    flags.push(
      flag(
        "history-harsh-rater",
        "amber",
        `This client gave ${harsh.length} of its recent freelancers under ${t.historyComplaintBelow} stars (${harsh.map((r) => r.toFixed(1)).join(", ")}): a low rating from it would hurt your Job Success Score.`,
      ),
    );
  const mean = sum / total;
  return {
    value: `${plural(entries.length, "rating")}: ${entries.map((h) => h.freelancerRating!.toFixed(1)).join(", ")}`,
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
  const years = Math.floor(days / 365);
  const flags: Flag[] = [];
  // A month and year, as Upwork's "Member since Mar 2019" says it: no ISO date on the screen.
  const joined = monthYear(since);
  if (days < 30)
    flags.push(flag("account-new", "amber", `The account was opened ${plural(Math.max(0, days), "day")} ago.`));
  else if (days >= mature) flags.push(flag("account-old", "green", `On Upwork since ${joined}.`));
  return {
    value:
      years >= 1
        ? `${plural(years, "year")} (since ${joined})`
        : `${plural(Math.max(0, days), "day")} (since ${joined})`,
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
    if (b.amount === null) return none("fixed price, amount not shown");
    const value = `${money(b.amount)} fixed`;
    const min = rates.minimumFixed;
    if (min === null || min === 0) return none(`${value} (no minimum fixed price in your settings)`);
    const flags: Flag[] = [];
    if (b.amount < min)
      flags.push(
        flag(
          "budget-under-minimum",
          "red",
          `The budget ${money(b.amount)} is under your minimum fixed price ${money(min)}.`,
        ),
      );
    else
      flags.push(
        flag("budget-ok", "green", `The budget ${money(b.amount)} meets your minimum fixed price ${money(min)}.`),
      );
    return {
      value: `${value} (your minimum ${money(min)})`,
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
  if (top === null) return none("hourly, range not shown");
  const range = b.min !== null && b.max !== null ? `${money(b.min)}–${money(b.max)}/h` : `${money(top)}/h`;
  const floor = rates.minimumHourly ?? rates.hourly;
  const target = rates.hourly ?? rates.minimumHourly;
  if (floor === null || target === null || floor === 0)
    return none(`${range} (no minimum hourly rate in your settings)`);
  const flags: Flag[] = [];
  if (top < floor)
    flags.push(flag("budget-under-minimum", "red", `The range ${range} is under your minimum ${money(floor)}/h.`));
  else if (b.min !== null && b.min < floor)
    flags.push(flag("budget-range-low", "amber", `The range ${range} starts under your minimum ${money(floor)}/h.`));
  else flags.push(flag("budget-ok", "green", `The range ${range} meets your minimum ${money(floor)}/h.`));
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
  return { value: `${range} (your minimum ${money(floor)}/h)`, quality: curve(top, points), evidence: 1, flags };
}

/** Skills: share of the job's skills the best profile covers, full at skillsFullMatchShare. */
function skills({ input, settings }: Ctx, out: { profile: Fit["profile"] }): FactorReading {
  const best = bestProfile(input.job.skills, settings.profile);
  out.profile = best;
  if (best === null) return none();
  const n = input.job.skills.length;
  const flags: Flag[] = [];
  const full = settings.scoring.thresholds.skillsFullMatchShare;
  if (best.matched.length === 0)
    flags.push(flag("skills-none", "red", "None of the job's skills are in your profiles."));
  else if (best.share >= full)
    flags.push(
      flag("skills-good", "green", `Your ${best.name} covers ${best.matched.length} of the job's ${n} skills.`),
    );
  else if (best.share < full / 2)
    flags.push(
      flag("skills-few", "amber", `Your ${best.name} covers only ${best.matched.length} of the job's ${n} skills.`),
    );
  const which = best.matched.length ? `: ${best.matched.join(", ")}` : "";
  return {
    value: `${best.matched.length} of ${n}${which} (${best.name})`,
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
  const tier = p.max === null ? `${p.min}+` : p.min === 0 ? `fewer than ${p.max + 1}` : `${p.min}–${p.max}`;
  const parts = [`${tier} proposals`];
  if (a.interviewing !== null) parts.push(`${a.interviewing} interviewing`);
  if (a.invitesSent !== null)
    parts.push(
      `${plural(a.invitesSent, "invite")} sent${a.unansweredInvites !== null ? ` (${a.unansweredInvites} unanswered)` : ""}`,
    );
  if (a.hires !== null) parts.push(`${plural(a.hires, "hire")}`);
  const flags: Flag[] = [];
  if (hired > 0)
    flags.push(
      flag("competition-hired", "amber", `The client has already hired ${plural(hired, "freelancer")} for this job.`),
    );
  if (p.min >= crowded * 2.5) flags.push(flag("competition-very-crowded", "amber", `${tier} proposals: very crowded.`));
  else if (p.min >= crowded) flags.push(flag("competition-crowded", "amber", `${tier} proposals: crowded.`));
  else if (p.min < 5 && hired === 0)
    flags.push(flag("competition-low", "green", `${tier[0]!.toUpperCase()}${tier.slice(1)} proposals so far.`));
  return { value: parts.join(", "), quality: q, evidence: 1, flags };
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
    return { id, label: FACTOR_LABELS[id], value: reading.value, weight: round(weight), points: round(points) };
  });

  const post = postTextFlags(input.job, settings.scoring.thresholds.shortPostChars);
  const said = messageFlags(input.message ?? null);
  const flags: Flag[] = [...post.flags, ...said.flags, ...readings.flatMap(({ reading }) => reading.flags)];
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
      flag(
        "score-ceiling",
        "red",
        `The factors earn ${uncapped}, but ${plural(reds, "red flag")} cap the score at ${ceiling} (each lowers the ceiling by ${t.redFlagCeilingStep}).`,
      ),
    );
  }
  if (score !== null && (post.red || said.red) && score > t.postRedFlagCap) {
    score = t.postRedFlagCap;
    const where =
      post.red && said.red ? "the post's and the message's" : post.red ? "the post's" : "the client's message's";
    flags.push(flag("score-capped", "red", `Score capped at ${t.postRedFlagCap} because of ${where} red flags.`));
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
