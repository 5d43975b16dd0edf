/**
 * Decoded page state → `StateFacts`, in the units of records.md §1/§3.
 *
 * The data is found by its shape, not by one deep path: Upwork moved it before (`state.jobDetails` in
 * 2024, `vuex.jobDetails` in 2026) and will again. Every value is validated; an implausible one is
 * dropped with a reason, never clamped. And the state never invents: no reviews is no rating, no hourly
 * work is no average rate, no posted job is no hire rate, an unknown code is no value.
 *
 * Mappings checked against the seven real job pages in captures/more (see tests/unit/state/captures.test.ts).
 */
import * as z from "zod/mini";
import type { BidRange, Budget } from "../shared/records";
import { clean, cleanLines } from "../content/parse/values";

export interface StateHistoryItem {
  title: string | null;
  /** The freelancer's rating of the client: `feedbackToClient.score`. */
  freelancerRating: number | null;
  freelancerFeedback: string | null;
  /** The client's rating of the freelancer ("To freelancer:"): `feedback.score`. */
  clientRating: number | null;
  clientFeedback: string | null;
  /** `totalCharge`; null when 0 (an hourly contract the page shows with no "Billed:"). */
  amount: number | null;
  /** "Md Mahmudul H.": not in the record, kept for matching and diagnostics. */
  freelancerName: string | null;
  /** Has an end date: "Client's recent history" lists only these (in-progress ones sit under "Jobs in progress"). */
  completed: boolean;
}

export interface JobFacts {
  ciphertext: string;
  uid: string | null;
  job: {
    title: string | null;
    category: string | null;
    /** ISO timestamp, exact. */
    postedAt: string | null;
    /** May be shortened by Upwork (300 characters and "…"): see `descriptionShortened`. */
    description: string | null;
    descriptionShortened: boolean;
    skills: string[];
    budget: Budget;
    experienceLevel: "entry" | "intermediate" | "expert" | null;
    duration: "less-than-1-month" | "1-3-months" | "3-6-months" | "more-than-6-months" | null;
    hoursPerWeek: "less-than-30" | "more-than-30" | "tbd" | null;
    projectType: string | null;
    connectsRequired: number | null;
    questions: string[];
  };
  client: {
    paymentVerified: boolean | null;
    rating: number | null;
    reviewsCount: number | null;
    country: string | null;
    city: string | null;
    jobsPosted: number | null;
    hireRate: number | null;
    openJobs: number | null;
    totalSpent: number | null;
    hires: number | null;
    activeHires: number | null;
    avgHourlyRatePaid: number | null;
    totalHours: number | null;
    memberSince: string | null;
    industry: string | null;
    companySize: string | null;
    /** The state's work history, in its order (null when the state has none). */
    history: StateHistoryItem[] | null;
  };
  activity: {
    /** The exact number of proposals. */
    proposals: number | null;
    lastViewedAt: string | null;
    hires: number | null;
    interviewing: number | null;
    invitesSent: number | null;
    unansweredInvites: number | null;
  };
  bidRange: BidRange | null;
}

export interface InvitationFacts {
  id: string;
  message: string | null;
  jobUid: string | null;
  /** ISO timestamp (`ctime`), exact. */
  receivedAt: string | null;
  title: string | null;
}

export interface StateFacts {
  job: JobFacts | null;
  invitations: InvitationFacts[];
  /** Values the state holds but that failed validation: "client.totalSpent: -5 is not plausible". */
  dropped: string[];
}

/** Objects and arrays the shape search may visit; a job page's state has about 5,000. */
const MAX_VISITS = 200_000;
const MAX_TEXT = 100_000;

// ---------------------------------------------------------------------------------------------
// Validation: one schema per unit; a value that fails is dropped with its reason.

