/**
 * The parsed records of records.md §3 — the single source of truth for their shape.
 * zod/mini keeps the content script small; the same schemas serve the background, popup,
 * options page, command line and tests.
 */
import * as z from "zod/mini";

const text = z.string().check(z.minLength(1));
// Plausible ranges: a figure outside them was not what the page meant (a post can print 400 digits),
// so it is dropped with a warning (src/shared/repair.ts), never kept and never allowed to sink the page.
const money = z.number().check(z.gte(0), z.lt(1e9));
const count = z.int().check(z.gte(0), z.lt(1e7));
const connects = z.int().check(z.gte(0), z.lte(1000));
const percent = z.number().check(z.gte(0), z.lte(100));
/** A real moment: "2026-02-30" or "T25:00" match the shape but are no date (a stored value may be anything). */
const realDate = (s: string) => {
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00.000Z` : s);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s.length === 10 ? s : s.slice(0, 23));
};
/** YYYY-MM-DD (absolute page text) or a full ISO-8601 UTC timestamp (relative page text). */
export const dateOrTimestamp = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/), z.refine(realDate, "not a real date"));
export const timestamp = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), z.refine(realDate, "not a real date"));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(realDate, "not a real date"));

export const ExperienceLevel = z.enum(["entry", "intermediate", "expert"]);
export const Duration = z.enum(["less-than-1-month", "1-3-months", "3-6-months", "more-than-6-months"]);
export const HoursPerWeek = z.enum(["less-than-30", "more-than-30", "tbd"]);

export const Budget = z.nullable(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("fixed"), amount: z.nullable(money) }),
    z.object({ type: z.literal("hourly"), min: z.nullable(money), max: z.nullable(money) }),
  ]),
);

export const Job = z.object({
  ciphertext: z.nullable(z.string().check(z.regex(/^~0[12][0-9a-f]+$/))),
  url: z.nullable(z.string().check(z.regex(/^https:\/\/www\.upwork\.com\/jobs\/~/))),
  title: z.nullable(text),
  category: z.nullable(text),
  postedAt: z.nullable(dateOrTimestamp),
  description: z.nullable(text),
  skills: z.array(text),
  budget: Budget,
  experienceLevel: z.nullable(ExperienceLevel),
  duration: z.nullable(Duration),
  hoursPerWeek: z.nullable(HoursPerWeek),
  projectType: z.nullable(text),
  locationRequirement: z.nullable(text),
  connectsRequired: z.nullable(connects),
  questions: z.array(text),
});

export const ClientJob = z.object({
  /** Null where the layout does not render it (2026: the state fills it when the page carries one). */
  title: z.nullable(text),
  /** The freelancer's rating OF THE CLIENT. */
  freelancerRating: z.nullable(z.number().check(z.gte(0), z.lte(5))),
  freelancerFeedback: z.nullable(text),
  /** The client's rating of the freelancer ("To freelancer: …"). */
  clientRating: z.nullable(z.number().check(z.gte(0), z.lte(5))),
  clientFeedback: z.nullable(text),
  amount: z.nullable(money),
});

export const Client = z.object({
  paymentVerified: z.nullable(z.boolean()),
  rating: z.nullable(z.number().check(z.gte(0), z.lte(5))),
  reviewsCount: z.nullable(count),
  country: z.nullable(text),
  city: z.nullable(text),
  localTime: z.nullable(text),
  jobsPosted: z.nullable(count),
  hireRate: z.nullable(percent),
  openJobs: z.nullable(count),
  totalSpent: z.nullable(money),
  hires: z.nullable(count),
  activeHires: z.nullable(count),
  avgHourlyRatePaid: z.nullable(money),
  totalHours: z.nullable(count),
  memberSince: z.nullable(day),
  industry: z.nullable(text),
  companySize: z.nullable(text),
  history: z.array(ClientJob),
});

export const Activity = z.object({
  proposals: z.nullable(z.object({ min: count, max: z.nullable(count) })),
  lastViewedAt: z.nullable(timestamp),
  hires: z.nullable(count),
  interviewing: z.nullable(count),
  invitesSent: z.nullable(count),
  unansweredInvites: z.nullable(count),
});

export const BidRange = z.object({ high: z.nullable(money), avg: z.nullable(money), low: z.nullable(money) });

export const InvitationItem = z.object({
  id: z.string().check(z.regex(/^\d+$/)),
  url: z.string().check(z.regex(/^https:\/\/www\.upwork\.com\//)),
  jobTitle: text,
  receivedAt: z.nullable(dateOrTimestamp),
  profile: z.nullable(text),
  /** The row's "About the client" cell; null when the row has none. */
  client: z.nullable(
    z.object({ paymentVerified: z.nullable(z.boolean()), totalSpent: z.nullable(money), hires: z.nullable(count) }),
  ),
  freeToApply: z.nullable(z.boolean()),
  /** The client's invitation message, when the page state carries it (never guessed). */
  message: z.nullable(text),
  /** The job posting's uid from the page state, to join a job record read elsewhere. */
  jobUid: z.nullable(z.string().check(z.regex(/^\d+$/))),
});

export const InvitationStatus = z.enum(["pending", "accepted", "declined", "expired"]);

export const InvitationsRecord = z.object({ invitations: z.array(InvitationItem), count: z.nullable(count) });
export const InvitationRecord = z.object({
  /** null when the page's address is unknown (a saved page without one): named in `missing`. */
  id: z.nullable(z.string().check(z.regex(/^\d+$/))),
  job: Job,
  client: Client,
  activity: z.nullable(Activity),
  message: z.nullable(text),
  status: z.nullable(InvitationStatus),
});
export const JobRecord = z.object({
  job: Job,
  client: Client,
  activity: z.nullable(Activity),
  bidRange: z.nullable(BidRange),
});
export const ApplyForm = z.object({
  paymentKind: z.nullable(z.enum(["hourly", "fixed"])),
  profileRate: z.nullable(money),
  connectsRequired: z.nullable(connects),
  connectsRemaining: z.nullable(count),
  coverLetterMaxChars: z.nullable(count),
  questions: z.array(text),
  canInsert: z.boolean(),
});
export const ApplyRecord = z.object({ job: Job, form: ApplyForm });
export const ProposalRecord = z.object({
  /** null when the page's address is unknown (a saved page without one): named in `missing`. */
  id: z.nullable(z.string().check(z.regex(/^\d+$/))),
  job: Job,
  terms: z.object({
    kind: z.nullable(z.enum(["hourly", "fixed"])),
    rate: z.nullable(money),
    amount: z.nullable(money),
  }),
  coverLetter: z.nullable(text),
});
export const HomeRecord = z.object({ newInvitations: z.nullable(count) });

export const PageKind = z.enum(["invitations", "invitation", "apply", "proposal", "job", "home", "other"]);

/** Where a field's value came from: the visible text, the page's embedded state, or both agreeing. */
export const FieldSource = z.enum(["text", "state", "both"]);

/**
 * A parsed page: the kind decides the record's shape. `missing` holds dotted paths of fields not
 * found; `sources` maps each non-null field's dotted path to where it came from.
 */
const parsed = <K extends string, R extends z.ZodMiniType>(kind: K, record: R) =>
  z.object({
    kind: z.literal(kind),
    record,
    missing: z.array(z.string()),
    warnings: z.array(z.string()),
    sources: z.optional(z.record(z.string(), FieldSource)),
    /** Field health: which anchor gave each field ("state" when the page state filled it) … */
    anchors: z.optional(z.record(z.string(), z.string())),
    /** … and the fields read through a fallback anchor (a renamed attribute shows here first). */
    fallbacks: z.optional(z.array(z.string())),
    /** Fields where the page and its embedded state disagree (the page's value is kept). */
    disagreements: z.optional(z.array(z.string())),
  });

export const ParsedPage = z.discriminatedUnion("kind", [
  parsed("invitations", InvitationsRecord),
  parsed("invitation", InvitationRecord),
  parsed("apply", ApplyRecord),
  parsed("proposal", ProposalRecord),
  parsed("job", JobRecord),
  parsed("home", HomeRecord),
]);

export type Job = z.infer<typeof Job>;
export type Budget = z.infer<typeof Budget>;
export type Client = z.infer<typeof Client>;
export type ClientJob = z.infer<typeof ClientJob>;
export type Activity = z.infer<typeof Activity>;
export type BidRange = z.infer<typeof BidRange>;
export type InvitationItem = z.infer<typeof InvitationItem>;
export type InvitationStatus = z.infer<typeof InvitationStatus>;
export type InvitationsRecord = z.infer<typeof InvitationsRecord>;
export type InvitationRecord = z.infer<typeof InvitationRecord>;
export type JobRecord = z.infer<typeof JobRecord>;
export type ApplyRecord = z.infer<typeof ApplyRecord>;
export type ApplyForm = z.infer<typeof ApplyForm>;
export type ProposalRecord = z.infer<typeof ProposalRecord>;
export type HomeRecord = z.infer<typeof HomeRecord>;
export type PageKind = z.infer<typeof PageKind>;
export type FieldSource = z.infer<typeof FieldSource>;
export type ParsedPage = z.infer<typeof ParsedPage>;
/** A page the extension reads: every kind but `other`. */
export type ReadableKind = ParsedPage["kind"];
