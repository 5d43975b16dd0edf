/**
 * Reply urgency (records.md §4): a level, a reply-by time and the reasons. Pure.
 *
 * Upwork counts 24 hours from the invitation; Accept and Decline count as a reply, Ignore does not.
 * Reasons are data (`reasonCodes`: a catalogue code and its params, src/shared/words/), rendered by
 * whoever shows them; `reasons` holds the same in English for the CLI.
 * Levels, in order: closed (nothing left to do) · low · soon · today · now.
 * - A pending invitation inside its window is at least today (Upwork's advice: answer quickly, be
 *   among the first proposals read); now when ≤ nowHoursLeft is left. Its receipt unknown: today.
 * - Past the window and still pending: low, said as late ("24 h passed — reply now if you want
 *   it": a reply still reaches the client but no longer counts as on time), never "no rush".
 * - Each live signal raises a level inside the window (today → now), and a job page's own scale
 *   (low, soon, today, now): the client viewed applicants within clientActiveMinutes, the client is
 *   interviewing, the invitation (or post) arrived within freshMinutes (the first good replies win:
 *   even 5–10-minute delays cut the chance of a hire). A late invitation stays late.
 * - Declined, replied, expired, or a job with a hire already → closed.
 *
 * Receipt times, honestly:
 * - An ISO timestamp gives the exact deadline.
 * - A date only (YYYY-MM-DD) cannot: the invitation came some time that day, so the deadline is
 *   between the end of that day and a day later. Upwork's list prints that date in the user's own
 *   time zone, so "that day" is the user's: we use the earliest deadline, the end of that day in the
 *   user's zone (their local midnight + the window; in the CLI, the zone of TZ), and say the time is
 *   approximate: an early deadline costs a little hurry, a late one the badge.
 * - No receipt time at all (invitation pages may not show one): 24 h from when the user first saw
 *   it, saying that the real deadline may be earlier.
 */
import type { Activity, InvitationItem, InvitationRecord, InvitationStatus } from "../shared/records";
import type { InvitationState, InvitationUrgency, Urgency, UrgencyLevel } from "../shared/score";
import type { Settings } from "../shared/settings";
import { HOUR_MS, MINUTE_MS } from "../shared/intl";
import { ENGLISH, reasonWords, type Reason, type ReasonCode, type ReasonParams } from "../shared/words";
import { scoreFit } from "./fit";

const LADDER: UrgencyLevel[] = ["low", "soon", "today", "now"];

export interface UrgencyInput {
  /** true for an invitation (24-h clock); false for a job page the user was not invited to. */
  invitation: boolean;
  /** When the invitation arrived: ISO timestamp or YYYY-MM-DD; null when unknown. */
  receivedAt: string | null;
  /** When the extension first saw this invitation (used when receivedAt is unknown). */
  firstSeenAt: string | null;
  status: InvitationStatus | null;
  activity: Activity | null;
  state: InvitationState | null;
  /** The fit score, for the suggested action; null when not scored. */
  fit: number | null;
  /** The job's posting time (job pages: a fresh post is worth answering first). */
  postedAt?: string | null;
}

const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const iso = (ms: number) => new Date(ms).toISOString();
const reason = (code: ReasonCode, params: ReasonParams = {}): Reason => ({ code, params });

/** The deadline and the reason explaining where it comes from. */
function deadline(input: UrgencyInput, windowHours: number): { replyBy: number | null; reason: Reason } {
  const w = windowHours * HOUR_MS;
  const r = input.receivedAt;
  if (r !== null && !isDateOnly(r)) {
    const at = Date.parse(r) + w;
    return { replyBy: at, reason: reason("window-received", { hours: windowHours, receivedAt: r, replyBy: iso(at) }) };
  }
  if (r !== null) {
    // Upwork prints the date in the user's own time zone: that day's local midnight (this runtime's
    // zone: the user's browser, or the CLI's TZ) is the earliest the window can have started.
    const [y, m, d] = r.split("-").map(Number) as [number, number, number];
    const at = new Date(y, m - 1, d).getTime() + w;
    return {
      replyBy: at,
      reason: reason("window-received-day", { hours: windowHours, receivedOn: r, replyBy: iso(at) }),
    };
  }
  if (input.firstSeenAt !== null) {
    const at = Date.parse(input.firstSeenAt) + w;
    return {
      replyBy: at,
      reason: reason("window-first-seen", { hours: windowHours, firstSeenAt: input.firstSeenAt, replyBy: iso(at) }),
    };
  }
  return { replyBy: null, reason: reason("window-unknown") };
}

/**
 * The reply-by (ms) of an invitation with these times, as `urgencyFor` gives it, without the reasons'
 * words: the toolbar count needs only this, for every cached invitation on every page read.
 */
