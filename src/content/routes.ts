/** URL → page kind (records.md §2). Pure: no DOM, no browser APIs. */
import type { PageKind } from "../shared/records";

const CIPHER = String.raw`~0[12][0-9a-f]+`;
const CIPHER_RE = new RegExp(CIPHER);

/**
 * Ordered: the first matching kind wins (e.g. `/interview/uid/N/accept` is `apply`, not `invitation`).
 * Exported for the page report (src/report/vocabulary.ts), which keeps these paths' fixed words.
 */
export const ROUTES: ReadonlyArray<readonly [Exclude<PageKind, "other">, RegExp]> = [
  ["apply", new RegExp(String.raw`^/(nx|ab)/proposals/job/${CIPHER}/apply/?$`)],
  ["apply", /^\/nx\/proposals\/interview\/(uid\/)?\d+\/accept\/?$/],
  ["invitation", /^\/nx\/proposals\/interview\/(uid\/)?\d+\/?$/],
  ["proposal", /^\/(nx|ab)\/proposals\/\d+(\/edit)?\/?$/],
  ["invitations", /^\/(nx|ab)\/proposals\/?$/],
  ["invitations", /^\/nx\/find-work\/invites\/?$/],
  ["job", new RegExp(String.raw`^/jobs/([^/]*_)?${CIPHER}/?$`)],
  ["job", new RegExp(String.raw`^/freelance-jobs/apply/[^/]*_${CIPHER}/?$`)],
  ["job", new RegExp(String.raw`^/nx/s/job-details-viewer/jobs/${CIPHER}/?$`)],
  ["job", new RegExp(String.raw`^/nx/.+/details/${CIPHER}/?$`)],
  ["home", /^\/(nx|ab)\/find-work(\/(best-matches|most-recent|saved-jobs))?\/?$/],
  ["home", /^\/ab\/find-work\/[a-z-]+\/?$/], // the legacy feed: /ab/find-work/domestic
  ["home", /^\/nx\/s\/find-work(\/.*)?$/],
];

/** The page kind of an Upwork address; `other` for any other page or origin. */
export function pageKind(url: string): PageKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "other";
  }
  if (parsed.protocol !== "https:" || parsed.hostname !== "www.upwork.com") return "other";
  const path = decodeURIComponent(parsed.pathname);
  for (const [kind, pattern] of ROUTES) if (pattern.test(path)) return kind;
  return "other";
}

/** The job ciphertext (`~02…`) in an address, or null. */
export function cipherFromUrl(url: string): string | null {
  return CIPHER_RE.exec(url)?.[0] ?? null;
}

/** The digits after `/interview/uid/` (or `/interview/`), or null. */
export function invitationIdFromUrl(url: string): string | null {
  return /\/proposals\/interview\/(?:uid\/)?(\d+)/.exec(url)?.[1] ?? null;
}

/** The digits of a proposal address `/nx/proposals/<id>`, or null. */
export function proposalIdFromUrl(url: string): string | null {
  return /\/proposals\/(\d+)(?:\/edit)?\/?(?:[?#]|$)/.exec(url)?.[1] ?? null;
}

export function canonicalJobUrl(cipher: string): string {
  return `https://www.upwork.com/jobs/${cipher}`;
}
