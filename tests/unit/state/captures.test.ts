/**
 * The page state of the real captures in ../shared/upwork/captures/more (other people's files, read in
 * place, never copied here): every job page's state decodes, is found by shape, and gives the facts
 * the page visibly shows (more/README.md's table), exact where the page rounds. A fresh clone without
 * the captures skips with a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JobRecord, ParsedPage } from "../../../src/shared/records";
import { ParsedPage as ParsedPageSchema } from "../../../src/shared/records";
import { decodeState } from "../../../src/state/decode";
import { embeddedStateText } from "../../../src/state/extract";
import { stateFacts, type JobFacts, type StateFacts } from "../../../src/state/facts";
import { mergeState } from "../../../src/state/merge";
import { loadDoc } from "./synthetic";

const ROOT = resolve(import.meta.dirname, "../../..");
const MORE = join(resolve(ROOT, "../shared/upwork/captures"), "more");
const haveCaptures = existsSync(MORE);

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of closers) await c();
});

function read(name: string): { form: string | null; facts: StateFacts | null; reason?: string } {
  const { doc, close } = loadDoc(readFileSync(join(MORE, name), "utf8"));
  closers.push(close);
  const s = embeddedStateText(doc);
  if (!s) return { form: null, facts: null };
  const d = decodeState(s);
  if (!d.ok) return { form: s.form, facts: null, reason: d.reason };
  return { form: s.form, facts: stateFacts(d.root) };
}

function job(name: string, form: "nuxt2" | "nuxt3"): JobFacts {
  const r = read(name);
  expect(r.reason).toBeUndefined();
  expect(r.form).toBe(form);
  expect(r.facts?.dropped).toEqual([]);
  expect(r.facts?.job, "job details found by shape").not.toBeNull();
  return r.facts!.job!;
}

const title = haveCaptures
  ? `page state of the real captures (${MORE})`
  : `page state of the real captures: SKIPPED, ${MORE} not found (the shared captures are not in the repository)`;

describe.skipIf(!haveCaptures)(title, () => {
  it("zima (2024-04, Nuxt 2): fixed $500, 2 applicants for 'Less than 5', $11,964.27 for '$12K'", () => {
    const f = job("job-page-2024-04-zima.html", "nuxt2");
    expect(f.ciphertext).toBe("~01db052d993fcb9849");
    expect(f.job).toMatchObject({
      title: "Custom MTA for Cold Email",
      budget: { type: "fixed", amount: 500 },
      experienceLevel: "expert",
      connectsRequired: 15,
      projectType: "One-time project",
      questions: [],
    });
    expect(f.activity).toMatchObject({ proposals: 2, interviewing: 1, invitesSent: 0, unansweredInvites: 0 });
    expect(f.client).toMatchObject({
      paymentVerified: true,
      reviewsCount: 19,
      country: "United States",
      city: "North Kingstown",
      jobsPosted: 80,
      hireRate: 60,
      openJobs: 0, // the page says "1 open job": a known disagreement
      totalSpent: 11964.27,
      hires: 52,
      activeHires: 10,
      avgHourlyRatePaid: 150,
      totalHours: 1,
      memberSince: "2020-10-09", // the page says Oct 8, 2020
      companySize: "Mid-sized company (10-99 people)",
    });
    expect(f.client.rating).toBeCloseTo(4.2744, 4);
    // "Client's recent history (11)": 11 contracts, 6 completed (5 shown + "View more (1)").
    expect(f.client.history).toHaveLength(11);
    const done = f.client.history!.filter((h) => h.completed);
    expect(done.map((h) => h.amount)).toEqual([300, 300, 200, 40, 75, 209.63]);
    // The freelancer's rating of the client is feedbackToClient: "Video Editing" shows 2.1 first.
    expect(done[3]).toMatchObject({ title: "Video Editing", freelancerRating: 2.1, clientRating: 4 });
  });

  it("exseed (2024-08, Nuxt 2): hourly history items, $22.32/h, 963 hours", () => {
    const f = job("job-page-2024-08-exseed-ilja.html", "nuxt2");
    expect(f.job).toMatchObject({
      budget: { type: "hourly", min: 10, max: 50 },
      hoursPerWeek: "more-than-30",
      connectsRequired: 22,
      projectType: "Ongoing project",
    });
    expect(f.job.questions).toHaveLength(2);
    expect(f.activity.proposals).toBe(33); // "20 to 50"
    expect(f.client).toMatchObject({
      rating: 4.89,
      reviewsCount: 14,
      country: "Denmark",
      jobsPosted: 14,
      openJobs: 1,
      totalSpent: 26176.58,
      hires: 22,
      activeHires: 6,
      avgHourlyRatePaid: 22.32,
      totalHours: 963,
    });
    expect(f.client.hireRate).toBeCloseTo(92.86, 2); // "93%"
    expect(f.bidRange).toBeNull(); // hidden: "Upgrade your membership"
    const first = f.client.history!.find((h) => h.completed)!;
    expect(first).toMatchObject({
      title: "Optical design for low-cost microscope",
      amount: 256.67,
      freelancerRating: 4.85,
      clientRating: null,
    });
  });

  it("unverified (2024-08): no rating, no spend, no rate, no 'last viewed' line", () => {
    const f = job("job-page-2024-08-unverified-ilja.html", "nuxt2");
    expect(f.job).toMatchObject({
      budget: { type: "hourly", min: 5, max: 25 },
      experienceLevel: "intermediate",
      hoursPerWeek: "less-than-30",
      connectsRequired: 9,
    });
    expect(f.client).toMatchObject({
      paymentVerified: false,
      rating: null,
      totalSpent: null,
      avgHourlyRatePaid: null,
      country: "India",
      city: null,
      jobsPosted: 1,
      hireRate: 0,
      openJobs: 1,
    });
    expect(f.activity).toMatchObject({ proposals: 1, lastViewedAt: null });
  });

  it("unverified company (2024-09): 3 interviewing, 12 invites, 9 unanswered; industry and size", () => {
    const f = job("job-page-2024-09-unverified-company-ilja.html", "nuxt2");
    expect(f.job).toMatchObject({
      budget: { type: "hourly", min: 10, max: 10 },
      hoursPerWeek: "more-than-30",
      connectsRequired: 8,
    });
    expect(f.activity).toMatchObject({ proposals: 6, interviewing: 3, invitesSent: 12, unansweredInvites: 9 });
    expect(f.client).toMatchObject({
      paymentVerified: false,
      country: "United States",
      city: null,
      jobsPosted: 1,
      hireRate: 0,
      openJobs: 2,
      industry: "Media & Entertainment",
      companySize: "Small company (2-9 people)",
    });
  });

  it("verified, no rating (2024-09): hourly with no rate, 2/4/1", () => {
    const f = job("job-page-2024-09-verified-norating-ilja.html", "nuxt2");
    expect(f.job).toMatchObject({
      budget: { type: "hourly", min: null, max: null },
      experienceLevel: "intermediate",
      connectsRequired: 9,
      projectType: "One-time project",
    });
    expect(f.activity).toMatchObject({ proposals: 6, interviewing: 2, invitesSent: 4, unansweredInvites: 1 });
    expect(f.client).toMatchObject({
      paymentVerified: true,
      rating: null,
      city: "Syracuse",
      jobsPosted: 7,
      hireRate: 0,
      openJobs: 2,
      totalSpent: null,
    });
  });

  it("cc (2024-11): expert, 1 to 3 months, 3 questions, 50+ proposals", () => {
    const f = job("job-page-2024-11-cc.html", "nuxt2");
    expect(f.job).toMatchObject({
      budget: { type: "hourly", min: 30, max: 75 },
      experienceLevel: "expert",
      duration: "1-3-months",
      hoursPerWeek: "more-than-30",
      connectsRequired: 11,
    });
    expect(f.job.questions).toHaveLength(3);
    expect(f.activity.proposals).toBeGreaterThanOrEqual(50);
    expect(f.client).toMatchObject({
      paymentVerified: true,
      rating: null,
      jobsPosted: 1,
      openJobs: 1,
      memberSince: "2024-10-28",
    });
  });

  it("ev (2026-03, Nuxt 3 devalue): fixed $5,000, bid range 6500 / 4513.09 / 5, $2.8K spent", () => {
    const f = job("job-page-2026-03-ev.html", "nuxt3");
    expect(f.ciphertext).toBe("~022037632358032505171");
    expect(f.job).toMatchObject({
      budget: { type: "fixed", amount: 5000 },
      experienceLevel: "intermediate",
      connectsRequired: 20,
    });
    expect(f.bidRange).toEqual({ high: 6500, avg: 4513.09, low: 5 });
    expect(f.activity.proposals).toBeGreaterThanOrEqual(50);
    expect(f.client).toMatchObject({
      paymentVerified: true,
      rating: 4.99,
      reviewsCount: 11,
      country: "Canada",
      city: "Brossard",
      jobsPosted: 18,
      openJobs: 1,
      totalSpent: 2797.54,
      hires: 15,
      activeHires: 1,
      avgHourlyRatePaid: 10.71,
      totalHours: 150,
      memberSince: "2016-08-17",
    });
    expect(f.client.hireRate).toBeCloseTo(77.78, 2); // "78%"
    expect(f.client.history).toHaveLength(13); // "Client's recent history (13)"
    expect(f.client.history!.slice(0, 5).map((h) => h.amount)).toEqual([200, 200, 573.58, null, 393.83]);
  });

  it("pages that are not job pages: no job facts, nothing thrown", () => {
    for (const name of [
      "find-work-most-recent-2024-09-rd.html",
      "home-legacy-2021-03-op.html",
      "proposals-list-2026-03-excerpt.html",
    ]) {
      const r = read(name);
      expect(r.facts?.job ?? null, name).toBeNull();
    }
    const search = read("other-search-logged-in-2026-02-rd.html");
    expect(search.form).toBe("nuxt2");
    expect(search.reason).toBeUndefined();
    expect(search.facts).toMatchObject({ job: null, invitations: [] });
  });

  it("merged with what zima's page shows: refines, fills, and names the two disagreements", () => {
    const f = read("job-page-2024-04-zima.html").facts;
    const now = new Date("2024-04-24T21:49:00.000Z");
    const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString();
    const page = shown("~01db052d993fcb9849", {
      job: {
        title: "Custom MTA for Cold Email",
        postedAt: hoursAgo(6),
        budget: { type: "fixed", amount: 500 },
        experienceLevel: "expert",
        connectsRequired: 15,
      },
      client: {
        paymentVerified: true,
        rating: 4.27,
        reviewsCount: 19,
        country: "United States",
        city: "North Kingstown",
        jobsPosted: 80,
        hireRate: 60,
        openJobs: 1,
        totalSpent: 12000,
        hires: 52,
        activeHires: 10,
        avgHourlyRatePaid: 150,
        totalHours: 1,
        memberSince: "2020-10-08",
      },
      activity: {
        proposals: { min: 0, max: 4 },
        lastViewedAt: hoursAgo(4),
        interviewing: 1,
        invitesSent: 0,
        unansweredInvites: 0,
      },
    });
    const out = mergeState(page, f, "https://www.upwork.com/jobs/Custom-MTA-for-Cold-Email_~01db052d993fcb9849/", now);
    expect(ParsedPageSchema.safeParse(out.parsed).success).toBe(true);
    const r = out.parsed.record as JobRecord;
    expect(r.client.totalSpent).toBe(11964.27);
    expect(r.client.rating).toBeCloseTo(4.2744, 4);
    expect(r.activity?.proposals).toEqual({ min: 2, max: 2 });
    expect(r.job.postedAt).toBe("2024-04-24T15:04:48.219Z");
    expect(r.activity?.lastViewedAt).toBe("2024-04-24T17:12:12.282Z");
    expect(r.job.category).toBe("Web Development");
    expect(r.job.duration).toBe("less-than-1-month");
    expect(r.client.openJobs).toBe(1);
    expect(r.client.memberSince).toBe("2020-10-08");
    expect(out.parsed.warnings).toEqual([
      "client.openJobs: page shows 1, page state says 0",
      "client.memberSince: page shows 2020-10-08, page state says 2020-10-09",
    ]);
    expect(out.parsed.sources).toMatchObject({
      "client.totalSpent": "both",
      "activity.proposals": "both",
      "job.category": "state",
      "client.openJobs": "text",
    });
  });

  it("merged with what ev's page shows (2026 layout): history titles and ratings filled by order and amount", () => {
    const f = read("job-page-2026-03-ev.html").facts;
    const now = new Date("2026-03-28T16:41:00.000Z");
    const item = (amount: number | null) => ({
      title: null,
      freelancerRating: null,
      freelancerFeedback: null,
      clientRating: null,
      clientFeedback: null,
      amount,
    });
    const page = shown("~022037632358032505171", {
      job: {
        postedAt: new Date(now.getTime() - 86_400_000).toISOString(),
        budget: { type: "fixed", amount: 5000 },
        connectsRequired: 20,
      },
      client: {
        rating: 4.99,
        reviewsCount: 11,
        hireRate: 78,
        totalSpent: 2800,
        avgHourlyRatePaid: 10.71,
        totalHours: 150,
        memberSince: "2016-08-17",
        history: [200, 200, 573.58, null, 393.83].map(item),
      },
      activity: {
        proposals: { min: 50, max: null },
        lastViewedAt: new Date(now.getTime() - 16 * 3_600_000).toISOString(),
      },
      bidRange: { high: 6500, avg: 4513.09, low: 5 },
    });
    const out = mergeState(page, f, "https://www.upwork.com/jobs/~022037632358032505171", now);
    expect(out.parsed.warnings).toEqual([]);
    const r = out.parsed.record as JobRecord;
    expect(r.client.totalSpent).toBe(2797.54);
    expect(r.job.postedAt).toBe("2026-03-27T20:46:26.608Z"); // "yesterday"
    expect(r.activity?.lastViewedAt).toBe("2026-03-28T00:06:58.575Z"); // "16 hours ago"
    expect(r.client.history.every((h) => typeof h.title === "string")).toBe(true);
    expect(r.client.history[2]).toMatchObject({ amount: 573.58, freelancerRating: 5 });
    expect(out.parsed.sources).toMatchObject({
      "client.history[0].title": "state",
      "client.history[2].amount": "both",
      bidRange: "both",
      "client.hireRate": "both",
    });
  });
});

/** A job page record holding only what a test says the page shows. */
function shown(
  cipher: string,
  over: {
    job?: Partial<JobRecord["job"]>;
    client?: Partial<JobRecord["client"]>;
    activity?: Partial<NonNullable<JobRecord["activity"]>>;
    bidRange?: JobRecord["bidRange"];
  },
): ParsedPage {
  const record: JobRecord = {
    job: {
      ciphertext: cipher,
      url: `https://www.upwork.com/jobs/${cipher}`,
      title: null,
      category: null,
      postedAt: null,
      description: null,
      skills: [],
      budget: null,
      experienceLevel: null,
      duration: null,
      hoursPerWeek: null,
      projectType: null,
      locationRequirement: null,
      connectsRequired: null,
      questions: [],
      ...over.job,
    },
    client: {
      paymentVerified: null,
      rating: null,
      reviewsCount: null,
      country: null,
      city: null,
      localTime: null,
      jobsPosted: null,
      hireRate: null,
      openJobs: null,
      totalSpent: null,
      hires: null,
      activeHires: null,
      avgHourlyRatePaid: null,
      totalHours: null,
      memberSince: null,
      industry: null,
      companySize: null,
      history: [],
      ...over.client,
    },
    activity: {
      proposals: null,
      lastViewedAt: null,
      hires: null,
      interviewing: null,
      invitesSent: null,
      unansweredInvites: null,
      ...over.activity,
    },
    bidRange: over.bidRange ?? null,
  };
  return { kind: "job", record, missing: [], warnings: [] };
}