export function replyByOf(
  clock: { receivedAt: string | null; firstSeenAt: string | null },
  windowHours: number,
): number | null {
  return deadline({ invitation: true, ...clock, status: null, activity: null, state: null, fit: null }, windowHours)
    .replyBy;
}

/** Why there is nothing left to do on this invitation (declined, replied, expired, hired), else null. */
export function closedReason(input: Pick<UrgencyInput, "state" | "status" | "activity">): Reason | null {
  const { state, status, activity } = input;
  if (state?.declined || status === "declined") return reason("declined");
  if (state?.replied || status === "accepted") return reason("replied");
  if (status === "expired") return reason("expired");
  if (activity?.hires) return reason("hired", { hires: activity.hires });
  return null;
}

/** The urgency with its reasons both as codes and as English words (records.md §4: `reasons`). */
function withWords(level: UrgencyLevel, replyBy: string | null, codes: Reason[], now: Date): Urgency {
  const reasons = codes.map((r) => reasonWords(r, now, ENGLISH) ?? r.code);
  return { level, replyBy, reasons, reasonCodes: codes };
}

export function urgencyFor(input: UrgencyInput, settings: Settings, now: Date): Urgency {
  const u = settings.scoring.urgency;
  const t = now.getTime();
  const reasons: Reason[] = [];
  const { replyBy, reason: why } = input.invitation
    ? deadline(input, u.replyWindowHours)
    : { replyBy: null, reason: reason("no-invitation") };
  const replyByIso = replyBy === null ? null : iso(replyBy);
  reasons.push(why);

  const closed = closedReason(input);
  if (closed) return withWords("closed", replyByIso, [closed, ...reasons], now);

  let level: UrgencyLevel;
  let late = false;
  if (!input.invitation) level = "low";
  else if (replyBy === null) level = "today";
  else {
    const left = replyBy - t;
    if (left <= 0) {
      level = "low";
      late = true;
      reasons.push(reason("late", { hours: u.replyWindowHours, endedAt: iso(replyBy) }));
    } else {
      level = left <= u.nowHoursLeft * HOUR_MS ? "now" : "today";
      reasons.push(reason("time-left", { replyBy: iso(replyBy) }));
    }
  }

  let raise = 0;
  const a = input.activity;
  if (a?.lastViewedAt) {
    const ago = t - Date.parse(a.lastViewedAt);
    if (ago <= u.clientActiveMinutes * MINUTE_MS) {
      raise++;
      reasons.push(reason("client-active", { viewedAt: a.lastViewedAt }));
    } else if (ago > 24 * HOUR_MS) reasons.push(reason("client-idle", { viewedAt: a.lastViewedAt }));
  }
  if (a?.interviewing) {
    raise++;
    reasons.push(reason("interviewing", { count: a.interviewing }));
  }
  const since = input.invitation ? input.receivedAt : (input.postedAt ?? null);
  if (since && !isDateOnly(since)) {
    const age = t - Date.parse(since);
    if (age >= 0 && age <= u.freshMinutes * MINUTE_MS) {
      raise++;
      reasons.push(reason(input.invitation ? "fresh-invitation" : "fresh-post", { at: since }));
    }
  }
  if (!late) level = LADDER[Math.min(LADDER.length - 1, LADDER.indexOf(level) + raise)]!;

  let action: Urgency["suggestedAction"];
  if (input.fit !== null) {
    const low = input.fit < settings.scoring.thresholds.declineBelow;
    action = low ? "decline" : "reply";
    if (low && input.invitation) reasons.push(reason("low-fit", { fit: input.fit }));
  }
  const result = withWords(level, replyByIso, reasons, now);
  if (action) result.suggestedAction = action;
  return result;
}

/** A cached invitation page, as the background remembers it. */
export interface KnownInvitation {
  record: InvitationRecord;
  readAt: string;
  /** The fields that page did not show (for the panel's "couldn't read"). */
  missing: string[];
}

/** Urgency of one row of the invitations list, with what is known of that invitation. */
export function invitationUrgency(
  item: InvitationItem,
  known: KnownInvitation | null,
  state: InvitationState | null,
  settings: Settings,
  now: Date,
): InvitationUrgency {
  const record = known?.record ?? null;
  const fit = record
    ? scoreFit({ job: record.job, client: record.client, activity: record.activity }, settings, now).score
    : null;
  const urgency = urgencyFor(
    {
      invitation: true,
      receivedAt: item.receivedAt,
      firstSeenAt: state?.firstSeenAt ?? null,
      status: record?.status ?? null,
      activity: record?.activity ?? null,
      state,
      fit,
    },
    settings,
    now,
  );
  return { id: item.id, ...urgency };
}
