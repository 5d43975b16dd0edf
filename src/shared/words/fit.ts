/**
 * The fit score's words: factor names, factor values and flags, keyed by code. Scoring returns each
 * as data (`{ code, params }`: amounts and counts as numbers, dates as YYYY-MM(-DD), names as the
 * page or the settings spell them); whoever shows them renders them here in the reader's locale: the
 * worker for the on-page panel, the options and insights pages, and scoring itself for the English
 * `text` and `value` of records.md §4 that the CLI prints beside the codes.
 * English; a second language is a second table of the same shape.
 */
import { money, monthYear, type Where } from "../intl";
import type { FactorId } from "../settings";
import type { Fit } from "../score";
import type { Reason, ReasonParams, Shown } from "./reasons";

/** Each factor's name, as the panel, the options page and the insights page show it. */
export const FACTOR_LABEL: Record<FactorId, string> = {
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

/** A factor's name by id; an id this catalogue does not know shows as itself. */
export const factorLabel = (id: string): string => (FACTOR_LABEL as Record<string, string>)[id] ?? id;

/** What freelancers complain about (the history flag's topic codes). */
const TOPIC: Record<string, string> = {
  requirements: "unclear requirements",
  scope: "work beyond the agreed scope",
  payment: "payment",
  communication: "communication",
};

type Say = (p: Shown, w: Where) => string;
const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? "" : "s"}`;
const list = (v: unknown): Array<string | number> => (Array.isArray(v) ? (v as Array<string | number>) : []);
const stars = (v: unknown) =>
  list(v)
    .map((r) => Number(r).toFixed(1))
    .join(", ");
const usd = (p: Shown, key: string, w: Where) => money(Number(p[key]), "auto", w);
const perHour = (p: Shown, key: string, w: Where) => `${usd(p, key, w)}/h`;
/** The average rate paid, always with cents: "$37.50/h". */
const paid = (p: Shown, w: Where) => `${money(Number(p.paid), "always", w)}/h`;
/** "$30–$60/h", or "$60/h" when only one end is shown. */
const range = (p: Shown, w: Where) =>
  p.low !== undefined ? `${usd(p, "low", w)}–${perHour(p, "high", w)}` : perHour(p, "high", w);
/** "10–15", "50+", "fewer than 5": Upwork's proposal tiers. */
const tier = (p: Shown) =>
  p.max === undefined ? `${p.min}+` : p.min === 0 ? `fewer than ${Number(p.max) + 1}` : `${p.min}–${p.max}`;
const from = (p: Shown) => (p.reviews === undefined ? "" : ` from ${plural(p.reviews, "review")}`);

/** The red asks a post or a client's message may make (red-flags.ts), after its subject. */
const OFF_PLATFORM =
  "asks to talk or pay outside Upwork (messaging app, e-mail or phone). Upwork forbids it before a contract, and off-platform work has no payment protection.";
const UNPAID_TEST = "asks for unpaid test work. On Upwork, test tasks are paid through a contract.";
const CREDENTIALS = "asks for your logins, account or identity documents. No real client needs them.";

/** Flags: each a sentence, short enough to read at a glance. */
const FLAGS = {
  "payment-verified": () => "Payment method verified.",
  "payment-unverified": () =>
    "Payment method not verified: you cannot be paid until it is, and hourly work has no Hourly Protection.",
  "hire-rate-low": (p) => `Hires on only ${p.rate}% of ${p.posts} posts.`,
  "hire-rate-mid": (p) => `Hires on ${p.rate}% of ${p.posts} posts.`,
  "hire-rate-good": (p) => `Hires on ${p.rate}% of ${p.posts} posts.`,
  "spent-none": () => "New on Upwork: has not spent anything yet.",
  "spent-little": (p, w) => `Has spent only ${usd(p, "spent", w)} on Upwork.`,
  "spent-good": (p, w) => `Has spent ${usd(p, "spent", w)} on Upwork.`,
  "avg-rate-low": (p, w) => `Pays ${paid(p, w)} on average, under ${perHour(p, "floor", w)}.`,
  "avg-rate-half": (p, w) => `Pays ${paid(p, w)} on average, less than half your ${perHour(p, "yours", w)}.`,
  "avg-rate-below": (p, w) => `Pays ${paid(p, w)} on average, under your ${perHour(p, "yours", w)}.`,
  "avg-rate-good": (p, w) => `Pays ${paid(p, w)} on average, at or above your rate.`,
  "rating-low": (p) => `Rated ${p.rating}${from(p)} by freelancers (under ${p.poor}).`,
  "rating-mid": (p) => `Rated ${p.rating}${from(p)} by freelancers.`,
  "rating-good": (p) => `Rated ${p.rating}${from(p)} by freelancers.`,
  "history-pattern": (p) => {
    const topics = list(p.topics).map((t) => TOPIC[t] ?? String(t));
    const about = topics.length ? `; they mention ${topics.join(" and ")}` : "";
    return `${p.complaints} of the last ${p.rated} freelancers who rated this client gave it under ${p.below} or complained (${stars(p.ratings)})${about}.`;
  },
  "history-outlier": (p) => `One recent freelancer rated this client ${stars(p.ratings)}: an outlier so far.`,
  "history-good": (p) => `The last ${p.rated} freelancers rated this client ${p.atLeast} or more.`,
  "history-harsh-rater": (p) =>
    `This client gave ${p.count} of its recent freelancers under ${p.below} stars (${stars(p.ratings)}): a low rating from it would hurt your Job Success Score.`,
  "account-new": (p) => `The account was opened ${plural(p.days, "day")} ago.`,
  "account-old": (p, w) => `On Upwork since ${monthYear(String(p.since), w)}.`,
  "budget-fixed-under": (p, w) =>
    `The budget ${usd(p, "amount", w)} is under your minimum fixed price ${usd(p, "minimum", w)}.`,
  "budget-fixed-ok": (p, w) =>
    `The budget ${usd(p, "amount", w)} meets your minimum fixed price ${usd(p, "minimum", w)}.`,
  "budget-hourly-under": (p, w) => `The range ${range(p, w)} is under your minimum ${perHour(p, "minimum", w)}.`,
  "budget-hourly-low": (p, w) => `The range ${range(p, w)} starts under your minimum ${perHour(p, "minimum", w)}.`,
  "budget-hourly-ok": (p, w) => `The range ${range(p, w)} meets your minimum ${perHour(p, "minimum", w)}.`,
  "skills-none": () => "None of the job's skills are in your profiles.",
  "skills-good": (p) => `Your ${p.profile} covers ${p.matched} of the job's ${p.of} skills.`,
  "skills-few": (p) => `Your ${p.profile} covers only ${p.matched} of the job's ${p.of} skills.`,
  "competition-hired": (p) => `The client has already hired ${plural(p.hires, "freelancer")} for this job.`,
  "competition-very-crowded": (p) => `${tier(p)} proposals: very crowded.`,
  "competition-crowded": (p) => `${tier(p)} proposals: crowded.`,
  "competition-low": (p) => {
    const t = tier(p);
    return `${t[0]!.toUpperCase()}${t.slice(1)} proposals so far.`;
  },
  "score-ceiling": (p) =>
    `The factors earn ${p.uncapped}, but ${plural(p.reds, "red flag")} cap the score at ${p.ceiling} (each lowers the ceiling by ${p.step}).`,
  "score-capped": (p) =>
    `Score capped at ${p.cap} because of ${p.where === "both" ? "the post's and the message's" : p.where === "post" ? "the post's" : "the client's message's"} red flags.`,
  "post-off-platform": () => `The post ${OFF_PLATFORM}`,
  "post-unpaid-test": () => `The post ${UNPAID_TEST}`,
  "post-credentials": () => `The post ${CREDENTIALS}`,
  "message-off-platform": () => `The client's message ${OFF_PLATFORM}`,
  "message-unpaid-test": () => `The client's message ${UNPAID_TEST}`,
  "message-credentials": () => `The client's message ${CREDENTIALS}`,
  "post-short": (p) =>
    `The post is only ${p.length} characters long: ask what exactly is to be delivered before quoting.`,
  "post-deliverables": () => "The post names concrete deliverables.",
} satisfies Record<string, Say>;