const money = z.number().check(z.gte(0), z.lt(1e9));
const count = z.int().check(z.gte(0), z.lt(1e7));
const connects = z.int().check(z.gte(0), z.lte(1000));
const percent = z.number().check(z.gte(0), z.lte(100));
const rating = z.number().check(z.gte(0), z.lte(5));
const text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));
const cipher = z.string().check(z.regex(/^~0[12][0-9a-f]+$/));
const digits = z.string().check(z.regex(/^\d{1,30}$/));

class Reader {
  readonly dropped: string[] = [];

  /** The value if it passes the schema, else null (and a reason when the state did hold something). */
  take<T>(path: string, schema: z.ZodMiniType<T>, value: unknown): T | null {
    if (value == null) return null;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    this.drop(path, value);
    return null;
  }

  drop(path: string, value: unknown, why = "is not plausible"): null {
    this.dropped.push(`${path}: ${short(value)} ${why}`);
    return null;
  }

  /** Money rounded to the cent (the state has 150.000060000024 for "$150.00"). */
  money(path: string, value: unknown): number | null {
    const v = this.take(path, money, value);
    return v == null ? null : Math.round(v * 100) / 100;
  }

  /** Cleaned as the page's text is (whitespace collapsed, invisible format characters dropped); empty is null. */
  text(path: string, value: unknown): string | null {
    if (typeof value !== "string") return value == null ? null : this.drop(path, value, "is not text");
    return this.take(path, text, clean(value));
  }

  /** A real instant between 2000 and 2100 → ISO UTC with milliseconds. */
  timestamp(path: string, value: unknown): string | null {
    if (value == null) return null;
    const d =
      value instanceof Date
        ? value
        : typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)
          ? new Date(value)
          : null;
    const y = d?.getUTCFullYear() ?? NaN;
    if (!d || Number.isNaN(d.getTime()) || y < 2000 || y > 2100) return this.drop(path, value, "is not a date");
    return d.toISOString();
  }
}

