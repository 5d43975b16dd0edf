/**
 * The `{{token}}`s each template can use, shown beside its editor. They mirror what the drafting code
 * fills (see the comment on DEFAULT_TEMPLATES in src/shared/settings.ts); a token not listed here
 * still shows up unfilled in the draft, so a typo is visible.
 */
import type { Templates } from "../shared/settings";

export interface Placeholder {
  token: string;
  text: string;
}

const COVER: Placeholder[] = [
  { token: "opening", text: "A first line about the client's project" },
  { token: "hook", text: "Why you fit, from the job's own words" },
  { token: "jobTitle", text: "The job's title" },
  { token: "jobPhrase", text: "The job described in a few words" },
  { token: "skills", text: "A sentence on the skills you share with the job" },
  { token: "skillsList", text: "The matching skills, as a list" },
  { token: "portfolio", text: "Your best-matching portfolio item" },
  { token: "asks", text: "Answers to what the post asks for" },
  { token: "nextStep", text: "A proposed next step" },
  { token: "name", text: "Your name" },
  { token: "headline", text: "Your headline" },
];

const NOTES: Placeholder[] = [
  { token: "jobTitle", text: "The job's title" },
  { token: "project", text: "The project, in a few words" },
  { token: "thanks", text: "Thanks for the invitation" },
  { token: "reason", text: "Why you decline, politely" },
  { token: "reasonLabel", text: "The reason, in a word or two" },
  { token: "skillsList", text: "The matching skills, as a list" },
  { token: "summary", text: "A one-line summary of your proposal" },
  { token: "name", text: "Your name" },
];

export const PLACEHOLDERS: Record<keyof Templates, Placeholder[]> = {
  coverLetter: COVER,
  decline: NOTES,
  referral: NOTES,
  followUp: NOTES,
};