/** Factor values: what the page showed, beside the factor's name. */
const VALUES = {
  "payment-verified": (p) => (p.verified ? "yes" : "no"),
  "hire-rate": (p) =>
    p.posts === undefined
      ? `${p.rate}% (posts unknown)`
      : `${p.rate}% of ${plural(p.posts, "post")}${p.weak ? " (weak evidence)" : ""}`,
  spent: (p, w) => usd(p, "spent", w),
  "avg-rate": (p, w) =>
    paid(p, w) +
    (p.hours === undefined ? "" : ` over ${plural(p.hours, "hour")}`) +
    (p.yours === undefined ? "" : ` (your rate ${perHour(p, "yours", w)})`),
  rating: (p) => `${p.rating}${from(p)}`,
  history: (p) => `${plural(list(p.ratings).length, "rating")}: ${stars(p.ratings)}`,
  "history-unrated": () => "no ratings of the client",
  "account-age": (p, w) => {
    const years = Math.floor(Number(p.days) / 365);
    const age = years >= 1 ? plural(years, "year") : plural(p.days, "day");
    return `${age} (since ${monthYear(String(p.since), w)})`;
  },
  "budget-fixed": (p, w) =>
    `${usd(p, "amount", w)} fixed` +
    (p.minimum === undefined
      ? " (no minimum fixed price in your settings)"
      : ` (your minimum ${usd(p, "minimum", w)})`),
  "budget-fixed-unknown": () => "fixed price, amount not shown",
  "budget-hourly": (p, w) =>
    range(p, w) +
    (p.minimum === undefined
      ? " (no minimum hourly rate in your settings)"
      : ` (your minimum ${perHour(p, "minimum", w)})`),
  "budget-hourly-unknown": () => "hourly, range not shown",
  skills: (p) => {
    const matched = list(p.matched);
    return `${matched.length} of ${p.of}${matched.length ? `: ${matched.join(", ")}` : ""} (${p.profile})`;
  },
  competition: (p) => {
    const parts = [`${tier(p)} proposals`];
    if (p.interviewing !== undefined) parts.push(`${p.interviewing} interviewing`);
    if (p.invites !== undefined)
      parts.push(
        `${plural(p.invites, "invite")} sent${p.unanswered !== undefined ? ` (${p.unanswered} unanswered)` : ""}`,
      );
    if (p.hires !== undefined) parts.push(plural(p.hires, "hire"));
    return parts.join(", ");
  },
} satisfies Record<string, Say>;

