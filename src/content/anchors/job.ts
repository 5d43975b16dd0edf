/**
 * Anchors of the job page and the find-work job slider (REFERENCE.md §2.4): the job card,
 * "Activity on this job", "About the client" (both variants) and "Client's recent history".
 * Selectors newest first; labels are the visible English texts that survived every redesign.
 */
import type { Anchor } from "./resolve";

const REL = String.raw`(?:just now|yesterday|last (?:week|month|year)|(?:\d+|an?) (?:second|minute|hour|day|week|month|year)s? ago|[A-Z][a-z]{2,8} \d{1,2}, \d{4})`;

export const JOB_ROOT: readonly Anchor[] = [
  ".job-details-card", // seen 2025-12
  "[data-ev-label='jobdetails_impression']", // seen 2025-12
];

export const JOB = {
  title: [
    ".job-details-card h4 span.flex-1", // seen 2025-12
    "h4 span.flex-1", // seen 2025-12
  ],
  postedAt: [
    ".posted-on-line", // seen 2025-12
    "[data-test='PostedOn']", // seen 2025, drop after 2026-12
    new RegExp(String.raw`Posted\s+(${REL})`),
  ],
  locationRequirement: [
    ".d-inline-flex p[tabindex='0']", // seen 2025-12
    /\b(Worldwide|U\.S\. only|Only freelancers located in [^.]{1,120}\.)/,
  ],
  description: [
    "[data-test='Description'] p", // seen 2025-12
    "[data-test='Description']", // seen 2025-12
  ],
  /** li of the features list holding each feature icon (data-cy icons stable 2021→2026). */
  fixedPrice: [{ sel: "[data-cy='fixed-price']", up: "li" }],
  hourlyRange: [{ sel: "[data-cy='clock-timelog']", up: "li" }],
  /** The row around Upwork's amount when its icon is gone; its label tells fixed from hourly. */
  budgetRow: [{ sel: "[data-test='BudgetAmount']", up: "li" } /* seen 2024..2025-09 */, "[data-test='BudgetAmount']"],
  hoursPerWeek: [
    { sel: "[data-cy='clock-hourly']", up: "li" },
    /\b(Less than 30 hrs?\/week|More than 30 hrs?\/week|30\+ hrs?\/week|Hours to be determined)\b/i,
  ],
  duration: [
    { sel: "[data-cy^='duration']", up: "li" },
    /\b(Less than 1 month|More than 6 months|\d+\s*to\s*\d+ months)\b/i,
  ],
  experience: [
    { sel: "[data-cy='expertise']", up: "li" },
    /\b(Entry level|Intermediate|Expert)\s+(?:I am|Experience level)/,
  ],
  projectType: [
    ".segmentations li", // seen 2025-12
    /Project Type:\s*([A-Za-z-]+(?: [a-z-]+)? project)/,
  ],
  skills: [
    ".skills-list a.air3-badge .air3-line-clamp", // seen 2025-12
    ".skills-list .air3-badge", // seen 2025-12
  ],
} satisfies Record<string, readonly Anchor[]>;

/**
 * The block that says what a proposal costs, worded three ways over the years: "Send a proposal
 * for: 9 Connects", "Required Connects to submit a proposal: 22", "15 required Connects (140
 * available)". Read only inside that block, never from the description.
 */
export const CONNECTS = {
  root: [
    "[data-test='ConnectsDesktop']", // seen 2024
    "[data-test='ConnectsMobile']", // seen 2024
    "[data-test='ConnectsAuction']", // seen 2024-08
  ],
  /** An element whose own text is the label: its parent block holds the figure. */
  label: /^\s*(?:Send a proposal for|Required Connects to submit|\d[\d,]*\s+required Connects)/i,
  values: [
    /Send a proposal for:?\s*(\d[\d,]*)\s*Connects?\b/i,
    /Required Connects to submit a proposal:?\s*(\d[\d,]*)/i,
    /(?<![\d,])(\d[\d,]*)\s+required Connects?\b/i,
  ],
};

/** A feature row's small label naming the budget's kind (under the amount, or under hours per week). */
export const BUDGET_LABELS = { fixed: /^Fixed[- ]price$/i, hourly: /^Hourly$/i };

/** Where the job card's own text ends: the client's sections follow it. */
export const CARD_TEXT_END =
  /\b(?:About the client|Activity on this job|Client'?s recent history|Client'?s work history)\b/i;

export const FEATURES_LABELS = [/^Skills and Expertise$/i];
export const SUMMARY_LABEL = /^Summary$/i;

export const ACTIVITY_ROOT: readonly Anchor[] = [
  "ul.client-activity-items", // seen 2025-12
  "[data-test='ClientActivity']", // seen 2025, drop after 2026-12
];
export const ACTIVITY_HEADINGS = [/^Activity on this job$/i];
/** Each activity row: its title label → the record field. */
export const ACTIVITY_ROWS = {
  proposals: /^Proposals:?$/i,
  lastViewedAt: /^Last viewed by client:?$/i,
  hires: /^(Hires|Hired):?$/i,
  interviewing: /^Interviewing:?$/i,
  invitesSent: /^Invites sent:?$/i,
  unansweredInvites: /^Unanswered invites:?$/i,
};
export const ACTIVITY_ITEM = ["li.ca-item" /* seen 2025-12 */];
/** Label fallback over the section text when the row markup is gone. */
export const ACTIVITY_LABELS = {
  proposals: /Proposals:\s*(Less than \d+|\d+ to \d+|\d+\+)/i,
  lastViewedAt: new RegExp(String.raw`Last viewed by client:\s*(${REL})`, "i"),
  hires: /\b(?:Hires|Hired):\s*(\d[\d,]*)/i,
  interviewing: /Interviewing:\s*(\d[\d,]*)/i,
  invitesSent: /Invites sent:\s*(\d[\d,]*)/i,
  unansweredInvites: /Unanswered invites:\s*(\d[\d,]*)/i,
};