function short(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Shape search.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** Breadth-first over objects, arrays and Map/Set values; each node once (states share and cycle). */
function* walk(root: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [root];
  for (let i = 0; i < queue.length && i < MAX_VISITS; i++) {
    const v = queue[i];
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    yield v;
    const children = Array.isArray(v) ? v : v instanceof Map || v instanceof Set ? [...v.values()] : Object.values(v);
    for (const c of children) if (typeof c === "object" && c !== null && !seen.has(c)) queue.push(c);
  }
}

/** The job-details object: `{ job: { ciphertext | uid, title, … }, buyer: {…}, … }`. */
function isJobDetails(v: unknown): v is Obj & { job: Obj; buyer: Obj } {
  if (!isObj(v) || !isObj(v.job) || !isObj(v.buyer)) return false;
  return (typeof v.job.ciphertext === "string" || typeof v.job.uid === "string") && typeof v.job.title === "string";
}

/** An invitation of the Proposals page's lists: `{ uid, ctime, invitationLetter | jobPostingUid, … }`. */
function isInvitation(v: unknown): v is Obj {
  return (
    isObj(v) &&
    (typeof v.uid === "string" || typeof v.uid === "number") &&
    "ctime" in v &&
    ("invitationLetter" in v || "jobPostingUid" in v)
  );
}

export function stateFacts(root: unknown): StateFacts {
  const r = new Reader();
  let job: JobFacts | null = null;
  const invitations = new Map<string, InvitationFacts>();
  for (const v of walk(root)) {
    if (!job && isJobDetails(v)) job = jobFacts(v, r);
    if (Array.isArray(v) && v.length > 0 && v.every(isInvitation)) {
      for (const item of v) {
        const inv = invitationFacts(item, r);
        if (inv && !invitations.has(inv.id)) invitations.set(inv.id, inv);
      }
    }
  }
  return { job, invitations: [...invitations.values()], dropped: r.dropped };
}

// ---------------------------------------------------------------------------------------------
// Mappings.

/** `job.type`: 1 on the fixed-price pages (zima, ev), 2 on the hourly ones (exseed, cc, the ilja pages). */
function jobType(v: unknown): "fixed" | "hourly" | null {
  if (v === 1 || (typeof v === "string" && /^fixed/i.test(v))) return "fixed";
  if (v === 2 || (typeof v === "string" && /^hourly/i.test(v))) return "hourly";
  return null;
}

/** `contractorTier`: 2 "Intermediate" (exseed, ilja ×3, ev), 3 "Expert" (zima, cc); 1 is Upwork's entry tier. */
function tier(v: unknown): JobFacts["job"]["experienceLevel"] {
  if (v === 1 || (typeof v === "string" && /^entry/i.test(v))) return "entry";
  if (v === 2 || (typeof v === "string" && /^intermediate/i.test(v))) return "intermediate";
  if (v === 3 || (typeof v === "string" && /^expert/i.test(v))) return "expert";
  return null;
}

/** `durationLabel` / `engagementDuration.label`: "Less than a month" (zima), "1 to 3 months" (cc, ev). */
function duration(label: unknown, id: unknown): JobFacts["job"]["duration"] {
  const t = typeof label === "string" ? label.toLowerCase() : "";
  if (/less than (a|1) month/.test(t)) return "less-than-1-month";
  if (/\b1\s*(to|-|–)\s*3 months/.test(t)) return "1-3-months";
  if (/\b3\s*(to|-|–)\s*6 months/.test(t)) return "3-6-months";
  if (/more than 6 months|6\+ months/.test(t)) return "more-than-6-months";
  // Without a label, only the ids the captures pair with one: 1 with "Less than a month", 2 with "1 to 3 months".
  if (!t && id === 1) return "less-than-1-month";
  if (!t && id === 2) return "1-3-months";
  return null;
}

/** `workload`: the page's own words ("More than 30 hrs/week" exseed/company/cc, "Less than 30 hrs/week" unverified/norating). */
function workload(v: unknown): JobFacts["job"]["hoursPerWeek"] {
  const t = typeof v === "string" ? v.toLowerCase() : "";
  if (/less than 30|<\s*30/.test(t)) return "less-than-30";
  if (/more than 30|30\+/.test(t)) return "more-than-30";
  if (/to be determined|not sure|don.t know/.test(t)) return "tbd";
  return null;
}

/**
 * `company.profile.size` is the size bracket's lower bound: "10" shows "Mid-sized company (10-99 people)"
 * (zima, exseed), "2" "Small company (2-9 people)" (company page). "1" shows no line (norating page);
 * other brackets have not been seen on a page, so they are not named.
 */
const COMPANY_SIZES: Record<string, string> = {
  "2": "Small company (2-9 people)",
  "10": "Mid-sized company (10-99 people)",
};

/** Skills in the page's order: each ontology group's children, then the additional skills. */
function skills(sands: Obj, r: Reader): string[] {
  const out: string[] = [];
  const add = (s: unknown) => {
    const t = r.text("job.skills", obj(s).name);
    if (t && !out.includes(t)) out.push(t);
  };
  for (const group of Array.isArray(sands.ontologySkills) ? sands.ontologySkills : []) {
    const children = obj(group).children;
    if (Array.isArray(children)) children.forEach(add);
  }
  for (const s of Array.isArray(sands.additionalSkills) ? sands.additionalSkills : []) add(s);
  return out;
}

function budget(job: Obj, r: Reader): Budget {
  const type = jobType(job.type);
  if (type == null) {
    if (job.type != null) r.drop("job.budget", job.type, "is not a known job type");
    return null;
  }
  if (type === "fixed") {
    // A fixed job with a hidden or zero budget has no figure; 0 is not a budget.
    const amount = job.hideBudget === true ? null : r.money("job.budget.amount", obj(job.budget).amount);
    return { type, amount: amount ? amount : null };
  }
  const ext = obj(job.extendedBudgetInfo);
  const min = r.money("job.budget.min", ext.hourlyBudgetMin);
  const max = r.money("job.budget.max", ext.hourlyBudgetMax);
  if (min != null && max != null && min > max) {
    r.drop("job.budget", { min, max }, "is not a range");
    return { type, min: null, max: null };
  }
  return { type, min: min || null, max: max || null };
}

function history(list: unknown, r: Reader): StateHistoryItem[] | null {
  if (!Array.isArray(list)) return null;
  return list.filter(isObj).map((w, i) => {
    const p = `client.history[${i}]`;
    const toClient = obj(w.feedbackToClient);
    const toFreelancer = obj(w.feedback);
    const amount = r.money(`${p}.amount`, w.totalCharge);
    return {
      title: r.text(`${p}.title`, obj(w.jobInfo).title),
      freelancerRating: positive(r.take(`${p}.freelancerRating`, rating, toClient.score)),
      freelancerFeedback: r.text(`${p}.freelancerFeedback`, toClient.comment),
      clientRating: positive(r.take(`${p}.clientRating`, rating, toFreelancer.score)),
      clientFeedback: r.text(`${p}.clientFeedback`, toFreelancer.comment),
      amount: amount ? amount : null,
      freelancerName: r.text(`${p}.freelancerName`, obj(w.contractorInfo).contractorName),
      completed: w.endDate != null,
    };
  });
}

/** A rating of 0 is the state's "none" (Upwork ratings start at 1). */
const positive = (v: number | null): number | null => (v ? v : null);

function jobFacts(d: Obj & { job: Obj; buyer: Obj }, r: Reader): JobFacts | null {
  const j = d.job;
  const b = d.buyer;
  const ciphertext = r.take(
    "job.ciphertext",
    cipher,
    typeof j.ciphertext === "string" ? j.ciphertext.toLowerCase() : j.ciphertext,
  );
  if (!ciphertext) return null; // without it the state cannot be tied to a page
  const stats = obj(b.stats);
  const jobs = obj(b.jobs);
  const company = obj(b.company);
  const location = obj(b.location);
  const activity = obj(j.clientActivity);
  const postedAt = r.timestamp("job.postedAt", j.postedOn ?? j.publishTime);

  const reviews = r.take("client.reviewsCount", count, stats.feedbackCount);
  const posted = r.take("client.jobsPosted", count, jobs.postedCount);
  const withHires = r.take("client.hireRate", count, stats.totalJobsWithHires);
  const hoursCount = r.take("client.totalHours", z.number().check(z.gte(0), z.lt(1e7)), stats.hoursCount);
  const avgRate = r.money("client.avgHourlyRatePaid", obj(b.avgHourlyJobsRate).amount);
  const hireRate =
    posted && withHires != null
      ? r.take("client.hireRate", percent, Math.round((withHires / posted) * 10000) / 100)
      : null;

  // "Last viewed by client" is the client's last activity; the page leaves the line out when that is
  // before the job was posted (unverified page: activity 04:21, posted 04:25, no line). So does this.
  let lastViewedAt = r.timestamp("activity.lastViewedAt", activity.lastBuyerActivity);
  if (lastViewedAt && postedAt && lastViewedAt < postedAt) lastViewedAt = null;

  const desc = typeof j.description === "string" ? j.description : null;
  const shortened = !!desc && /(…|\.\.\.)\s*$/.test(desc);
  const engagement = obj(j.engagementDuration);
  const bids = obj(obj(d.applicants).applicantsBidsStats);
  const bidRange: BidRange | null = isObj(obj(d.applicants).applicantsBidsStats)
    ? {
        high: r.money("bidRange.high", obj(bids.maxRateBid).amount),
        avg: r.money("bidRange.avg", obj(bids.avgRateBid).amount),
        low: r.money("bidRange.low", obj(bids.minRateBid).amount),
      }
    : null;
  const size = company.profile != null ? obj(company.profile).size : null;

  return {
    ciphertext,
    uid: r.take("job.uid", digits, typeof j.uid === "number" ? String(j.uid) : j.uid),
    job: {
      title: r.text("job.title", j.title),
      category: r.text("job.category", obj(j.category).name),
      postedAt,
      description:
        desc == null
          ? null
          : r.take("job.description", text, cleanLines(desc.replace(/(?<![\s….])\s*(…|\.\.\.)\s*$/, ""))),
      descriptionShortened: shortened,
      skills: skills(obj(d.sands), r),
      budget: budget(j, r),
      experienceLevel: j.notSureExperienceLevel === true ? null : tier(j.contractorTier),
      duration:
        j.notSureProjectDuration === true ? null : duration(j.durationLabel ?? engagement.label, j.durationIdV3),
      hoursPerWeek: workload(j.workload),
      projectType: r.text(
        "job.projectType",
        (Array.isArray(j.segmentationData) ? j.segmentationData : [])
          .map(obj)
          .find((s) => s.type === "EMPLOYMENT" || s.name === "Employment")?.label,
      ),
      connectsRequired: r.take("job.connectsRequired", connects, obj(d.connects).requiredConnects),
      questions: (Array.isArray(j.questions) ? j.questions : [])
        .map(obj)
        .sort((a, c) => Number(a.position ?? 0) - Number(c.position ?? 0))
        .map((q, i) => r.text(`job.questions[${i}]`, q.question))
        .filter((q): q is string => !!q),
    },
    client: {
      paymentVerified: typeof b.isPaymentMethodVerified === "boolean" ? b.isPaymentMethodVerified : null,
      // No reviews is no rating: the state's score is then 0.
      rating: reviews ? positive(r.take("client.rating", rating, stats.score)) : null,
      reviewsCount: reviews,
      country: r.text("client.country", location.country),
      city: r.text("client.city", location.city),
      jobsPosted: posted,
      hireRate,
      openJobs: r.take("client.openJobs", count, jobs.openCount),
      totalSpent: r.money("client.totalSpent", obj(stats.totalCharges).amount),
      hires: r.take("client.hires", count, stats.totalAssignments),
      activeHires: r.take("client.activeHires", count, stats.activeAssignmentsCount),
      // No hourly work is no average rate (the state has null or 0 then).
      avgHourlyRatePaid: hoursCount && avgRate ? avgRate : null,
      // "963 hours" for 963.34, "1 hour" for 0.83: the page rounds.
      totalHours: hoursCount == null ? null : r.take("client.totalHours", count, Math.round(hoursCount)),
      // UTC midnight of the contract date.
      memberSince: r.timestamp("client.memberSince", company.contractDate)?.slice(0, 10) ?? null,
      industry: r.text("client.industry", obj(company.profile).industry),
      companySize: typeof size === "string" || typeof size === "number" ? (COMPANY_SIZES[String(size)] ?? null) : null,
      history: history(d.workHistory, r),
    },
    activity: {
      proposals: r.take("activity.proposals", count, activity.totalApplicants),
      lastViewedAt,
      hires: r.take("activity.hires", count, activity.totalHired),
      interviewing: r.take("activity.interviewing", count, activity.totalInvitedToInterview),
      invitesSent: r.take("activity.invitesSent", count, activity.invitationsSent),
      unansweredInvites: r.take("activity.unansweredInvites", count, activity.unansweredInvites),
    },
    bidRange: bidRange && (bidRange.high != null || bidRange.avg != null || bidRange.low != null) ? bidRange : null,
  };
}

function invitationFacts(v: Obj, r: Reader): InvitationFacts | null {
  const id = r.take("invitations.id", digits, typeof v.uid === "number" ? null : v.uid);
  if (!id) return null;
  const p = `invitations[${id}]`;
  const letter =
    typeof v.invitationLetter === "string" ? r.take(`${p}.message`, text, cleanLines(v.invitationLetter)) : null;
  return {
    id,
    message: letter,
    jobUid: r.take(`${p}.jobUid`, digits, typeof v.jobPostingUid === "number" ? null : v.jobPostingUid),
    receivedAt: r.timestamp(`${p}.receivedAt`, v.ctime),
    title: r.text(`${p}.title`, v.title),
  };
}
