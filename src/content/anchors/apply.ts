/**
 * Anchors of the apply form (REFERENCE.md §2.5) and of the "Job details" card that the apply form,
 * the invitation page and the proposal page share (`.fe-job-details`).
 */
import type { Anchor } from "./resolve";

export const DETAILS_ROOT: readonly Anchor[] = [".fe-job-details" /* seen 2025-12 */];
export const DETAILS_HEADINGS = [/^Job details$/i];

export const DETAILS = {
  title: ["h3.h5" /* seen 2025-12 */, "h3"],
  category: ["ul.list-inline li:not([data-qa-skill-key]) .air3-token" /* seen 2025-12 */],
  postedAt: [
    "[itemprop='datePosted']" /* seen 2025-12 */,
    /Posted\s+([A-Z][a-z]{2,8} \d{1,2}, \d{4}|\S.{0,40}? ago|yesterday)/,
  ],
  description: [
    ".description [id^='air3-truncation-']", // seen 2025-12
    ".description", // seen 2025-12
  ],
  features: [".fe-ui-job-features > li" /* seen 2025-12 */],
  skills: ["li[data-qa-skill-key] .air3-token" /* seen 2026-05 */],
  posting: ["a[data-test='open-original-posting']" /* seen 2025-12 */],
  postingLabel: /^View job posting$/i,
} satisfies Record<string, readonly Anchor[] | RegExp>;

/** Feature rows of the card: icon first, then the row's small label. */
export const FEATURE_ICONS = {
  experience: "[data-cy='expertise']",
  hourly: "[data-cy='clock-timelog']",
  fixed: "[data-cy='fixed-price']",
  duration: "[data-cy*='duration']",
} as const;
export const FEATURE_LABELS = {
  experience: /^Experience level$/i,
  hourly: /^Hourly range$/i,
  fixed: /^Fixed[- ]price$/i,
  hoursPerWeek: /^Hourly$/i,
  duration: /^(Project length|Duration)$/i,
};

export const FORM_ROOT: readonly Anchor[] = [
  ".fe-job-apply", // seen 2025-12
  "[data-fetch-key^='ApplyPage']", // seen 2025-12
];
export const FORM = {
  connectsRequired: [
    /This proposal requires\s*(\d[\d,]*\s+Connects?)/i,
    /Required for proposal:?\s*(\d[\d,]*\s+Connects?)/i,
    /Send for\s*(\d[\d,]*\s+Connects?)/i,
  ],
  connectsRemaining: [
    ".remaining-balance-details", // seen 2025-12
    /you'll have\s*(\d[\d,]*\s+Connects?)\s+remaining/i,
    /Remaining balance:?\s*(\d[\d,]*\s+Connects?)/i,
  ],
  profileRate: [
    ".contractors-rate", // seen 2025-12
    /Your profile rate:?\s*(\$\s?[\d,.]+\s*\/\s*hr)/i,
  ],
  hourlyMarkers: [
    ".up-fe-proposal-terms-hourly", // seen 2025-12
    "#step-rate", // seen 2021..2026
    /(What is the rate you'd like to bid)/i,
  ],
  fixedMarkers: [
    "input[name='milestoneMode']", // seen 2021..2026
    "#charged-amount-id", // seen 2021..2026
    /(What is the full amount you'd like to bid|How do you want to be paid\?)/i,
  ],
  coverLetter: [
    "textarea[aria-labelledby='cover_letter_label']", // seen 2025-12
    ".cover-letter-area textarea", // seen 2025-12
  ],
  coverLetterLabel: /^Cover Letter$/i,
  charsLeft: [
    ".cover-letter-area [role='status']" /* seen 2025-12 */,
    /(?<![\d,])(\d[\d,]*\s+characters?\s+(?:left|remaining))/i,
  ],
  questionGroups: [".fe-proposal-job-questions .form-group" /* seen 2025-12 */],
} satisfies Record<string, readonly Anchor[] | RegExp>;

/**
 * Where *Insert into proposal* writes (insert-draft.ts, injected on demand): ordered lists, the
 * first that finds an element wins. The form may open inside a slider or dialog launched from a job card.
 */
export const FILL = {
  scope: [".fe-job-apply" /* seen 2025-12 */, "[role='dialog'] .fe-ui-application-vue" /* seen 2025 */],
  letter: FORM.coverLetter,
  rate: "#step-rate", // seen 2021..2026
  amount: "#charged-amount-id", // seen 2021..2026
  milestone: "[data-test='milestone']",
  milestoneDescription: "input[data-test='milestone-description']",
  milestoneAmount: ["[data-test='milestone-amount'] input"],
  questionGroup: FORM.questionGroups[0]!,
};
