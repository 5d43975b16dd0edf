/**
 * The message catalogue: every sentence that urgency says to a person, keyed by reason code. Scoring
 * returns reasons as data (`{ code, params }`: times as ISO, counts as numbers); whoever shows them
 * renders them here, with the reader's clock, locale and zone (src/shared/intl.ts): the panel live on
 * the page, the CLI as English text beside the codes. A second language is a second table of the same
 * shape, not a rewrite. Kept small and free of other imports: the content script carries it (20 KB).
 */
import { hoursAndMinutes, moment, calendarDay, type Where } from "./intl";

export type ReasonParams = Record<string, string | number | boolean>;
export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** How a duration reads: "25 min", "3 h", "3 h 5 min". */
export function durationWords(ms: number): string {
  const { hours, minutes } = hoursAndMinutes(ms);
  if (hours === 0) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** A time near `now` relative to it: "in 21 h", "2 h ago". */
export function relativeWords(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  return ms >= 0 ? `in ${durationWords(ms)}` : `${durationWords(-ms)} ago`;
}

type Say = (p: ReasonParams, now: Date, where: Where) => string;
const at = (p: ReasonParams, key: string, now: Date, where: Where) => moment(String(p[key]), now, where);
const ago = (p: ReasonParams, key: string, now: Date) => durationWords(now.getTime() - Date.parse(String(p[key])));
/** "reply by tomorrow 00:32 (in 21 h)", or "(6 h ago)" once past. */
const replyBy = (p: ReasonParams, now: Date, where: Where) =>
  `reply by ${at(p, "replyBy", now, where)} (${relativeWords(String(p.replyBy), now)})`;

const FIRST = ": the first good replies win (minutes count).";

/** English. Each entry: the code's params → the sentence. Short: the panel is read at a glance. */
const EN = {
  /** An exact receipt time: the exact deadline. */
  "window-received": (p, now, w) =>
    `Received ${at(p, "receivedAt", now, w)} · ${replyBy(p, now, w)}. Upwork counts ${p.hours} h from the invitation (Ignore does not count as a reply).`,
  /** A date only: the earliest deadline, the end of that day in the reader's zone. */
  "window-received-day": (p, now, w) =>
    `Received ${calendarDay(String(p.receivedOn), now, w)}, time not shown · ${replyBy(p, now, w)} at the earliest: ${p.hours} h from the start of that day, your time (approximate).`,
  "window-first-seen": (p, now, w) =>
    `Arrival time not shown: ${p.hours} h from when you first saw it, ${at(p, "firstSeenAt", now, w)} · ${replyBy(p, now, w)}; the real deadline may be earlier.`,
  "window-unknown": () => "Arrival time unknown: reply within the day to be safe.",
  "no-invitation": () => "No invitation on this job: no reply clock.",
  declined: () => "You declined this invitation.",
  replied: () => "You have replied to this invitation.",
  expired: () => "The invitation has expired or the job is closed.",
  hired: (p) => `The client has already hired for this job (${p.hires}).`,
  late: (p, now) =>
    `${p.hours} h passed ${ago(p, "endedAt", now)} ago: a reply still reaches the client, no longer on time.`,
  "time-left": (p, now) => `${durationWords(Date.parse(String(p.replyBy)) - now.getTime())} left to reply.`,
  "client-active": (p, now) => `The client looked at applicants ${ago(p, "viewedAt", now)} ago: active now.`,
  "client-idle": (p, now, w) => `The client last looked at applicants ${at(p, "viewedAt", now, w)}.`,
  interviewing: (p) => `The client is interviewing ${p.count}: deciding now.`,
  "fresh-invitation": (p, now) => `Received ${ago(p, "at", now)} ago${FIRST}`,
  "fresh-post": (p, now) => `Posted ${ago(p, "at", now)} ago${FIRST}`,
  "low-fit": (p) => `Low fit (${p.fit}): decline politely. A decline counts as a reply.`,
} satisfies Record<string, Say>;

export type ReasonCode = keyof typeof EN;

/** One reason in words (null for a code this catalogue does not know: the caller shows its English text). */
export function reasonWords(
  reason: { code: string; params: ReasonParams },
  now: Date,
  where: Where = {},
): string | null {
  const say = (EN as Record<string, Say>)[reason.code];
  return say ? say(reason.params, now, where) : null;
}

/** The urgency levels' names. */
export const LEVEL_LABEL = {
  now: "Reply now",
  today: "Reply today",
  soon: "Reply soon",
  low: "No rush",
  closed: "Closed",
} as const;

/** The badge's time words: "reply in 25 min", "reply in 3 h", "reply in 2 d", "past 24 h", "Late". */
export const TIME_WORDS = {
  past: "past 24 h",
  late: "Late · 24 h passed",
  minutes: (n: number) => `reply in ${n} min`,
  hours: (n: number) => `reply in ${n} h`,
  days: (n: number) => `reply in ${n} d`,
};
