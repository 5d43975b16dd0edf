/**
 * The user's settings: the file of records.md §5 plus Invitewise's own sections.
 * Every section has a default, so a file holding only `version`, `rates` and `profile` is valid,
 * and the score and drafts work before the user has filled anything in.
 */
import * as z from "zod/mini";

export const SETTINGS_VERSION = 1;

// Every number has a range: a stored or imported 1e10 must be refused naming the field, never reach
// the score or the badges (a reply window of 1e10 hours made every badge update throw).
const money = z.number().check(z.gte(0), z.lt(1e9));
/** A count of posts, reviews, ratings, proposals or characters. */
const settingCount = z.int().check(z.gte(1), z.lte(100_000));
const HOURS_IN_A_MONTH = 24 * 31;
const MINUTES_IN_A_MONTH = 60 * HOURS_IN_A_MONTH;
const nonEmpty = z.string().check(z.minLength(1));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.infer<T>) =>
  z._default(schema, () => structuredClone(value) as never);

export const PreferredPayment = z.enum(["hourly", "fixed", "milestone"]);

export const Rates = z.object({
  hourly: z.nullable(money),
  minimumHourly: z.nullable(money),
  minimumFixed: z.nullable(money),
  preferredPayment: PreferredPayment,
});

export const SpecializedProfile = z.object({
  name: nonEmpty,
  skills: z.array(nonEmpty),
  hourlyRate: z.optional(z.nullable(money)),
});

export const PortfolioItem = z.object({
  title: nonEmpty,
  url: z.optional(z.nullable(z.string())),
  skills: z.array(nonEmpty),
  outcome: z.optional(z.nullable(z.string())),
});

export const Profile = z.object({
  name: z.string(),
  headline: z.optional(z.string()),
  overview: z.optional(z.string()),
  skills: z.array(nonEmpty),
  specializedProfiles: withDefault(z.array(SpecializedProfile), []),
  portfolio: withDefault(z.array(PortfolioItem), []),
});

