/**
 * Autosave of the user's edits to a draft, per job, in storage.local (drafts can be long and are
 * this browser's work in progress, so not synced). Only what the user changed is kept; the rest is
 * redrafted from the page each time, so improvements to the drafting still reach untouched parts.
 */
import * as z from "zod/mini";
import type { Draft } from "../shared/draft";
import type { Job } from "../shared/records";

export const SavedEdits = z.object({
  coverLetter: z.optional(z.string()),
  /** Keyed by the question text. */
  answers: z.optional(z.record(z.string(), z.string())),
  decline: z.optional(z.string()),
  referral: z.optional(z.string()),
  followUp: z.optional(z.string()),
  savedAt: z.optional(z.string()),
});
export type SavedEdits = z.infer<typeof SavedEdits>;

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The storage key of a job's draft: its ciphertext, else the page address. */
export function draftKey(job: Job, url: string): string {
  return `drafts.${job.ciphertext ?? url}`;
}

export async function loadEdits(area: LocalArea, key: string): Promise<SavedEdits> {
  const raw = (await area.get(key))[key];
  const parsed = SavedEdits.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function saveEdits(area: LocalArea, key: string, edits: SavedEdits, now: Date): Promise<void> {
  const { savedAt: _ignored, ...rest } = edits;
  if (Object.values(rest).every((v) => v === undefined)) return area.remove(key);
  await area.set({ [key]: { ...rest, savedAt: now.toISOString() } });
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
