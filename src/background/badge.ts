/**
 * The toolbar badge: how many invitations still need a reply inside their 24 hours. Recomputed when a
 * message arrives, when the worker or the browser starts, and by a local alarm at the next moment the
 * count changes (the earliest pending reply-by), so it stays true while no Upwork page is open. The
 * alarm only recounts what is stored: it never loads, polls or asks Upwork anything.
 */
import type { Settings } from "../shared/settings";
import { urgencyFor } from "../scoring/urgency";
import type { InvitationEntry, RecordCache } from "./record-cache";

/** The reply-by (ms) of a pending invitation (not replied, declined, expired or hired, reply-by still ahead), else null. */
function pendingUntil(entry: InvitationEntry, settings: Settings, now: Date): number | null {
  const record = entry.page?.record ?? null;
  const u = urgencyFor(
    {
      invitation: true,
      receivedAt: entry.item?.receivedAt ?? null,
      firstSeenAt: entry.state.firstSeenAt,
      status: record?.status ?? null,
      activity: record?.activity ?? null,
      state: entry.state,
      fit: null,
    },
    settings,
    now,
  );
  const until = u.replyBy === null ? Number.NaN : Date.parse(u.replyBy);
  return u.level !== "closed" && until > now.getTime() ? until : null;
}

export function isPending(entry: InvitationEntry, settings: Settings, now: Date): boolean {
  return pendingUntil(entry, settings, now) !== null;
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
  const until = (await cache.allInvitations()).map((e) => pendingUntil(e, settings, now)).filter((t): t is number => t !== null);
  await setText(badgeText(until.length));
  await recountAt?.(until.length ? Math.min(...until) : null);
  return until.length;
}
