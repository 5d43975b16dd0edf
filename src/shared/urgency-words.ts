/**
 * How urgency reads to a person, in one place for the overlay and the popup: the level's words and
 * the time left. Pure (no DOM, no browser APIs).
 */
import type { Urgency, UrgencyLevel } from "./score";

const PAST = "past 24 h";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Time left before `replyBy` in words: "reply in 25 min", "reply in 3 h", "reply in 2 d", "past 24 h".
 * Under an hour, whole minutes floored. From an hour on, the background's rule for its "N h left to
 * reply." reason (src/scoring/urgency.ts `duration`): round to the minute, then whole hours floored —
 * so the badge and the panel's reason name the same hour ("21 h" in both, not "20 h" beside "21 h").
 */
export function timeLeft(replyBy: string | null, now: Date): string | null {
  const left = Date.parse(replyBy ?? "") - now.getTime();
  if (Number.isNaN(left)) return null;
  if (left <= 0) return PAST;
  if (left < HOUR) return `reply in ${Math.max(1, Math.floor(left / MINUTE))} min`;
  const hours = Math.floor(Math.round(left / MINUTE) / 60);
  return hours < 48 ? `reply in ${hours} h` : `reply in ${Math.floor(hours / 24)} d`;
}

export const LEVEL_LABEL: Record<UrgencyLevel, string> = {
  now: "Reply now",
  today: "Reply today",
  soon: "Reply soon",
  low: "No rush",
  closed: "Closed",
};

/**
 * The urgency line of a badge, the panel and the popup: "Reply today · reply in 5 h" ("" without
 * urgency). A pending invitation past its window is late, not relaxed: "Late · 24 h passed".
 */
export function urgencyLine(urgency: Urgency | null | undefined, now: Date): string {
  if (!urgency) return "";
  const left = urgency.level !== "closed" && timeLeft(urgency.replyBy, now);
  if (urgency.level === "low" && left === PAST) return "Late · 24 h passed";
  return LEVEL_LABEL[urgency.level] + (left ? ` · ${left}` : "");
}