export const CLIENT_ROOT: readonly Anchor[] = [
  "[data-test='about-client-container']", // seen 2025-12
  "[data-test='AboutClientUser']", // seen 2025-09, drop after 2026-12
  "[data-test='AboutClientVisitor']", // seen 2026-08
  ".cfe-ui-job-about-client", // seen 2025-12
  ".cfe-about-client-v2", // seen 2026-08
];
export const CLIENT_HEADINGS = [/^About the client$/i];

export const CLIENT = {
  payment: [
    /(Payment method not verified|Payment unverified|Payment not verified)/i,
    /(Payment method verified|Payment verified)/i,
  ],
  reviews: [
    "[data-testid='buyer-rating'] .nowrap", // seen 2025-12
    /(\d(?:\.\d+)?\s+of\s+\d[\d,]*\s+reviews?)/i,
  ],
  ratingShown: [
    "[data-testid='buyer-rating'] .air3-rating-value-text", // seen 2025-12
    ".air3-rating-value-text", // seen 2025-12
  ],
  location: ["[data-qa='client-location']" /* seen 2025-12 */],
  localTime: [
    "[data-test='LocalTime']", // seen 2026-08
    /\b(\d{1,2}:\d{2}\s?[AP]M)\b/,
  ],
  jobsPosted: [
    "[data-qa='client-job-posting-stats']", // seen 2025-12
    /(?<![\d,])(\d[\d,]*\s+jobs? posted)/i,
  ],
  hireRate: [
    "[data-qa='client-job-posting-stats'] div", // seen 2025-12
    /(\d{1,3}%\s*hire rate(?:,\s*\d[\d,]*\s+open jobs?)?)/i,
  ],
  openJobs: [/(?<![\d,])(\d[\d,]*\s+open jobs?)/i],
  totalSpent: [
    "[data-qa='client-spend']", // seen 2025-12
    /(\$\s?[\d,.]+\s?[KMB]?\+?\s*total spent)/i,
  ],
  hires: [
    "[data-qa='client-hires']", // seen 2025-12
    /(?<![\d,])(\d[\d,]*\s+hires?(?:,\s*\d[\d,]*\s+active)?)/i,
  ],
  avgHourlyRatePaid: [
    "[data-qa='client-hourly-rate']", // seen 2025-12
    /(\$\s?[\d,.]+\s*\/\s*hr\s+avg hourly rate paid)/i,
  ],
  totalHours: [
    "[data-qa='client-hours']", // seen 2025-12
    /(?<![\d,])(\d[\d,]*\s+hours?)\b(?!\s+ago)/i,
  ],
  memberSince: [
    "[data-qa='client-contract-date']", // seen 2025-12
    /Member since\s+([A-Z][a-z]{2,8} \d{1,2}, \d{4})/,
  ],
  industry: ["[data-qa='client-company-profile-industry']" /* seen 2026-08 */],
  companySize: ["[data-qa='client-company-profile-size']" /* seen 2026-08 */],
} satisfies Record<string, readonly Anchor[]>;

export const HISTORY_ROOT: readonly Anchor[] = [
  "[data-cy='jobs']", // seen 2025-12
  "[data-test='WorkHistory']", // seen 2025-09, drop after 2026-12
];
export const HISTORY_HEADINGS = [/^Client'?s recent history\b/i, /^Client'?s work history\b/i];
export const HISTORY_ITEM = [
  "[data-cy='job']", // seen 2025-12
  ".item", // seen 2025-12
];
export const HISTORY = {
  title: [
    "[data-cy='job-title']", // seen 2025-12
    "[data-test='JobLink']", // seen 2024 (a plain span, no link)
    "a[href^='/jobs/~'], a[href*='upwork.com/jobs/~']",
  ],
  rating: [".air3-rating" /* seen 2025-12 */],
  ratingValue: [
    ".air3-rating-value-text", // seen 2025-12
    ".sr-only", // seen 2025-12
  ],
  feedback: ["[id^='air3-truncation-']" /* seen 2025-12 */, ".air3-truncation"],
  toFreelancer: /To freelancer:?/i,
  /** Every item's period line ("Apr 2023 - Mar 2026", "Jan 2024 - Present"): one per item, whatever its wrappers. */
  period: /^\s*[A-Z][a-z]{2,8}\.? \d{4}\s*-/,
  noFeedback: /No feedback given/i,
  stats: ["[data-cy='stats']" /* seen 2025-12 */],
  fixedAmount: /Fixed[- ]price\s*(\$\s?[\d,.]+)/i,
  billedAmount: /Billed:?\s*(\$\s?[\d,.]+)/i,
};

/** The bid range heading, "Bid range - High $40.00 | Avg $31.50 | Low $20.00". */
export const BID_RANGE_LABEL = /^(Bid range ?-? ?High ?\$[\d,.]+ ?\|? ?Avg ?\$[\d,.]+ ?\|? ?Low ?\$[\d,.]+)/i;
