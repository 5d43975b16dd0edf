/**
 * The popup's words: its headings, buttons, labels and statuses, in one table. English; a second
 * language is a second table of the same shape (`typeof POPUP`). The draft's own text (the letter, the
 * notes) comes from the user's templates, not from here.
 */
import type { DraftTerms } from "../draft";

type Kind = DraftTerms["kind"];

export const POPUP = {
  loading: "Reading the page…",
  title: "Invitewise",
  readFailed: (error: string) => `Could not read the page: ${error}`,
  nothingOpen: "Open an invitation, a job or a proposal form on Upwork, then open Invitewise again.",
  nothingToDraft: "Nothing to draft here: open an invitation, a job or a proposal form on Upwork.",

  /** What the popup is about, above the job's title. */
  lastInvitation: "The last invitation you opened",
  pageKind: (kind: string) => (kind === "apply" ? "Proposal form" : kind === "invitation" ? "Invitation" : "Job"),
  untitled: "Untitled job",
  /** The summary line's parts, joined with " · ". */
  fitUnknown: "Fit: not enough data",
  fit: (score: number) => `Fit ${score}/100`,
  redFlags: (n: number) => `${n} red flag${n > 1 ? "s" : ""}`,
  considerDeclining: "consider declining politely",

  profileEmpty: "Fill your profile in Options for a personal draft.",
  openOptions: "Open Options",

  /** Section titles (the copy buttons say "Copy <title, lower case>"). */
  coverLetter: "Cover letter",
  coverLetterText: "Cover letter text",
  terms: "Terms",
  questions: "Screening questions",
  copyAnswer: (n: number) => `Copy answer ${n}`,
  decline: "Decline",
  declineReason: "Reason to choose:",
  declineText: "Decline note",
  referral: "Referral (optional)",
  referralText: "Referral note",
  followUp: "Follow-up after submitting",
  followUpText: "Follow-up note",
  copy: "Copy",
  copyTitle: (title: string) => `Copy ${title.toLowerCase()}`,
  copied: "Copied",
  copyFailed: "Copy failed",

  discardEdits: "Discard my edits",
  local: "Drafted in your browser; nothing is sent anywhere.",
  insights: "Insights",

  /** The letter's live check. */
  counts: (chars: number, words: number) => `${chars} characters · ${words} words`,
  seenFirst: "What the client sees first:",
  keywords: "Keywords:",
  noIssues: "No issues found.",

  /** The terms, as shown and as copied. */
  kind: { hourly: "Hourly", fixed: "Fixed price, by project", milestone: "Fixed price, by milestone" } as Record<
    Kind,
    string
  >,
  rateLine: (rate: string | null) => `Rate: ${rate === null ? "[your rate]" : `${rate}/hr`}`,
  bidLine: (bid: string | null) => `Bid: ${bid ?? "[your bid]"}`,
  milestoneLine: (n: number, description: string, amount: string) => `Milestone ${n}: ${description} — ${amount}`,
  durationLine: (duration: string) => `Duration: ${duration}`,
  perHour: (rate: string) => `${rate}/hr`,
  noRate: "no rate",
  noBid: "no bid",

  /** The reply marks. */
  replyHeading: "Your reply on Upwork",
  answered: "Answered this invitation on Upwork?",
  accepted: "I accepted it",
  declined: "I declined it",
  markFailed: (error: string) => `Could not save that: ${error}`,
  marked: (state: "replied" | "declined", pending: number) =>
    `Marked as ${state}. ${pending === 0 ? "No invitation is" : pending === 1 ? "1 invitation is" : `${pending} invitations are`} still waiting for a reply within 24 hours.`,

  /** Insert into the proposal form. */
  insertHeading: "Insert into the proposal form",
  insert: "Insert into proposal",
  inserting: "Inserting…",
  insertNote: "Fills the form on the page; you review and submit it yourself.",
  filled: (fields: string[]) => `Filled: ${fields.join(", ")}.`,
  notFilled: "Not filled:",
};
