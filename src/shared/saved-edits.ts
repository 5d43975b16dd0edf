/**
 * The user's edits to a draft, per job: only what they changed is kept; the rest is redrafted from
 * the page each time, so improvements to the drafting still reach untouched parts. The popup reads
 * them; the background is their only writer (src/background/saved-drafts.ts), which caps them and
 * forgets them with the job they belong to.
 */
import * as z from "zod/mini";
import type { Draft } from "./draft";
import type { Job } from "./records";

/** Far above what Upwork's form takes (5,000 characters a letter): a bound, not an editing limit. */
const MAX_TEXT = 50_000;
const text = z.string().check(z.maxLength(MAX_TEXT));

export const SavedEdits = z.object({
  coverLetter: z.optional(text),
  /** Keyed by the question text. */
  answers: z.optional(z.record(z.string().check(z.maxLength(5_000)), text)),
  decline: z.optional(text),
  referral: z.optional(text),
  followUp: z.optional(text),
  savedAt: z.optional(z.string()),
});
export type SavedEdits = z.infer<typeof SavedEdits>;

export const DRAFT_PREFIX = "drafts.";
/** A draft's storage key: `drafts.` and the job's ciphertext, else the page address. */
export const DraftKey = z.string().check(z.startsWith(DRAFT_PREFIX), z.maxLength(4_096));

export function draftKey(job: Job, url: string): string {
  return DRAFT_PREFIX + (job.ciphertext ?? url);
}

/** The draft key of a job known by its ciphertext (what the record cache knows of a job). */
export const draftKeyOfJob = (ciphertext: string) => DRAFT_PREFIX + ciphertext;

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
}

export async function loadEdits(area: LocalArea, key: string): Promise<SavedEdits> {
  const raw = (await area.get(key))[key];
  const parsed = SavedEdits.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** True when the edits change nothing (then nothing is stored). */
export function noEdits(edits: SavedEdits): boolean {
  const { savedAt: _ignored, ...rest } = edits;
  return Object.values(rest).every((v) => v === undefined);
}

/** The draft as the user sees it: their edits over the fresh draft. */
export function applyEdits(draft: Draft, edits: SavedEdits): Draft {
  return {
    ...draft,
    coverLetter: edits.coverLetter ?? draft.coverLetter,
    answers: draft.answers.map((a) => ({ question: a.question, answer: edits.answers?.[a.question] ?? a.answer })),
    decline: edits.decline ?? draft.decline,
    referral: edits.referral ?? draft.referral,
    followUp: edits.followUp ?? draft.followUp,
  };
}
