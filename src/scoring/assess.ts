/**
 * One parsed page → what the overlay, the popup and the CLI `score` line show: the fit and the
 * urgency (records.md §4). Pure: what is remembered about other pages comes in through `lookup`,
 * which the background fills from its record cache and the CLI from the files of the same run.
 */
import type { InvitationItem, ParsedPage } from "../shared/records";
import type { Fit, InvitationState, InvitationUrgency, Urgency } from "../shared/score";
import type { Settings } from "../shared/settings";
import { scoreFit } from "./fit";
import { invitationUrgency, urgencyFor, type KnownInvitation } from "./urgency";

export interface AssessLookup {
  /** The invitation page of this id as last read, if the user opened it. */
  invitation(id: string): KnownInvitation | null;
  /** The invitations-list row of this id as last seen (for its receivedAt). */
  item(id: string): InvitationItem | null;
  /** What the user has done with this invitation. */
  state(id: string): InvitationState | null;
  /** The opened invitation whose job this is, if any: a job page then runs on that invitation's clock. */
  invitationForJob?(ciphertext: string): string | null;
}

export const emptyLookup: AssessLookup = { invitation: () => null, item: () => null, state: () => null };

export interface InvitationRow {
  id: string;
  /** The fit of the invitation as last opened; null = not opened yet ("open to score"). */
  fit: number | null;
  urgency: InvitationUrgency;
  /** The whole fit and what its page did not show, for the panel a badge opens on the list. */
  detail: { fit: Fit; missing: string[] } | null;
}

export interface Assessment {
  fit: Fit | null;
  /** Invitation and job pages; null on the others (an invitations list has one per row). */
  urgency: Urgency | null;
  /** Invitations pages only: one row per invitation, in page order. */
  invitations: InvitationRow[] | null;
}

function row(item: InvitationItem, lookup: AssessLookup, settings: Settings, now: Date): InvitationRow {
  const known = lookup.invitation(item.id);
  const fit = known ? scoreFit(known.record, settings, now) : null;
  return {
    id: item.id,
    fit: fit?.score ?? null,
    urgency: invitationUrgency(item, known, lookup.state(item.id), settings, now),
    detail: fit && known ? { fit, missing: known.missing } : null,
  };
}

export function assessPage(parsed: ParsedPage, settings: Settings, now: Date, lookup: AssessLookup = emptyLookup): Assessment {
  switch (parsed.kind) {
    case "invitations":
      return { fit: null, urgency: null, invitations: parsed.record.invitations.map((item) => row(item, lookup, settings, now)) };
    case "invitation": {
      const r = parsed.record;
      const fit = scoreFit(r, settings, now);
      const item = lookup.item(r.id);
      const state = lookup.state(r.id);
      const urgency = urgencyFor(
        { invitation: true, receivedAt: item?.receivedAt ?? null, firstSeenAt: state?.firstSeenAt ?? null, status: r.status, activity: r.activity, state, fit: fit.score },
        settings,
        now,
      );
      return { fit, urgency, invitations: null };
    }
    case "job": {
      const r = parsed.record;
      const fit = scoreFit(r, settings, now);
      // The posting of an invitation the user opened: Upwork's 24 hours run from that invitation.
      const id = r.job.ciphertext ? (lookup.invitationForJob?.(r.job.ciphertext) ?? null) : null;
      const state = id ? lookup.state(id) : null;
      const urgency = urgencyFor(
        {
          invitation: id !== null,
          receivedAt: id ? (lookup.item(id)?.receivedAt ?? null) : null,
          firstSeenAt: state?.firstSeenAt ?? null,
          status: id ? (lookup.invitation(id)?.record.status ?? null) : null,
          activity: r.activity,
          state,
          fit: fit.score,
          postedAt: r.job.postedAt,
        },
        settings,
        now,
      );
      return { fit, urgency, invitations: null };
    }
    // Apply, proposal and home pages carry no client data to score and no reply clock.
    default:
      return { fit: null, urgency: null, invitations: null };
  }
}

/** The `urgency` of a CLI `score` line: an array (one per row) on an invitations page. */
export function cliUrgency(a: Assessment): Urgency | InvitationUrgency[] | null {
  return a.invitations ? a.invitations.map((r) => r.urgency) : a.urgency;
}
