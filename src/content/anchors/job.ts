/**
 * Anchors of the job page and the find-work job slider (REFERENCE.md §2.4): the job card,
 * "Activity on this job", "About the client" (both variants) and "Client's recent history".
 * Selectors newest first; labels are the visible English texts that survived every redesign.
 */
import type { Anchor } from "./resolve";

const REL = String.raw`(?:just now|yesterday|last (?:week|month|year)|(?:\d+|an?) (?:second|minute|hour|day|week|month|year)s? ago|[A-Z][a-z]{2,8} \d{1,2}, \d{4})`;

export const JOB_ROOT: readonly Anchor[] = [
  { sel: ".job-details-card" }, // seen 2025-12
  { sel: "[data-ev-label='jobdetails_impression']" }, // seen 2025-12
];

export const JOB = {
  title: [
    { sel: ".job-details-card h4 span.flex-1" }, // seen 2025-12
    { sel: "h4 span.flex-1" }, // seen 2025-12
  ],
  postedAt: [
    { sel: ".posted-on-line" }, // seen 2025-12
    { sel: "[data-test='PostedOn']" }, // seen 2025, drop after 2026-12
    { label: new RegExp(String.raw`Posted\s+(${REL})`) },
  ],
  locationRequirement: [
    { sel: ".d-inline-flex p[tabindex='0']" }, // seen 2025-12
    { label: /\b(Worldwide|U\.S\. only|Only freelancers located in [^.]+\.)/ },
  ],
  connectsRequired: [
    { label: /Send a proposal for:?\s*(\d[\d,]*\s+Connects?)/i },
    { label: /Required Connects to submit a proposal:?\s*(\d[\d,]*)/i },
  ],
  description: [
    { sel: "[data-test='Description'] p" }, // seen 2025-12
    { sel: "[data-test='Description']" }, // seen 2025-12
  ],
  /** li of the features list holding each feature icon (data-cy icons stable 2021→2026). */
  fixedPrice: [{ sel: "[data-cy='fixed-price']", up: "li" }, { sel: "[data-test='BudgetAmount']" } /* seen 2025-09, drop after 2026-12 */],
  hourlyRange: [{ sel: "[data-cy='clock-timelog']", up: "li" }],
  hoursPerWeek: [
    { sel: "[data-cy='clock-hourly']", up: "li" },
    { label: /\b(Less than 30 hrs?\/week|More than 30 hrs?\/week|30\+ hrs?\/week|Hours to be determined)\b/i },
  ],
  duration: [
    { sel: "[data-cy^='duration']", up: "li" },
    { label: /\b(Less than 1 month|More than 6 months|\d+\s*to\s*\d+ months)\b/i },
  ],
  experience: [
    { sel: "[data-cy='expertise']", up: "li" },
    { label: /\b(Entry level|Intermediate|Expert)\s+(?:I am|Experience level)/ },
  ],
  projectType: [
    { sel: ".segmentations li" }, // seen 2025-12
    { label: /Project Type:\s*([A-Za-z-]+(?: [a-z-]+)? project)/ },
  ],
  skills: [
    { sel: ".skills-list a.air3-badge .air3-line-clamp" }, // seen 2025-12
    { sel: ".skills-list .air3-badge" }, // seen 2025-12
  ],
} satisfies Record<string, readonly Anchor[]>;

/** Where the job card's own text ends: the client's sections follow it. */
export const CARD_TEXT_END = /\b(?:About the client|Activity on this job|Client'?s recent history|Client'?s work history)\b/i;

export const FEATURES_LABELS = [/^Skills and Expertise$/i];
export const SUMMARY_LABEL = /^Summary$/i;

export const ACTIVITY_ROOT: readonly Anchor[] = [
  { sel: "ul.client-activity-items" }, // seen 2025-12
  { sel: "[data-test='ClientActivity']" }, // seen 2025, drop after 2026-12
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
export const ACTIVITY_ITEM = [{ sel: "li.ca-item" } /* seen 2025-12 */];
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
  { sel: "[data-test='about-client-container']" }, // seen 2025-12
  { sel: "[data-test='AboutClientUser']" }, // seen 2025-09, drop after 2026-12
  { sel: "[data-test='AboutClientVisitor']" }, // seen 2026-08
  { sel: ".cfe-ui-job-about-client" }, // seen 2025-12
  { sel: ".cfe-about-client-v2" }, // seen 2026-08
];
export const CLIENT_HEADINGS = [/^About the client$/i];

