/**
 * The reply draft of records.md §4 (`draft` command): the single source of truth for its shape,
 * shared by the drafting core, the command line, the popup and the insert-into-form message.
 */
import * as z from "zod/mini";
import { Duration } from "./records";

const money = z.number().check(z.gte(0));

export const TermsKind = z.enum(["hourly", "fixed", "milestone"]);

export const Milestone = z.object({ description: z.string(), amount: money });

export const DraftTerms = z.object({
  /** hourly; fixed = "By project"; milestone = fixed price paid "By milestone". */
  kind: TermsKind,
  /** Hourly rate in USD (hourly only, else null). */
  rate: z.nullable(money),
  /** The fixed bid in USD (fixed and milestone only, else null; null when the post shows no budget). */
  amount: z.nullable(money),
  /** Milestone kind only; amounts sum exactly to `amount`. */
  milestones: z.array(Milestone),
  /** Estimated duration, in Upwork's buckets. */
  duration: z.nullable(Duration),
  /** Why the numbers are what they are, in plain words ("The client's range is below your minimum…"). */
  notes: z.array(z.string()),
});

export const DraftAnswer = z.object({ question: z.string(), answer: z.string() });

export const CheckIssue = z.object({ id: z.string(), text: z.string() });

export const LetterCheck = z.object({
  chars: z.int().check(z.gte(0)),
  words: z.int().check(z.gte(0)),
  issues: z.array(CheckIssue),
  /** The opening as the client sees it in the proposal list (whitespace collapsed, cut at 230). */
  preview: z.string(),
  /** The job's keywords the letter mentions, and the ones it does not. */
  keywords: z.object({ covered: z.array(z.string()), missing: z.array(z.string()) }),
});

export const DeclineReason = z.object({ id: z.string(), label: z.string() });

export const Draft = z.object({
  coverLetter: z.string(),
  terms: DraftTerms,
  answers: z.array(DraftAnswer),
  decline: z.string(),
  declineReason: DeclineReason,
  referral: z.string(),
  followUp: z.string(),
  check: LetterCheck,
});

export type TermsKind = z.infer<typeof TermsKind>;
export type Milestone = z.infer<typeof Milestone>;
export type DraftTerms = z.infer<typeof DraftTerms>;
export type DraftAnswer = z.infer<typeof DraftAnswer>;
export type CheckIssue = z.infer<typeof CheckIssue>;
export type LetterCheck = z.infer<typeof LetterCheck>;
export type DeclineReason = z.infer<typeof DeclineReason>;
export type Draft = z.infer<typeof Draft>;
