/**
 * Hand-made page states for the state tests: invented values, in the shapes the real captures show
 * (captures/more/README.md "Embedded page state"). Nothing here is copied from a capture.
 */
import { stringify } from "devalue";
import { Window } from "happy-dom";
import type { ClientJob, JobRecord, ParsedPage } from "../../../src/shared/records";

export const CIPHER = "~02aa11bb22cc33dd44ee5";
export const NOW = new Date("2025-06-10T12:00:00.000Z");

type Obj = Record<string, unknown>;

/** A `jobDetails` object as Upwork's job page keeps it (2024/2026 shape). */
export function jobDetails(
  over: { job?: Obj; buyer?: Obj; stats?: Obj; workHistory?: Obj[]; applicants?: Obj; connects?: Obj } = {},
): Obj {
  const stats = {
    totalAssignments: 31,
    activeAssignmentsCount: 3,
    feedbackCount: 12,
    score: 4.6183,
    totalJobsWithHires: 17,
    hoursCount: 412.6,
    totalCharges: { currencyCode: "USD", amount: 18342.5 },
    ...over.stats,
  };
  return {
    cache: {},
    job: {
      ciphertext: CIPHER,
      uid: "1930000000000000001",
      type: 2,
      title: "Build a booking widget for a dental clinic",
      category: { name: "Web Development", urlSlug: "web-development" },
      budget: { currencyCode: "USD", amount: 0 },
      postedOn: "2025-06-10T08:20:15.250Z",
      publishTime: "2025-06-10T08:21:00.000Z",
      workload: "Less than 30 hrs/week",
      durationIdV3: 3,
      durationLabel: "3 to 6 months",
      extendedBudgetInfo: { hourlyBudgetType: 1, hourlyBudgetMin: 25, hourlyBudgetMax: 45 },
      contractorTier: 2,
      description: "We need a small booking widget.\n\nIt must work   on mobile.",
      questions: [
        { position: 1, question: "Which calendar APIs have you used?" },
        { position: 0, question: "Share a similar widget you built." },
      ],
      segmentationData: [{ name: "Employment", type: "EMPLOYMENT", label: "Ongoing project" }],
      clientActivity: {
        lastBuyerActivity: "2025-06-10T09:35:40.000Z",
        totalApplicants: 7,
        totalHired: 0,
        totalInvitedToInterview: 2,
        unansweredInvites: 1,
        invitationsSent: 3,
      },
      ...over.job,
    },
    buyer: {
      isPaymentMethodVerified: true,
      location: { offsetFromUtcMillis: 3600000, countryTimezone: "Europe/Lisbon", city: "Porto", country: "Portugal" },
      stats,
      company: { contractDate: "2018-03-05T00:00:00.000Z", profile: { size: "10", industry: "Health & Fitness" } },
      jobs: { postedCount: 20, openCount: 2 },
      avgHourlyJobsRate: { amount: 31.456789 },
      ...over.buyer,
    },
    workHistory: over.workHistory ?? [
      history("Landing page tweaks", 640, {
        toClient: [5, "Clear brief and quick payment."],
        toFreelancer: [4.8, "Solid work."],
      }),
      history("Logo refresh", 150, { toClient: [3.5, null], toFreelancer: null }),
      history("Ongoing support", 900, { ended: false }),
      history("Landing page tweaks", 220, {
        toClient: [4, "Fine to work with, slow replies at times."],
        toFreelancer: [5, null],
      }),
    ],
    sands: {
      ontologySkills: [{ name: "Web Development Skills", children: [{ name: "JavaScript" }, { name: "CSS" }] }],
      additionalSkills: [{ name: "Calendar Integration" }],
    },
    applicants: over.applicants ?? {
      applicantsBidsStats: {
        avgRateBid: { amount: 33.333333 },
        minRateBid: { amount: 20 },
        maxRateBid: { amount: 48 },
      },
    },
    connects: { requiredConnects: 12, availableConnects: 60, ...over.connects },
  };
}

/** A workHistory entry. `toClient` is the freelancer's [score, comment] about the client. */
export function history(
  title: string,
  charge: number,
  o: {
    toClient?: [number, string | null] | null;
    toFreelancer?: [number, string | null] | null;
    ended?: boolean;
    name?: string;
  } = {},
): Obj {
  const fb = (x: [number, string | null] | null | undefined) => (x ? { score: x[0], comment: x[1] } : null);
  return {
    jobInfo: { title, ciphertext: null, uid: String(1900000000000000000 + charge) },
    startDate: "2024-01-01T00:00:00.000Z",
    endDate: o.ended === false ? null : "2024-02-01T00:00:00.000Z",
    status: o.ended === false ? 1 : 3,
    contractorInfo: { contractorName: o.name ?? "Ana P.", ciphertext: "~01ffff" },
    totalHours: 0,
    totalCharge: charge,
    rate: null,
    feedback: fb(o.toFreelancer),
    feedbackToClient: fb(o.toClient),
  };
}

/** The Nuxt 3 payload: devalue JSON with the root marked "Reactive", the job under `vuex`. */
export function nuxt3Json(details: Obj, extraState: Obj = {}): string {
  const root = {
    data: {},
    state: { ...extraState },
    once: [],
    serverRendered: true,
    path: `/jobs/${CIPHER}`,
    vuex: { jobDetails: details },
  };
  return stringify(root, { Reactive: (v: unknown) => (v === root ? { ...root } : undefined) });
}