export const CLIENT = {
  payment: [
    { label: /(Payment method not verified|Payment unverified|Payment not verified)/i },
    { label: /(Payment method verified|Payment verified)/i },
  ],
  reviews: [
    { sel: "[data-testid='buyer-rating'] .nowrap" }, // seen 2025-12
    { label: /(\d(?:\.\d+)?\s+of\s+\d[\d,]*\s+reviews?)/i },
  ],
  ratingShown: [
    { sel: "[data-testid='buyer-rating'] .air3-rating-value-text" }, // seen 2025-12
    { sel: ".air3-rating-value-text" }, // seen 2025-12
  ],
  location: [{ sel: "[data-qa='client-location']" } /* seen 2025-12 */],
  localTime: [
    { sel: "[data-test='LocalTime']" }, // seen 2026-08
    { label: /\b(\d{1,2}:\d{2}\s?[AP]M)\b/ },
  ],
  jobsPosted: [
    { sel: "[data-qa='client-job-posting-stats']" }, // seen 2025-12
    { label: /(\d[\d,]*\s+jobs? posted)/i },
  ],
  hireRate: [
    { sel: "[data-qa='client-job-posting-stats'] div" }, // seen 2025-12
    { label: /(\d{1,3}%\s*hire rate(?:,\s*\d[\d,]*\s+open jobs?)?)/i },
  ],
  openJobs: [{ label: /(\d[\d,]*\s+open jobs?)/i }],
  totalSpent: [
    { sel: "[data-qa='client-spend']" }, // seen 2025-12
    { label: /(\$\s?[\d,.]+\s?[KMB]?\+?\s*total spent)/i },
  ],
  hires: [
    { sel: "[data-qa='client-hires']" }, // seen 2025-12
    { label: /(\d[\d,]*\s+hires?(?:,\s*\d[\d,]*\s+active)?)/i },
  ],
  avgHourlyRatePaid: [
    { sel: "[data-qa='client-hourly-rate']" }, // seen 2025-12
    { label: /(\$\s?[\d,.]+\s*\/\s*hr\s+avg hourly rate paid)/i },
  ],
  totalHours: [
    { sel: "[data-qa='client-hours']" }, // seen 2025-12
    { label: /(\d[\d,]*\s+hours)\b(?!\s+ago)/i },
  ],
  memberSince: [
    { sel: "[data-qa='client-contract-date']" }, // seen 2025-12
    { label: /Member since\s+([A-Z][a-z]{2,8} \d{1,2}, \d{4})/ },
  ],
  industry: [{ sel: "[data-qa='client-company-profile-industry']" } /* seen 2026-08 */],
  companySize: [{ sel: "[data-qa='client-company-profile-size']" } /* seen 2026-08 */],
} satisfies Record<string, readonly Anchor[]>;

export const HISTORY_ROOT: readonly Anchor[] = [
  { sel: "[data-cy='jobs']" }, // seen 2025-12
  { sel: "[data-test='WorkHistory']" }, // seen 2025-09, drop after 2026-12
];
export const HISTORY_HEADINGS = [/^Client'?s recent history\b/i, /^Client'?s work history\b/i];
export const HISTORY_ITEM = [
  { sel: "[data-cy='job']" }, // seen 2025-12
  { sel: ".item" }, // seen 2025-12
];
export const HISTORY = {
  title: [
    { sel: "[data-cy='job-title']" }, // seen 2025-12
    { sel: "a[href*='/jobs/~']" },
  ],
  rating: [{ sel: ".air3-rating" } /* seen 2025-12 */],
  ratingValue: [
    { sel: ".air3-rating-value-text" }, // seen 2025-12
    { sel: ".sr-only" }, // seen 2025-12
  ],
  feedback: [{ sel: "[id^='air3-truncation-']" } /* seen 2025-12 */, { sel: ".air3-truncation" }],
  toFreelancer: /To freelancer:?/i,
  noFeedback: /No feedback given/i,
  stats: [{ sel: "[data-cy='stats']" } /* seen 2025-12 */],
  fixedAmount: /Fixed[- ]price\s*(\$\s?[\d,.]+)/i,
  billedAmount: /Billed:?\s*(\$\s?[\d,.]+)/i,
};

export const BID_RANGE_LABEL = /(Bid range\s*-?\s*High\s*\$[\d,.]+\s*\|?\s*Avg\s*\$[\d,.]+\s*\|?\s*Low\s*\$[\d,.]+)/i;