/** Fit-score factor ids, in the order the panel lists them. */
export const FACTOR_IDS = [
  "paymentVerified",
  "hireRate",
  "totalSpent",
  "avgHourlyRate",
  "rating",
  "history",
  "accountAge",
  "budget",
  "skills",
  "competition",
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

const weight = z.number().check(z.gte(0), z.lte(100));
export const Weights = z.object(
  Object.fromEntries(FACTOR_IDS.map((id) => [id, weight])) as Record<FactorId, typeof weight>,
);

export const Thresholds = z.object({
  /** Hire rate (percent) at or above which a client hires reliably, and below which it rarely does. */
  hireRateGood: z.number().check(z.gte(0), z.lte(100)),
  hireRatePoor: z.number().check(z.gte(0), z.lte(100)),
  /** Jobs posted at which a hire rate counts as full evidence; fewer posts pull it toward neutral. */
  hireRateFullEvidencePosts: settingCount,
  /** Total spent (USD) that counts as an established and as a strong client. */
  spentEstablished: money,
  spentStrong: money,
  /** Average hourly rate paid (USD) under which a client is a low payer whatever the user's rate. */
  avgHourlyFloor: money,
  /** Client rating at or above which it is good, and below which it is poor. */
  ratingGood: z.number().check(z.gte(0), z.lte(5)),
  ratingPoor: z.number().check(z.gte(0), z.lte(5)),
  /** Reviews at which a rating counts as full evidence. */
  ratingFullEvidenceReviews: settingCount,
  /** A freelancer's rating of the client below this is a complaint; this many complaints make a pattern. */
  historyComplaintBelow: z.number().check(z.gte(0), z.lte(5)),
  historyPatternCount: settingCount,
  /** Account age (days) that counts as established. */
  accountMatureDays: z.int().check(z.gte(1), z.lte(36_500)),
  /** Proposals (lower bound of the tier) from which a job is crowded. */
  proposalsCrowded: settingCount,
  /** Score under which the suggested action is "decline politely". */
  declineBelow: z.number().check(z.gte(0), z.lte(100)),
  // Added for the scoring core. Each key carries its own default so settings stored before it
  // existed still validate (additive, no migration needed).
  /** Hours billed at which the average hourly rate paid counts as full evidence. */
  avgRateFullEvidenceHours: withDefault(z.number().check(z.gt(0), z.lte(100_000)), 40),
  /** Rated entries of the client's recent history at which that history counts as full evidence. */
  historyFullEvidenceRatings: withDefault(settingCount, 3),
  /** Share (0–1) of the job's skills the best profile must cover to count as a full skills match. */
  skillsFullMatchShare: withDefault(z.number().check(z.gt(0), z.lte(1)), 0.75),
  /** Highest score a post can get when its text asks to leave Upwork, for unpaid tests or for credentials. */
  postRedFlagCap: withDefault(z.number().check(z.gte(0), z.lte(100)), 25),
  /** A post shorter than this (characters) says too little to quote for: an amber flag. */
  shortPostChars: withDefault(z.int().check(z.gte(0), z.lte(100_000)), 200),
  /** Each red flag about the client or the job lowers the highest possible score by this much. */
  redFlagCeilingStep: withDefault(z.number().check(z.gte(0), z.lte(100)), 25),
});

export const UrgencyWindows = z.object({
  /** Upwork's reply window from the invitation, in hours. */
  replyWindowHours: z.number().check(z.gt(0), z.lte(HOURS_IN_A_MONTH)),
  /** Time left (hours) under which the level is `now`. */
  nowHoursLeft: z.number().check(z.gte(0), z.lte(HOURS_IN_A_MONTH)),
  /** "Last viewed by client" under this many minutes means the client is active now. */
  clientActiveMinutes: z.number().check(z.gte(0), z.lte(MINUTES_IN_A_MONTH)),
  // Added for the urgency core; own defaults keep older stored settings valid. (A `todayHoursLeft`
  // of older files is dropped: a pending invitation inside its window is always at least today.)
  /** An invitation younger than this (minutes) is fresh: answering first raises the chance of a hire. */
  freshMinutes: withDefault(z.number().check(z.gte(0), z.lte(MINUTES_IN_A_MONTH)), 60),
});

export const Scoring = z.object({ weights: Weights, thresholds: Thresholds, urgency: UrgencyWindows });

export const Templates = z.object({
  coverLetter: z.string(),
  decline: z.string(),
  referral: z.string(),
  followUp: z.string(),
});

export const DEFAULT_RATES: z.infer<typeof Rates> = {
  hourly: null,
  minimumHourly: null,
  minimumFixed: null,
  preferredPayment: "milestone",
};

export const DEFAULT_PROFILE: z.infer<typeof Profile> = {
  name: "",
  headline: "",
  overview: "",
  skills: [],
  specializedProfiles: [],
  portfolio: [],
};

/**
 * Default weights (sum 100). Why each: the client's own track record (hire rate, history, rating,
 * spend) predicts whether an invitation turns into paid work better than anything else on the page;
 * payment verification is a gate more than a gradient; skills decide whether the user can do the job.
 */
export const DEFAULT_WEIGHTS: Record<FactorId, number> = {
  paymentVerified: 10,
  hireRate: 14,
  totalSpent: 10,
  avgHourlyRate: 12,
  rating: 8,
  history: 12,
  accountAge: 4,
  budget: 10,
  skills: 14,
  competition: 6,
};

/**
 * Default thresholds. Why each (DOMAIN.md's "thresholds other tools use" is the starting point):
 * - hireRateGood 70 / hireRatePoor 40: the top and bottom of the tools' bands (green ≥ 60–75 %,
 *   red < 30–40 %); a client between them is amber, not bad.
 * - hireRateFullEvidencePosts 10: a hire rate from fewer posts carries proportionally less weight
 *   (1 post = a tenth), so "0 % of 1 post" is weak evidence, not a 0 % client. No tool does this.
 * - spentEstablished 1000 / spentStrong 10000: the tools' green (> $1K) and strong (≥ $10K) marks.
 * - avgHourlyFloor 15: the tools' red line for the average rate paid, whatever the user charges.
 * - ratingGood 4.7 / ratingPoor 4.5: the tools' bands; Upwork ratings cluster high, so 4.5 is poor.
 * - ratingFullEvidenceReviews 10: like hire rate, a rating from few reviews weighs less.
 * - historyComplaintBelow 3 / historyPatternCount 2: the page shows only the ~5 latest contracts, so
 *   two ratings under 3 there are already a pattern (the tools' "≥ 5 bad" is over a full history).
 * - accountMatureDays 365: one year of history; newer accounts score in proportion, never zero-rated
 *   for being new alone (a new account is a risk signal, not proof).
 * - proposalsCrowded 20: DOMAIN's "20–50 crowded".
 * - declineBelow 40: under 40 the client or the job misses on most factors; declining politely keeps
 *   the 24-hour reply record and "does not impact your chances of receiving future invitations".
 * - avgRateFullEvidenceHours 40: one full-time week billed; an average over a few hours is noise.
 * - historyFullEvidenceRatings 3: one bad rating alone may be the freelancer's fault; three agree.
 * - skillsFullMatchShare 0.75: posts list 4–10 skills including generic neighbours ("Mobile App
 *   Design"), so covering three quarters of them is a full match.
 * - postRedFlagCap 25: moving off Upwork, unpaid tests and credential requests are how scams start;
 *   no budget or rating makes such a post a good fit, so it can never pass declineBelow.
 * - shortPostChars 200: DOMAIN's "< 200–300 chars" amber; the shorter bound avoids flagging terse
 *   but concrete posts.
 * - redFlagCeilingStep 25: a weighted sum lets volume (verified, $11K spent, 68 % hire rate) hide a
 *   client who pays $5/h and whose last freelancers rated it 1.0 and 2.5 — the "87, Good" failure in
 *   DOMAIN.md. Each red flag is a deal-breaker the other factors cannot buy back: one caps the score
 *   at 75 (no longer excellent), two at 50 (borderline), three or more at 25 (decline).
 */
export const DEFAULT_THRESHOLDS: z.infer<typeof Thresholds> = {
  hireRateGood: 70,
  hireRatePoor: 40,
  hireRateFullEvidencePosts: 10,
  spentEstablished: 1000,
  spentStrong: 10000,
  avgHourlyFloor: 15,
  ratingGood: 4.7,
  ratingPoor: 4.5,
  ratingFullEvidenceReviews: 10,
  historyComplaintBelow: 3,
  historyPatternCount: 2,
  accountMatureDays: 365,
  proposalsCrowded: 20,
  declineBelow: 40,
  avgRateFullEvidenceHours: 40,
  historyFullEvidenceRatings: 3,
  skillsFullMatchShare: 0.75,
  postRedFlagCap: 25,
  shortPostChars: 200,
  redFlagCeilingStep: 25,
};

/**
 * Default urgency windows. Why: replyWindowHours 24 is Upwork's own clock (after it the
 * response-time badge suffers); nowHoursLeft 3 leaves time to read the post and write a real reply;
 * clientActiveMinutes 60 follows the issue (DOMAIN's "< 10 min"
 * is too narrow for a page read minutes before it is looked at); freshMinutes 60 because even
 * 5–10-minute delays cut the chance of being hired (DOMAIN: 11.66 M marketplace interactions).
 */
export const DEFAULT_URGENCY: z.infer<typeof UrgencyWindows> = {
  replyWindowHours: 24,
  nowHoursLeft: 3,
  clientActiveMinutes: 60,
  freshMinutes: 60,
};

/**
 * The built-in reply templates (the drafting code fills them; an empty stored template also means
 * "use these"). `{{token}}`s: jobTitle, jobPhrase, opening, hook, skills, skillsList, portfolio, asks,
 * nextStep, name, headline in the cover letter; jobTitle, project, thanks, reason, reasonLabel,
 * skillsList, summary, name in the notes. An unknown token stays visible in the draft.
 * `[…]` marks what the user must write themselves.
 */
export const DEFAULT_TEMPLATES: z.infer<typeof Templates> = {
  coverLetter:
    "Hi,\n\n{{opening}} {{hook}}\n\n{{skills}}\n\n{{portfolio}}\n\n{{asks}}\n\n{{nextStep}}\n\nBest regards,\n{{name}}",
  decline:
    "Hi,\n\n{{thanks}} {{reason}}\n\nI wish you the best with the project, and I'd be glad to hear from you about future work.\n\nBest regards,\n{{name}}",
  referral: "If it helps, I can recommend [name of the freelancer you refer]: [why they fit {{project}}].",
  followUp:
    "Hi,\n\nI just submitted my proposal for {{project}}. {{summary}}\n\nWould a short call this week suit you? One question in the meantime: [a question about the project]\n\nBest regards,\n{{name}}",
};

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  rates: withDefault(Rates, DEFAULT_RATES),
  profile: withDefault(Profile, DEFAULT_PROFILE),
  templates: withDefault(Templates, DEFAULT_TEMPLATES),
  scoring: withDefault(Scoring, { weights: DEFAULT_WEIGHTS, thresholds: DEFAULT_THRESHOLDS, urgency: DEFAULT_URGENCY }),
});

