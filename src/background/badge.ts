/**
 * The toolbar badge: how many invitations still need a reply inside their 24 hours. Recomputed when a
 * message arrives, when the worker or the browser starts, and by a local alarm at the next moment the
 * count changes (the earliest pending reply-by), so it stays true while no Upwork page is open. The
 * alarm only recounts what is stored: it never loads, polls or asks Upwork anything.
 */
import type { Settings } from "../shared/settings";
import { replyByOf } from "../scoring/urgency";
import type { RecordCache } from "./record-cache";

/** The reply-by (ms) of an invitation with something left to do, while it is still ahead; else null. */
function pendingUntil(
  clock: { receivedAt: string | null; firstSeenAt: string | null },
  settings: Settings,
  now: Date,
): number | null {
  // The deadline alone: urgencyFor would also word its reasons (dates formatted for each of 500 clocks).
  const until = replyByOf(clock, settings.scoring.urgency.replyWindowHours) ?? Number.NaN;
  return until > now.getTime() ? until : null;
}

export function badgeText(pending: number): string {
  return pending === 0 ? "" : pending > 99 ? "99+" : String(pending);
}

/**
 * Sets the badge to the pending count; `recountAt` is told when it next changes (the earliest pending
 * reply-by, ms) or null when nothing is pending.
 */
export async function updateBadge(
  cache: RecordCache,
  settings: Settings,
  now: Date,
  setText: (text: string) => Promise<void>,
  recountAt?: (at: number | null) => Promise<void>,
): Promise<number> {
  // The index's clocks only: a page read recounts without loading or validating any cached record.
  const until = (await cache.openClocks())
    .map((c) => pendingUntil(c, settings, now))
    .filter((t): t is number => t !== null);
  await setText(badgeText(until.length));
  await recountAt?.(until.length ? Math.min(...until) : null);
  return until.length;
}
