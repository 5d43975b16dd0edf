/**
 * Drafting: everything a reply needs, from the parsed job and the user's settings. Pure and
 * deterministic (same input, same draft); no network, no clock, no randomness.
 */
import type { Draft } from "../shared/draft";
import type { Client, Job } from "../shared/records";
import type { Settings } from "../shared/settings";
import { draftAnswers } from "./answers";
import { checkLetter } from "./check";
import { draftCoverLetter } from "./cover-letter";
import { draftNotes } from "./notes";
import { draftTerms } from "./terms";

export interface DraftInput {
  kind: "invitation" | "job" | "apply";
  job: Job;
  client: Client | null;
  /** Screening questions on the page (the apply form's, else the job's). */
  questions: string[];
  /** The client invited the user (an invitation page, or the apply form reached from one). */
  invited: boolean;
}

export function draftReply(input: DraftInput, settings: Settings): Draft {
  const { job, client, invited } = input;
  const terms = draftTerms(job, client, settings);
  const coverLetter = draftCoverLetter({ job, invited }, settings);
  const questions = input.questions.length ? input.questions : job.questions;
  const answers = draftAnswers(questions, { job, settings, terms });
  const notes = draftNotes(job, client, terms, settings, invited);
  return {
    coverLetter,
    terms,
    answers,
    decline: notes.decline,
    declineReason: notes.declineReason,
    referral: notes.referral,
    followUp: notes.followUp,
    check: checkLetter(coverLetter, job, settings.profile),
  };
}

export { checkLetter } from "./check";
export { DECLINE_REASONS } from "./notes";
export { DURATION_LABELS } from "./terms";
