/**
 * Reply urgency (records.md §4): a level, a reply-by time and the reasons. Pure.
 *
 * Upwork counts 24 hours from the invitation; Accept and Decline count as a reply, Ignore does not.
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
 *   between the end of that day and a day later. We use the earliest, the end of that day in UTC,
 *   and say the time is approximate: an early deadline costs a little hurry, a late one the badge.
 * - No receipt time at all (invitation pages may not show one): 24 h from when the user first saw
 *   it, saying that the real deadline may be earlier.
 */
import type { Activity, InvitationItem, InvitationRecord, InvitationStatus } from "../shared/records";
import type { InvitationState, InvitationUrgency, Urgency, UrgencyLevel } from "../shared/score";
import type { Settings } from "../shared/settings";
import { scoreFit } from "./fit";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
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

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The deadline and the sentence explaining where it comes from. */
function deadline(input: UrgencyInput, windowHours: number): { replyBy: number | null; reason: string } {
  const w = windowHours * HOUR_MS;
  const r = input.receivedAt;
  if (r !== null && !isDateOnly(r)) {
    const at = Date.parse(r);
    return {
      replyBy: at + w,
      reason: `Upwork counts ${windowHours} hours from the invitation (received ${r}): accept or decline by ${iso(at + w)} (Ignore does not count as a reply).`,
    };
  }
  if (r !== null) {
    // Upwork prints the date in the user's own time zone: from that local midnight is the earliest
    // the window can have started, so this deadline is never later than the real one.
    const [y, m, d] = r.split("-").map(Number) as [number, number, number];
    const at = new Date(y, m - 1, d).getTime() + w;
    return {
      replyBy: at,
      reason: `Received on ${r}, with no time shown: counting ${windowHours} hours from the start of that day (your time), the earliest they can end; the exact deadline may be up to a day later (approximate).`,
    };
  }
  if (input.firstSeenAt !== null) {
    const at = Date.parse(input.firstSeenAt) + w;
    return {
      replyBy: at,
      reason: `The page does not show when the invitation arrived: counting ${windowHours} hours from when you first saw it (${input.firstSeenAt}), so the real deadline may be earlier.`,
    };
  }
  return { replyBy: null, reason: "When the invitation arrived is unknown: reply within the day to be safe." };
}

/** Why there is nothing left to do on this invitation (declined, replied, expired, hired), else null. */
export function closedReason(input: Pick<UrgencyInput, "state" | "status" | "activity">): string | null {
  const { state, status, activity } = input;
  if (state?.declined || status === "declined") return "You declined this invitation.";
  if (state?.replied || status === "accepted") return "You have replied to this invitation.";
  if (status === "expired") return "The invitation has expired or the job is closed.";
  if (activity?.hires)
    return `The client has already hired ${activity.hires === 1 ? "a freelancer" : `${activity.hires} freelancers`} for this job.`;
  return null;
}

export function urgencyFor(input: UrgencyInput, settings: Settings, now: Date): Urgency {
  const u = settings.scoring.urgency;
  const t = now.getTime();
  const reasons: string[] = [];
  const { replyBy, reason } = input.invitation
    ? deadline(input, u.replyWindowHours)
    : { replyBy: null, reason: "No invitation on this job: there is no reply clock." };
  const replyByIso = replyBy === null ? null : iso(replyBy);
  reasons.push(reason);

  const closed = closedReason(input);
  if (closed) return { level: "closed", replyBy: replyByIso, reasons: [closed, ...reasons] };

  let level: UrgencyLevel;
  let late = false;
  if (!input.invitation) level = "low";
  else if (replyBy === null) level = "today";
  else {
    const left = replyBy - t;
    if (left <= 0) {
      level = "low";
      late = true;
      reasons.push(
        `${u.replyWindowHours} h passed — reply now if you want it: a reply still reaches the client but no longer counts as on time (the window ended ${duration(-left)} ago).`,
      );
    } else {
      level = left <= u.nowHoursLeft * HOUR_MS ? "now" : "today";
      reasons.push(`${duration(left)} left to reply.`);
    }
  }

  let raise = 0;
  const a = input.activity;
  if (a?.lastViewedAt) {
    const ago = t - Date.parse(a.lastViewedAt);
    if (ago <= u.clientActiveMinutes * MINUTE_MS) {
      raise++;
      reasons.push(`The client looked at applicants ${duration(ago)} ago: active now.`);
    } else if (ago > 24 * HOUR_MS) reasons.push(`The client last looked at applicants ${duration(ago)} ago.`);
  }
  if (a?.interviewing) {
    raise++;
    reasons.push(`The client is interviewing ${a.interviewing}: deciding now.`);
  }
  const since = input.invitation ? input.receivedAt : (input.postedAt ?? null);
  if (since && !isDateOnly(since)) {
    const age = t - Date.parse(since);
    if (age >= 0 && age <= u.freshMinutes * MINUTE_MS) {
      raise++;
      reasons.push(
        `${input.invitation ? "Received" : "Posted"} ${duration(age)} ago: the first good replies win (even 5–10-minute delays cut the chance of a hire).`,
      );
    }
  }
  if (!late) level = LADDER[Math.min(LADDER.length - 1, LADDER.indexOf(level) + raise)]!;

  const result: Urgency = { level, replyBy: replyByIso, reasons };
  if (input.fit !== null) {
    const low = input.fit < settings.scoring.thresholds.declineBelow;
    result.suggestedAction = low ? "decline" : "reply";
    if (low && input.invitation)
      reasons.push(
        `Low fit (${input.fit}): decline politely. A decline counts as a reply and does not affect future invitations.`,
      );
  }
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
