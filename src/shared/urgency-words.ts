/**
 * How urgency reads to a person, in one place for the overlay and the popup: the level's words, the
 * time left and the reasons (words from the catalogue, src/shared/words/). Pure (no DOM, no browser APIs).
 */
import type { Urgency } from "./score";
import { MINUTE_MS, type Where } from "./intl";
import { LEVEL_LABEL, TIME_WORDS, clockedReasonWords, durationWords } from "./words/reasons";

export { LEVEL_LABEL };

/**
 * Time left before `replyBy` in words: "reply in 25 min", "reply in 3 h", "reply in 2 d", "past 24 h":
 * the reasons' own duration words (`durationWords`), so the badge and the panel name the same hour.
 */
export function timeLeft(replyBy: string | null, now: Date): string | null {
  const left = Date.parse(replyBy ?? "") - now.getTime();
  if (Number.isNaN(left)) return null;
  if (left <= 0) return TIME_WORDS.past;
  return TIME_WORDS.left(durationWords(Math.max(left, MINUTE_MS)));
}

/**
 * The urgency line of a badge, the panel and the popup: "Reply today · reply in 5 h" ("" without
 * urgency). A pending invitation past its window is late, not relaxed: "Late · 24 h passed".
 */
export function urgencyLine(urgency: Urgency | null | undefined, now: Date): string {
  if (!urgency) return "";
  const left = urgency.level !== "closed" && timeLeft(urgency.replyBy, now);
  if (urgency.level === "low" && left === TIME_WORDS.past) return TIME_WORDS.late;
  return LEVEL_LABEL[urgency.level] + (left ? ` · ${left}` : "");
}

/**
 * The reasons in words: those that name a time rendered from their codes against this `now` (so
 * "in 21 h" follows the clock while a page stays open), the others as the worker worded them from
 * the same catalogue (and a code the catalogue does not know keeps the scorer's sentence).
 */
export function reasonLines(urgency: Urgency, now: Date, where: Where = {}): string[] {
  return urgency.reasons.map((text, i) => {
    const reason = urgency.reasonCodes[i];
    return (reason && clockedReasonWords(reason, now, where)) ?? text;
  });
}