export type Rates = z.infer<typeof Rates>;
export type Profile = z.infer<typeof Profile>;
export type PortfolioItem = z.infer<typeof PortfolioItem>;
export type SpecializedProfile = z.infer<typeof SpecializedProfile>;
export type Weights = z.infer<typeof Weights>;
export type Thresholds = z.infer<typeof Thresholds>;
export type UrgencyWindows = z.infer<typeof UrgencyWindows>;
export type Templates = z.infer<typeof Templates>;
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return Settings.parse({ version: SETTINGS_VERSION });
}

/** A readable reason naming the field: "profile.portfolio.3.title: must not be empty". */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, prefix?: string): string {
  const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".") || "(root)";
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
  };
  // zod does not report the input by default; look it up, to say what was found instead.
  const input = issue.path.reduce<unknown>(
    (v, k) => (typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  );
  let why: string;
  switch (issue.code) {
    case "invalid_type":
      why =
        input === undefined
          ? `is missing (expected ${i.expected})`
          : `expected ${i.expected}, got ${describeValue(input)}`;
      break;
    case "too_small":
      why = i.origin === "string" && Number(i.minimum) === 1 ? "must not be empty" : `must be at least ${i.minimum}`;
      break;
    case "too_big":
      why = `must be at most ${i.maximum}`;
      break;
    case "invalid_value":
      why = `must be one of ${(issue as { values?: unknown[] }).values?.map((v) => JSON.stringify(v)).join(", ") ?? "the allowed values"}`;
      break;
    default:
      why = issue.message;
  }
  return `${path}: ${why}`;
}

function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  if (typeof x === "number" && Number.isNaN(x)) return "not a number";
  if (typeof x === "string") return x.length > 30 ? "text" : JSON.stringify(x);
  return typeof x;
}

/** Reads a settings file (records.md §5). An invalid file is refused with the bad field named. */
export function parseSettingsFile(value: unknown): { ok: true; settings: Settings } | { ok: false; error: string } {
  const result = Settings.safeParse(value);
  return result.success
    ? { ok: true, settings: result.data }
    : { ok: false, error: describeIssue(result.error.issues[0]!, value) };
}
