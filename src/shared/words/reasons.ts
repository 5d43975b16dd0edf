/**
 * The catalogue's urgency part: every sentence that urgency says to a person, keyed by reason code. Scoring
 * returns reasons as data (`{ code, params }`: times as ISO, counts as numbers); whoever shows them
 * renders them here, with the reader's clock, locale and zone (src/shared/intl.ts): the panel live on
 * the page, the CLI as English text beside the codes. A second language is a second table of the same
 * shape, not a rewrite. Kept small and free of other imports: the content script carries it (20 KB).
 */
import { MINUTE_MS, moment, calendarDay, type Where } from "../intl";

/** The words of records.md §4's English fields (`reasons`, a flag's `text`, a factor's `value`): English formats, this runtime's zone. */
export const ENGLISH: Where = { locale: "en-US" };

/** A code's params: times as ISO, amounts and counts as numbers, lists (ratings, skills) as arrays. */
export type ReasonParams = Record<string, string | number | boolean | Array<string | number>>;
export interface Reason<C extends string = ReasonCode> {
  code: C;
  params: ReasonParams;
}
/**
 * How a sentence reads its params: the scalars go into the words; a list (fit.ts) is read only
 * through its own helper, never put into a template whole.
 */
export type Shown = Record<string, string | number | boolean>;

/**
 * How a duration reads, at a glance: the one rule for the badge's "reply in 21 h" and the reasons'
 * "21 h left" (so they name the same hour). Under an hour, whole minutes floored ("30 min" until 30
 * minutes are really left); then rounded to the minute and whole hours floored, under two days; then
 * days. Coarse on purpose: the words change when the badge's do, never to a minute's precision that a
 * page left open would make stale.
 */
export function durationWords(ms: number): string {
  const minutes = Math.max(0, ms) / MINUTE_MS;
  const hours = minutes < 60 ? 0 : Math.floor(Math.round(minutes) / 60);
  return hours === 0 ? `${Math.floor(minutes)} min` : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** A time near `now` relative to it: "in 21 h", "2 h ago". */
export function relativeWords(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  return ms >= 0 ? `in ${durationWords(ms)}` : `${durationWords(-ms)} ago`;
}

type Say = (p: Shown, now: Date, where: Where) => string;
const at = (p: Shown, key: string, now: Date, where: Where) => moment(String(p[key]), now, where);
const ago = (p: Shown, key: string, now: Date) => durationWords(now.getTime() - Date.parse(String(p[key])));
/** "reply by tomorrow 00:32 (in 21 h)", or "(6 h ago)" once past. */
const replyBy = (p: Shown, now: Date, where: Where) =>
  `reply by ${at(p, "replyBy", now, where)} (${relativeWords(String(p.replyBy), now)})`;

const FIRST = ": the first good replies win.";

/**
 * English. Each entry: the code's params → the sentence. Short: the panel is read at a glance.
 * The reasons that name a time come first: the page words these itself, against its own clock, as it
 * stays open. The still ones it shows as the worker worded them from this same catalogue (`reasons`),
 * so the content script carries only the clocked half (its 20 KB budget).
 */
const EN_CLOCKED = {
  /** An exact receipt time: the exact deadline. */
  "window-received": (p, now, w) =>
    `Received ${at(p, "receivedAt", now, w)} · ${replyBy(p, now, w)}. Upwork counts ${p.hours} h from the invitation (Ignore does not count as a reply).`,
  /** A date only: the earliest deadline, the end of that day in the reader's zone. */
  "window-received-day": (p, now, w) =>
    `Received ${calendarDay(String(p.receivedOn), now, w)}, time not shown · ${replyBy(p, now, w)} at the earliest (approximate).`,
  "window-first-seen": (p, now, w) =>
    `Arrival time not shown: counting from when you first saw it, ${at(p, "firstSeenAt", now, w)} · ${replyBy(p, now, w)}; the real deadline may be earlier.`,
  late: (p, now) =>
    `${p.hours} h passed ${ago(p, "endedAt", now)} ago: a reply still reaches the client, no longer on time.`,
  "time-left": (p, now) => `${durationWords(Date.parse(String(p.replyBy)) - now.getTime())} left to reply.`,
  "client-active": (p, now) => `The client looked at applicants ${ago(p, "viewedAt", now)} ago: active now.`,
  "client-idle": (p, now, w) => `The client last looked at applicants ${at(p, "viewedAt", now, w)}.`,
  "fresh-invitation": (p, now) => `Received ${ago(p, "at", now)} ago${FIRST}`,
  "fresh-post": (p, now) => `Posted ${ago(p, "at", now)} ago${FIRST}`,
} satisfies Record<string, Say>;

const EN_STILL = {
  "window-unknown": () => "Arrival time unknown: reply within the day to be safe.",
  "no-invitation": () => "No invitation on this job: no reply clock.",
  declined: () => "You declined this invitation.",
  replied: () => "You have replied to this invitation.",
  expired: () => "The invitation has expired or the job is closed.",
  hired: (p) =>
    `The client has already hired ${p.hires === 1 ? "a freelancer" : `${p.hires} freelancers`} for this job.`,
  interviewing: (p) => `The client is interviewing ${p.count}: deciding now.`,
  "low-fit": (p) => `Low fit (${p.fit}): decline politely; a decline counts as a reply.`,
} satisfies Record<string, Say>;

export type ReasonCode = keyof typeof EN_CLOCKED | keyof typeof EN_STILL;
type Reasonable = { code: string; params: ReasonParams };
const say = (table: Record<string, Say>, r: Reasonable, now: Date, where: Where) =>
  table[r.code]?.(r.params as Shown, now, where) ?? null;

/** One reason in words (null for a code this catalogue does not know: the caller shows its English text). */
export function reasonWords(reason: Reasonable, now: Date, where: Where = {}): string | null {
  return say(EN_CLOCKED, reason, now, where) ?? say(EN_STILL, reason, now, where);
}

/** A reason that names a time, in words against `now`; null for the still ones (the page shows the worker's). */
export function clockedReasonWords(reason: Reasonable, now: Date, where: Where = {}): string | null {
  return say(EN_CLOCKED, reason, now, where);
}

/** The urgency levels' names. */
export const LEVEL_LABEL = {
  now: "Reply now",
  today: "Reply today",
  soon: "Reply soon",
  low: "No rush",
  closed: "Closed",
} as const;

/** The badge's time words: "reply in 21 h" (a duration's words), "past 24 h", "Late · 24 h passed". */
export const TIME_WORDS = {
  past: "past 24 h",
  late: "Late · 24 h passed",
  left: (duration: string) => `reply in ${duration}`,
};
