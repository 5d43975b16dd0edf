/** The fit score and urgency shapes of records.md §4, shared by the background, overlay, popup and CLI. */
import * as z from "zod/mini";
import { timestamp } from "./records";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A reason as data: a code of the catalogue (src/shared/words/) and its params (times as ISO,
 * counts and amounts as numbers, lists as arrays). The UI renders these in the reader's locale and zone.
 */
export const ReasonCode = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([scalar, z.array(z.union([z.string(), z.number()]))])),
});

export const FitFactor = z.object({
  id: z.string(),
  label: z.string(),
  /** The value seen on the page, as the panel shows it ("68% of 28 posts"). */
  value: z.nullable(scalar),
  /** The same value as data, for the reader's words (src/shared/words/fit.ts); null when there is no value. */
  valueCode: z.optional(z.nullable(ReasonCode)),
  /** The factor's weight after renormalising over the factors that have data (sums to 100). */
  weight: z.number(),
  /** Points earned out of `weight`. */
  points: z.number(),
});

export const Flag = z.object({
  id: z.string(),
  severity: z.enum(["red", "amber", "green"]),
  /** The flag in English (records.md §4). */
  text: z.string(),
  /** The same flag as data, for the reader's words (src/shared/words/fit.ts). */
  textCode: z.optional(ReasonCode),
});

export const Fit = z.object({
  score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  factors: z.array(FitFactor),
  flags: z.array(Flag),
  /** What the user might do: "reply" or "decline politely". */
  suggestedAction: z.optional(z.enum(["reply", "decline"])),
  /** The sum of the factors' points before red flags capped it (equals `score` when nothing capped it). */
  uncapped: z.optional(z.nullable(z.number())),
  /** The user's profile (general or specialized) that covers most of the job's skills. */
  profile: z.optional(
    z.nullable(
      z.object({ name: z.string(), specialized: z.boolean(), matched: z.array(z.string()), share: z.number() }),
    ),
  ),
});

export const UrgencyLevel = z.enum(["now", "today", "soon", "low", "closed"]);

export const Urgency = z.object({
  level: UrgencyLevel,
  replyBy: z.nullable(timestamp),
  /** The reasons in English (records.md §4), one per entry of `reasonCodes`, in the same order. */
  reasons: z.array(z.string()),
  /** The same reasons as codes: what the panel renders (in the reader's words) and the CLI prints beside `reasons`. */
  reasonCodes: z.array(ReasonCode),
  /** "decline" when the fit is low: declining politely still counts as a reply within the 24 h. */
  suggestedAction: z.optional(z.enum(["reply", "decline"])),
});

export const InvitationUrgency = z.object({ id: z.string(), ...Urgency.shape });

/** What the user has done with an invitation, remembered by the background (records cache). */
export const InvitationState = z.object({
  /** When the extension first saw this invitation (list row or page), ISO. */
  firstSeenAt: z.nullable(timestamp),
  /** When the user last opened the invitation page, ISO; null = never opened. */
  openedAt: z.nullable(timestamp),
  replied: z.boolean(),
  declined: z.boolean(),
});

export type FitFactor = z.infer<typeof FitFactor>;
export type Flag = z.infer<typeof Flag>;
export type Fit = z.infer<typeof Fit>;
export type UrgencyLevel = z.infer<typeof UrgencyLevel>;
export type ReasonCode = z.infer<typeof ReasonCode>;
export type Urgency = z.infer<typeof Urgency>;
export type InvitationUrgency = z.infer<typeof InvitationUrgency>;
export type InvitationState = z.infer<typeof InvitationState>;
