/**
 * Remember a parsed page, then assess it with what the cache knows: the one path shared by the
 * `page-parsed` handler and the CLI `score` command, so both give the same answer. No browser APIs.
 */
import type { ParsedPage } from "../shared/records";
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
  const ids = parsed.kind === "invitations" ? parsed.record.invitations.map((i) => i.id) : parsed.kind === "invitation" ? [parsed.record.id] : [];
  const entries: Map<string, InvitationEntry> = ids.length ? await cache.invitations(ids) : new Map();
  // A list row whose job page the user read gets that page's fit.
  const jobUids = parsed.kind === "invitations" ? parsed.record.invitations.flatMap((i) => (i.jobUid ? [cipherOfJobUid(i.jobUid)] : [])) : [];
  const jobs = jobUids.length ? await cache.jobs(jobUids) : new Map<string, JobEntry>();
  // A job page: the opened invitation that links to this posting, if any (at most the cache's cap).
  const cipher = parsed.kind === "job" ? parsed.record.job.ciphertext : null;
  let invitationOfJob: string | null = null;
  if (cipher) {
    for (const entry of await cache.allInvitations()) {
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

export async function recordAndAssess(cache: RecordCache, page: PageRead, settings: Settings, now: Date): Promise<Assessment> {
  // A cache that cannot be written (storage full even after evicting) costs this page its memory,
  // not its score: the page is assessed with what the cache already knows.
  await cache.record(page.parsed, page.url, page.readAt).catch((error: unknown) => console.warn("[invitewise] page not cached", error));
  return assessPage(page.parsed, settings, now, await lookupFor(cache, page.parsed));
}