export type FlagCode = keyof typeof FLAGS;
export type ValueCode = keyof typeof VALUES;

type Coded = { code: string; params: ReasonParams };
const say = (table: Record<string, Say>, r: Coded, where: Where) => table[r.code]?.(r.params as Shown, where) ?? null;

/** A flag in words (null for a code this catalogue does not know: the caller keeps the flag's `text`). */
export function flagWords(r: Coded, where: Where = {}): string | null {
  return say(FLAGS, r, where);
}

/** A factor's value in words (null for an unknown code: the caller keeps the factor's `value`). */
export function valueWords(r: Coded, where: Where = {}): string | null {
  return say(VALUES, r, where);
}

/** Typed constructors for scoring: a code this catalogue has, with its params. */
export const flagCode = (code: FlagCode, params: ReasonParams = {}): Reason<FlagCode> => ({ code, params });
export const valueCode = (code: ValueCode, params: ReasonParams = {}): Reason<ValueCode> => ({ code, params });

/** Every code the catalogue words (for the tests that check each has words). */
export const FLAG_CODES = Object.keys(FLAGS) as FlagCode[];
export const VALUE_CODES = Object.keys(VALUES) as ValueCode[];

/**
 * A fit with its words in the reader's locale: each factor's name and value and each flag's text
 * rendered anew from its codes (what has no code, or a code this catalogue lacks, keeps its words).
 * The worker does this before the panel shows a fit, so the content script carries no catalogue.
 */
export function fitInWords<F extends Fit>(fit: F, where: Where = {}): F {
  return {
    ...fit,
    factors: fit.factors.map((f) => ({
      ...f,
      label: factorLabel(f.id),
      value: f.valueCode ? (valueWords(f.valueCode, where) ?? f.value) : f.value,
    })),
    flags: fit.flags.map((f) => ({ ...f, text: f.textCode ? (flagWords(f.textCode, where) ?? f.text) : f.text })),
  };
}
