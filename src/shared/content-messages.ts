/**
 * "Insert into proposal": what the popup hands the insert script in the Upwork tab, and its reply.
 * The popup injects dist/insert-draft.js (src/content/insert-draft-entry.ts) into the tab only when
 * the user clicks Insert, then calls the function it defines (`invitewiseInsertDraft`) through
 * `browser.scripting.executeScript`. Parsed on both sides, like the background messages.
 */
import * as z from "zod/mini";
import { DraftAnswer, TermsKind, Milestone } from "./draft";

const money = z.number().check(z.gte(0));

/** The parts of a draft the apply form can hold. */
export const InsertableDraft = z.object({
  coverLetter: z.string(),
  terms: z.object({
    kind: TermsKind,
    rate: z.nullable(money),
    amount: z.nullable(money),
    milestones: z.array(Milestone),
  }),
  answers: z.array(DraftAnswer),
});

/**
 * Why a field was left unfilled, as a code: the popup turns each into a sentence for the user
 * (src/shared/words/insert.ts), which keeps the sentences in one place, out of the page's script.
 */
export const NotFilledReason = z.enum([
  "read-only",
  "page-shows",
  "not-kept",
  "page-reset",
  "no-letter-field",
  "no-rate",
  "no-rate-field",
  "no-bid",
  "no-bid-fields",
  "add-milestone",
  "no-milestone-description-field",
  "no-milestone-amount-field",
  "by-project",
  "no-question",
  "no-answer-field",
  "no-answer",
]);

export const NotFilled = z.object({
  field: z.string(),
  reason: NotFilledReason,
  /** With "page-shows": what the money field holds after blur, and the amount the draft put in. */
  shown: z.optional(z.string()),
  expected: z.optional(z.number()),
});

export const InsertResult = z.object({
  /** Fields that hold the drafted value after blur, read back from the page. */
  filled: z.array(z.string()),
  /** Fields left unfilled, each with why. */
  notFilled: z.array(NotFilled),
});

export const InsertDraftReply = z.union([
  z.object({ ok: z.literal(true), data: InsertResult }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type InsertableDraft = z.infer<typeof InsertableDraft>;
export type NotFilledReason = z.infer<typeof NotFilledReason>;
export type NotFilled = z.infer<typeof NotFilled>;
export type InsertResult = z.infer<typeof InsertResult>;
export type InsertDraftReply = z.infer<typeof InsertDraftReply>;

declare global {
  /**
   * Defined by dist/insert-draft.js in the Upwork tab's isolated world (the extension's, never the
   * page's) once the popup has injected it; undefined until then.
   */
  var invitewiseInsertDraft: ((draft: unknown) => Promise<InsertDraftReply>) | undefined;
}
