/**
 * One parsed page → what the overlay, the popup and the CLI `score` line show: the fit and the
 * urgency (records.md §4). Pure: what is remembered about other pages comes in through `lookup`,
 * which the background fills from its record cache and the CLI from the files of the same run.
 */
import type { Client, InvitationItem, Job, JobRecord, ParsedPage } from "../shared/records";
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
  /** The job page of this ciphertext as last read (a list row joins it through its job's uid). */
  job?(ciphertext: string): { record: JobRecord; missing: string[] } | null;
}

/** A job's ciphertext from its posting uid: `~02` + the 19 digits (REFERENCE.md, ID formats). */
export const cipherOfJobUid = (uid: string) => `~02${uid}`;

export const emptyLookup: AssessLookup = { invitation: () => null, item: () => null, state: () => null };

export interface InvitationRow {
  id: string;
  /** The invitation's fit: the full one when its page or its job's page was read, else a provisional one from the row; null = nothing to score. */
  fit: number | null;
  urgency: InvitationUrgency;
  /** The whole fit and what its page did not show, for the panel a badge opens on the list. */
  detail: { fit: Fit; missing: string[]; provisional: boolean } | null;
  /** The client's message, when the page state carried it: previewed in that panel. */
  message: string | null;
}

export interface Assessment {
  fit: Fit | null;
  /** Invitation and job pages; null on the others (an invitations list has one per row). */
  urgency: Urgency | null;
  /** Invitations pages only: one row per invitation, in page order. */
  invitations: InvitationRow[] | null;
}

const NOTHING_KNOWN_JOB: Job = {
  ciphertext: null,
  url: null,
  title: null,
  category: null,
  postedAt: null,
  description: null,
  skills: [],
  budget: null,
  experienceLevel: null,
  duration: null,
  hoursPerWeek: null,
  projectType: null,
  locationRequirement: null,
  connectsRequired: null,
  questions: [],
};
const NOTHING_KNOWN_CLIENT: Client = {
  paymentVerified: null,
  rating: null,
  reviewsCount: null,
  country: null,
  city: null,
  localTime: null,
  jobsPosted: null,
  hireRate: null,
  openJobs: null,
  totalSpent: null,
  hires: null,
  activeHires: null,
  avgHourlyRatePaid: null,
  totalHours: null,
  memberSince: null,
  industry: null,
  companySize: null,
  history: [],
};

/**
 * A row's fit: the invitation page's when it was opened, else its job page's (joined through the
 * job's uid) with the row's message, else a provisional one from what the row itself says (the
 * client's payment and spend, red asks in the message), else none.
 */
function rowFit(item: InvitationItem, lookup: AssessLookup, settings: Settings, now: Date): InvitationRow["detail"] {
  const known = lookup.invitation(item.id);
  if (known) return { fit: scoreFit(known.record, settings, now), missing: known.missing, provisional: false };
  const job = item.jobUid ? (lookup.job?.(cipherOfJobUid(item.jobUid)) ?? null) : null;
  if (job)
    return {
      fit: scoreFit({ ...job.record, message: item.message }, settings, now),
      missing: job.missing,
      provisional: false,
    };
  if (!item.client && !item.message) return null;
  const input = {
    job: { ...NOTHING_KNOWN_JOB, title: item.jobTitle },
    client: { ...NOTHING_KNOWN_CLIENT, ...item.client },
    activity: null,
    message: item.message,
  };
  return { fit: scoreFit(input, settings, now), missing: [], provisional: true };
}

function row(item: InvitationItem, lookup: AssessLookup, settings: Settings, now: Date): InvitationRow {
  const detail = rowFit(item, lookup, settings, now);
  return {
    id: item.id,
    fit: detail?.fit.score ?? null,
    urgency: invitationUrgency(item, lookup.invitation(item.id), lookup.state(item.id), settings, now),
    detail,
    message: item.message,
  };
}

export function assessPage(
  parsed: ParsedPage,
  settings: Settings,
  now: Date,
  lookup: AssessLookup = emptyLookup,
): Assessment {
  switch (parsed.kind) {
    case "invitations":
      return {
        fit: null,
        urgency: null,
        invitations: parsed.record.invitations.map((item) => row(item, lookup, settings, now)),
      };
    case "invitation": {
      const r = parsed.record;
      const fit = scoreFit(r, settings, now);
      const item = r.id ? lookup.item(r.id) : null;
      const state = r.id ? lookup.state(r.id) : null;
      const urgency = urgencyFor(
        {
          invitation: true,
          receivedAt: item?.receivedAt ?? null,
          firstSeenAt: state?.firstSeenAt ?? null,
          status: r.status,
          activity: r.activity,
          state,
          fit: fit.score,
        },
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

/** A list row's fit as the CLI prints it: the full one, or the provisional one marked so. */
export type RowFit = Fit & { provisional?: true };

/**
 * The `urgency` of a CLI `score` line (records.md §4): on an invitations page an array, one entry
 * per row, each with that invitation's `fit`.
 */
export function cliUrgency(a: Assessment): Urgency | Array<InvitationUrgency & { fit: RowFit | null }> | null {
  if (!a.invitations) return a.urgency;
  return a.invitations.map((r) => ({
    ...r.urgency,
    fit: r.detail ? (r.detail.provisional ? { ...r.detail.fit, provisional: true as const } : r.detail.fit) : null,
  }));
}
