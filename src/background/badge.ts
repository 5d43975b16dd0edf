/**
 * The toolbar badge: how many invitations still need a reply inside their 24 hours. Recomputed when a
 * message arrives and when the worker starts — no timers, no polling (Upwork's bot policy, and the
 * manifest has no alarms permission). Between two events the count may include one whose window
 * just ended; the next event corrects it.
 */
import type { Settings } from "../shared/settings";
import { urgencyFor } from "../scoring/urgency";
import type { InvitationEntry, RecordCache } from "./record-cache";

/** Pending = not replied, declined, expired or hired, and its reply-by still ahead. */
export function isPending(entry: InvitationEntry, settings: Settings, now: Date): boolean {
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
  return u.level !== "closed" && u.replyBy !== null && Date.parse(u.replyBy) > now.getTime();
}

export function badgeText(pending: number): string {
  return pending === 0 ? "" : pending > 99 ? "99+" : String(pending);
}

export async function updateBadge(cache: RecordCache, settings: Settings, now: Date, setText: (text: string) => Promise<void>): Promise<number> {
  const pending = (await cache.allInvitations()).filter((e) => isPending(e, settings, now)).length;
  await setText(badgeText(pending));
  return pending;
}
