/**
 * A page read against what the cache knows: the lookup (shared by the `page-parsed` handler and the
 * CLI `score` command, so both give the same answer), the worker's assessment before it records the
 * page (it replies first), and the recording. No browser APIs.
 */
import type { ParsedPage } from "../shared/records";
import type { InvitationState } from "../shared/score";
import type { Settings } from "../shared/settings";
import { assessPage, cipherOfJobUid, type AssessLookup, type Assessment } from "../scoring/assess";
import type { InvitationEntry, JobEntry, RecordCache } from "./record-cache";

export interface PageRead {
  url: string;
  readAt: string;
  parsed: ParsedPage;
}

/** A synchronous lookup over the cached invitations this page refers to. */
export async function lookupFor(cache: RecordCache, parsed: ParsedPage): Promise<AssessLookup> {
  const ids =
    parsed.kind === "invitations"
      ? parsed.record.invitations.map((i) => i.id)
      : parsed.kind === "invitation" && parsed.record.id
        ? [parsed.record.id]
        : [];
  const entries: Map<string, InvitationEntry> = ids.length
    ? await cache.invitations(ids)
    : new Map<string, InvitationEntry>();
  // A list row whose job page the user read gets that page's fit.
  const jobUids =
    parsed.kind === "invitations"
      ? parsed.record.invitations.flatMap((i) => (i.jobUid ? [cipherOfJobUid(i.jobUid)] : []))
      : [];
  const jobs = jobUids.length ? await cache.jobs(jobUids) : new Map<string, JobEntry>();
  // A job page: the opened invitation that links to this posting, if any (found through the index).
  const cipher = parsed.kind === "job" ? parsed.record.job.ciphertext : null;
  let invitationOfJob: string | null = null;
  if (cipher) {
    for (const entry of await cache.invitationsOfJob(cipher)) {
      if (entry.page?.record.job.ciphertext !== cipher) continue;
      entries.set(entry.id, entry);
      invitationOfJob = entry.id;
    }
  }
  return {
    invitation: (id) => {
      const page = entries.get(id)?.page;
      return page ? { record: page.record, readAt: page.readAt, missing: page.missing } : null;
    },
    item: (id) => entries.get(id)?.item ?? null,
    state: (id) => entries.get(id)?.state ?? null,
    invitationForJob: (ciphertext) => (ciphertext === cipher ? invitationOfJob : null),
    job: (ciphertext) => {
      const page = jobs.get(ciphertext)?.page;
      return page ? { record: page.record, missing: page.missing } : null;
    },
  };
}

/**
 * The lookup as it will read once this page is recorded (RecordCache.record's rules: a list's rows,
 * an invitation page and its opening, a job page), so the page is assessed without waiting for
 * the write. New invitations count from this read, as `record` would start them.
 */
export function withThisPage(lookup: AssessLookup, parsed: ParsedPage, readAt: string): AssessLookup {
  const started = (s: InvitationState | null): InvitationState =>
    s ?? { firstSeenAt: readAt, openedAt: null, replied: false, declined: false };
  switch (parsed.kind) {
    case "invitations": {
      const rows = new Map(parsed.record.invitations.map((i) => [i.id, i]));
      return {
        ...lookup,
        item: (id) => rows.get(id) ?? lookup.item(id),
        state: (id) => (rows.has(id) ? started(lookup.state(id)) : lookup.state(id)),
      };
    }
    case "invitation": {
      const { record, missing } = parsed;
      return {
        ...lookup,
        invitation: (id) => (id === record.id ? { record, readAt, missing } : lookup.invitation(id)),
        state: (id) => (id === record.id ? { ...started(lookup.state(id)), openedAt: readAt } : lookup.state(id)),
      };
    }
    case "job": {
      const { record, missing } = parsed;
      return { ...lookup, job: (c) => (c === record.job.ciphertext ? { record, missing } : (lookup.job?.(c) ?? null)) };
    }
    default:
      return lookup;
  }
}

/** The page read's score, from what the cache knew and the page itself: the worker replies with it, then records. */
export async function assessBeforeRecording(
  cache: RecordCache,
  page: PageRead,
  settings: Settings,
  now: Date,
): Promise<Assessment> {
  return assessPage(
    page.parsed,
    settings,
    now,
    withThisPage(await lookupFor(cache, page.parsed), page.parsed, page.readAt),
  );
}

/** Records a page read; a cache that cannot be written (storage full even after evicting) costs the page its memory only. */
export async function recordPage(cache: RecordCache, page: PageRead): Promise<void> {
  await cache
    .record(page.parsed, page.url, page.readAt)
    .catch((error: unknown) => console.warn("[invitewise] page not cached", error));
}
