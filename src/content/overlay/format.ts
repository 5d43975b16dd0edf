/** Pure formatting for the overlay: no DOM, no browser APIs, so it is unit-tested in Node. */
import type { InvitationUrgency, UrgencyLevel } from "../../shared/score";
export { timeLeft, urgencyLine } from "../../shared/urgency-words";
import { COULD_NOT_READ, OPEN_TO_SCORE } from "../../shared/words/panel";

export type Tone = "good" | "fair" | "poor" | "none";

/** The settings' default decline threshold (src/shared/settings.ts), until the worker sends the user's. */
const DEFAULT_DECLINE_BELOW = 40;

/**
 * The colour band of a fit score, from the user's own decline threshold: under it poor (the panel
 * suggests declining), from halfway between it and 100 good (70 at the default 40), fair between.
 * Text always accompanies the colour.
 */
export function fitTone(score: number | null | undefined, declineBelow = DEFAULT_DECLINE_BELOW): Tone {
  return score == null ? "none" : score < declineBelow ? "poor" : score >= (declineBelow + 100) / 2 ? "good" : "fair";
}

/**
 * A factor's bar as CSS widths: its track as long as its weight against the heaviest factor's, filled
 * as far as its points go of that weight. So the bars compare like the numbers beside them.
 */
export function factorBar(points: number, weight: number, heaviest: number): { track: string; fill: string } {
  const pct = (part: number, whole: number) =>
    `${whole > 0 ? Math.round(Math.min(1, Math.max(0, part / whole)) * 100) : 0}%`;
  return { track: pct(weight, heaviest), fill: pct(points, weight) };
}

/** The `data-iw-fit` hook value (records.md §6): a whole number 0..100 or "unknown". */
export function fitHook(score: number | null | undefined): string {
  if (score == null || !Number.isFinite(score)) return "unknown";
  return String(Math.round(Math.min(100, Math.max(0, score))));
}

/** "client.totalSpent" → "total spent"; "job.budget" → "budget"; "activity" → "activity". */
export function fieldLabel(path: string): string {
  const last = path.split(".").filter(Boolean).pop() ?? path;
  return last
    .replace(/\[\d+\]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
}

/** "couldn't read: total spent, hire rate" — distinct labels in order; null when nothing is missing. */
export function missingLine(paths: readonly string[]): string | null {
  const labels = [...new Set(paths.map(fieldLabel).filter(Boolean))];
  return labels.length ? COULD_NOT_READ + labels.join(", ") : null;
}

/** A factor's share of the score as shown: "12 of 20". */
export function factorShare(points: number, weight: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return `${r(points)} of ${r(weight)}`;
}

/** How the list's ranking orders the invitations (Upwork's own rows keep their order). */
export type RankOrder = "urgency" | "fit";
const LEVEL_RANK: Record<UrgencyLevel, number> = { now: 0, today: 1, soon: 2, low: 3, closed: 4 };

interface Rankable {
  id: string;
  fit: number | null;
  urgency: InvitationUrgency;
}

/**
 * The list's rows in ranking order, every row kept: by urgency (level, then the earliest reply-by,
 * then the better fit), or by fit (the better first, rows with nothing to score last, then urgency).
 */
export function rankRows<T extends Rankable>(rows: readonly T[], order: RankOrder): T[] {
  const replyBy = (r: T) => Date.parse(r.urgency.replyBy ?? "") || Infinity;
  const fit = (r: T) => r.fit ?? -1;
  const byUrgency = (a: T, b: T) =>
    LEVEL_RANK[a.urgency.level] - LEVEL_RANK[b.urgency.level] || replyBy(a) - replyBy(b);
  const byFit = (a: T, b: T) => fit(b) - fit(a);
  return [...rows].sort((a, b) =>
    order === "urgency" ? byUrgency(a, b) || byFit(a, b) : byFit(a, b) || byUrgency(a, b),
  );
}

/** A row's fit as the badge words it: "Fit 72", "~72" (provisional), "open to score". */
export function fitWords(fit: number | null, provisional: boolean): string {
  return fit === null ? OPEN_TO_SCORE : provisional ? `~${fitHook(fit)}` : `Fit ${fitHook(fit)}`;
}