/**
 * The Nuxt 2 form: `window.__NUXT__=(function(a,b,…){return {…}}(…))`, repeated primitives passed as
 * arguments the way Nuxt's serializer does, keys unquoted where they are identifiers.
 */
export function nuxt2Script(state: Obj, arrow = false): string {
  const counts = new Map<unknown, number>();
  const tally = (v: unknown): void => {
    if (v === null || typeof v === "boolean" || (typeof v === "string" && v.length > 2) || typeof v === "number")
      counts.set(v, (counts.get(v) ?? 0) + 1);
    else if (Array.isArray(v)) v.forEach(tally);
    else if (v && typeof v === "object") Object.values(v).forEach(tally);
  };
  const root = {
    layout: "layout-user",
    data: [{}],
    error: null,
    state,
    serverRendered: true,
    routePath: `/jobs/${CIPHER}`,
  };
  tally(root);
  const params = new Map<unknown, string>();
  for (const [v, n] of counts) if (n > 1) params.set(v, name(params.size));
  const lit = (v: unknown): string => {
    if (params.has(v)) return params.get(v)!;
    if (v === undefined) return "void 0";
    if (v === true) return "!0";
    if (v === false) return "!1";
    if (typeof v === "string") return JSON.stringify(v).replace(/\//g, "\\u002F");
    if (typeof v === "number" || v === null) return String(v);
    if (Array.isArray(v)) return `[${v.map(lit).join(",")}]`;
    return `{${Object.entries(v as Obj)
      .map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}:${lit(x)}`)
      .join(",")}}`;
  };
  const names = [...params.values()].join(",");
  const args = [...params.keys()]
    .map((v) => (v === true ? "true" : v === false ? "false" : JSON.stringify(v)))
    .join(",");
  const body = lit(root);
  return arrow
    ? `window.__NUXT__=(((${names})=>{return ${body}})(${args}));`
    : `window.__NUXT__=(function(${names}){return ${body}}(${args}));`;
}

function name(i: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return i < letters.length
    ? letters[i]!
    : `${letters[Math.floor(i / letters.length) - 1]}${letters[i % letters.length]}`;
}

/** An HTML page holding the given scripts (as the saved pages do, scripts off when loaded). */
export function page(...scripts: string[]): string {
  return `<!doctype html><html><head><title>t</title></head><body><div id="app">job</div>${scripts.join("")}</body></html>`;
}

/** Loads HTML into happy-dom with scripts off, as tests/unit/parse/helpers.ts does. */
export function loadDoc(html: string): { doc: Document; close: () => Promise<void> } {
  const window = new Window({
    url: "https://www.upwork.com/",
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(html, "text/html") as unknown as Document;
  return { doc, close: () => window.happyDOM.close() };
}

export const emptyClientJob = (over: Partial<ClientJob> = {}): ClientJob => ({
  title: null,
  freelancerRating: null,
  freelancerFeedback: null,
  clientRating: null,
  clientFeedback: null,
  amount: null,
  ...over,
});

/** A text-parsed job page (what the parsers would give) for the synthetic state above. */
export function textJobPage(
  over: {
    job?: Partial<JobRecord["job"]>;
    client?: Partial<JobRecord["client"]>;
    activity?: Partial<NonNullable<JobRecord["activity"]>> | null;
    bidRange?: JobRecord["bidRange"];
    missing?: string[];
  } = {},
): ParsedPage {
  const record: JobRecord = {
    job: {
      ciphertext: CIPHER,
      url: `https://www.upwork.com/jobs/${CIPHER}`,
      title: "Build a booking widget for a dental clinic",
      category: null,
      postedAt: "2025-06-10T09:00:00.000Z", // "Posted 3 hours ago"
      description: "We need a small booking widget.\n\nIt must work on mobile.",
      skills: ["JavaScript", "CSS", "Calendar Integration"],
      budget: { type: "hourly", min: 25, max: 45 },
      experienceLevel: "intermediate",
      duration: null,
      hoursPerWeek: "less-than-30",
      projectType: "Ongoing project",
      locationRequirement: "Worldwide",
      connectsRequired: 12,
      questions: [],
      ...over.job,
    },
    client: {
      paymentVerified: true,
      rating: 4.62,
      reviewsCount: 12,
      country: "Portugal",
      city: "Porto",
      localTime: "1:00 PM",
      jobsPosted: 20,
      hireRate: 85,
      openJobs: 2,
      totalSpent: 18000,
      hires: 31,
      activeHires: 3,
      avgHourlyRatePaid: 31.46,
      totalHours: 413,
      memberSince: "2018-03-05",
      industry: null,
      companySize: "Mid-sized company (10-99 people)",
      history: [],
      ...over.client,
    },
    activity:
      over.activity === null
        ? null
        : {
            proposals: { min: 5, max: 10 },
            lastViewedAt: "2025-06-10T10:00:00.000Z", // "Last viewed 2 hours ago"
            hires: null,
            interviewing: 2,
            invitesSent: 3,
            unansweredInvites: 1,
            ...over.activity,
          },
    bidRange: over.bidRange === undefined ? null : over.bidRange,
  };
  const missing = over.missing ?? [
    "job.category",
    "job.duration",
    "job.questions",
    "activity.hires",
    "client.industry",
    "client.history",
    "bidRange",
  ];
  return { kind: "job", record, missing, warnings: [] };
}
