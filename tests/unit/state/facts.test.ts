import { describe, expect, it } from "vitest";
import { decodeState } from "../../../src/state/decode";
import { stateFacts, type StateFacts } from "../../../src/state/facts";
import { readState } from "../../../src/state/index";
import { CIPHER, history, jobDetails, nuxt2Script, nuxt3Json } from "./synthetic";

function facts(text: string, form: "nuxt2" | "nuxt3"): StateFacts {
  const d = decodeState({ form, text });
  if (!d.ok) throw new Error(d.reason);
  return stateFacts(d.root);
}

describe("stateFacts: the job page's data, found by shape", () => {
  it("finds jobDetails under state (Nuxt 2) and under vuex (Nuxt 3) alike", () => {
    const a = facts(nuxt2Script({ jobDetails: jobDetails() }), "nuxt2");
    const b = facts(nuxt3Json(jobDetails()), "nuxt3");
    expect(a.job?.ciphertext).toBe(CIPHER);
    expect(b).toEqual(a);
    // Somewhere else entirely: still found.
    const c = facts(nuxt2Script({ app: { modules: [{ "job-apply": { details: jobDetails() } }] } }), "nuxt2");
    expect(c.job?.ciphertext).toBe(CIPHER);
  });

  it("maps to the records' units", () => {
    const f = facts(nuxt3Json(jobDetails()), "nuxt3").job!;
    expect(f.job).toEqual({
      title: "Build a booking widget for a dental clinic",
      category: "Web Development",
      postedAt: "2025-06-10T08:20:15.250Z",
      description: "We need a small booking widget.\n\nIt must work on mobile.",
      descriptionShortened: false,
      skills: ["JavaScript", "CSS", "Calendar Integration"],
      budget: { type: "hourly", min: 25, max: 45 },
      experienceLevel: "intermediate",
      duration: "3-6-months",
      hoursPerWeek: "less-than-30",
      projectType: "Ongoing project",
      connectsRequired: 12,
      questions: ["Share a similar widget you built.", "Which calendar APIs have you used?"],
    });
    expect(f.client).toMatchObject({
      paymentVerified: true,
      rating: 4.6183,
      reviewsCount: 12,
      country: "Portugal",
      city: "Porto",
      jobsPosted: 20,
      hireRate: 85,
      openJobs: 2,
      totalSpent: 18342.5,
      hires: 31,
      activeHires: 3,
      avgHourlyRatePaid: 31.46,
      totalHours: 413,
      memberSince: "2018-03-05",
      industry: "Health & Fitness",
      companySize: "Mid-sized company (10-99 people)",
    });
    expect(f.activity).toEqual({
      proposals: 7,
      lastViewedAt: "2025-06-10T09:35:40.000Z",
      hires: 0,
      interviewing: 2,
      invitesSent: 3,
      unansweredInvites: 1,
    });
    expect(f.bidRange).toEqual({ high: 48, avg: 33.33, low: 20 });
  });

  it("reads the freelancer's rating of the client from feedbackToClient, the client's from feedback", () => {
    const h = facts(nuxt3Json(jobDetails()), "nuxt3").job!.client.history!;
    expect(h[0]).toEqual({
      title: "Landing page tweaks",
      freelancerRating: 5,
      freelancerFeedback: "Clear brief and quick payment.",
      clientRating: 4.8,
      clientFeedback: "Solid work.",
      amount: 640,
      freelancerName: "Ana P.",
      completed: true,
    });
    expect(h[2]).toMatchObject({ title: "Ongoing support", completed: false, freelancerRating: null });
  });

  it("maps the job type and tier codes: 1 fixed / 2 hourly; 1 entry, 2 intermediate, 3 expert", () => {
    const fixed = facts(
      nuxt3Json(
        jobDetails({
          job: {
            type: 1,
            budget: { amount: 750 },
            contractorTier: 3,
            workload: null,
            durationLabel: "Less than a month",
          },
        }),
      ),
      "nuxt3",
    ).job!.job;
    expect(fixed).toMatchObject({
      budget: { type: "fixed", amount: 750 },
      experienceLevel: "expert",
      hoursPerWeek: null,
      duration: "less-than-1-month",
    });
    const entry = facts(
      nuxt3Json(
        jobDetails({
          job: { contractorTier: 1, workload: "More than 30 hrs/week", durationLabel: null, durationIdV3: 2 },
        }),
      ),
      "nuxt3",
    ).job!.job;
    expect(entry).toMatchObject({ experienceLevel: "entry", hoursPerWeek: "more-than-30", duration: "1-3-months" });
    const unknown = facts(nuxt3Json(jobDetails({ job: { type: 9, contractorTier: 7 } })), "nuxt3");
    expect(unknown.job!.job).toMatchObject({ budget: null, experienceLevel: null });
    expect(unknown.dropped).toContain("job.budget: 9 is not a known job type");
  });

  it("never invents: 0 reviews is not a rating, no hourly work no average rate, no posted job no hire rate", () => {
    const f = facts(
      nuxt3Json(
        jobDetails({
          stats: {
            feedbackCount: 0,
            score: 0,
            hoursCount: 0,
            totalCharges: null,
            totalJobsWithHires: 0,
            totalAssignments: 0,
            activeAssignmentsCount: 0,
          },
          buyer: { jobs: { postedCount: 0, openCount: 1 }, avgHourlyJobsRate: { amount: 0 } },
          job: { type: 1, budget: { amount: 0 } },
        }),
      ),
      "nuxt3",
    ).job!;
    expect(f.client).toMatchObject({
      rating: null,
      reviewsCount: 0,
      avgHourlyRatePaid: null,
      totalSpent: null,
      hireRate: null,
      hires: 0,
      totalHours: 0,
    });
    expect(f.job.budget).toEqual({ type: "fixed", amount: null });
    // A rate without hours is no rate either.
    const g = facts(nuxt3Json(jobDetails({ stats: { hoursCount: 0 } })), "nuxt3").job!;
    expect(g.client.avgHourlyRatePaid).toBeNull();
  });

  it("drops implausible values with a reason", () => {
    const f = facts(
      nuxt3Json(
        jobDetails({
          stats: { totalCharges: { amount: -5 }, score: 9.5, totalAssignments: 2.5 },
          buyer: { company: { contractDate: "2024-13-45T00:00:00.000Z" }, jobs: { postedCount: 4, openCount: 1e9 } },
          connects: { requiredConnects: 5000 },
          job: { postedOn: "yesterday", publishTime: null, clientActivity: { totalApplicants: "many" } },
        }),
      ),
      "nuxt3",
    );
    const c = f.job!.client;
    expect([
      c.totalSpent,
      c.rating,
      c.hires,
      c.memberSince,
      c.openJobs,
      f.job!.job.connectsRequired,
      f.job!.job.postedAt,
      f.job!.activity.proposals,
    ]).toEqual([null, null, null, null, null, null, null, null]);
    expect(c.hireRate).toBeNull(); // 17 jobs with hires of 4 posted is over 100%
    expect(f.dropped).toEqual(
      expect.arrayContaining([
        "client.totalSpent: -5 is not plausible",
        "client.rating: 9.5 is not plausible",
        "client.hires: 2.5 is not plausible",
        'client.memberSince: "2024-13-45T00:00:00.000Z" is not a date',
        "client.openJobs: 1000000000 is not plausible",
        "job.connectsRequired: 5000 is not plausible",
        'job.postedAt: "yesterday" is not a date',
        'activity.proposals: "many" is not plausible',
        "client.hireRate: 425 is not plausible",
      ]),
    );
  });

  it("leaves out a last activity from before the job was posted (the page shows no 'Last viewed' then)", () => {
    const f = facts(
      nuxt3Json(
        jobDetails({ job: { clientActivity: { lastBuyerActivity: "2025-06-10T08:00:00.000Z", totalApplicants: 1 } } }),
      ),
      "nuxt3",
    );
    expect(f.job!.activity.lastViewedAt).toBeNull();
  });

  it("needs a ciphertext to tie the state to a page", () => {
    const f = facts(nuxt3Json(jobDetails({ job: { ciphertext: "not-a-cipher" } })), "nuxt3");
    expect(f.job).toBeNull();
    expect(f.dropped).toEqual(['job.ciphertext: "not-a-cipher" is not plausible']);
  });

  it("reads the Proposals page's invitations (state.lists.invitationsList.items)", () => {
    const item = (uid: string, ctime: string, letter: string | null) => ({
      uid,
      invitationLetter: letter,
      jobPostingUid: "1777000000000000001",
      status: "Pending",
      clientUid: "42",
      ctime,
      mtime: ctime,
      title: "Migrate a Shopify theme",
    });
    const state = {
      lists: {
        invitationsList: {
          items: [
            item("2000000000000000001", "2025-06-09T10:11:12.345Z", "Hi,\n\nwe liked   your profile."),
            item("2000000000000000002", "2025-06-01T00:00:00Z", null),
          ],
        },
        offersList: { items: [{ uid: "9", title: "An offer", ctime: "2025-05-01T00:00:00.000Z" }] },
      },
    };
    const f = facts(nuxt2Script(state), "nuxt2");
    expect(f.job).toBeNull();
    expect(f.invitations).toEqual([
      {
        id: "2000000000000000001",
        message: "Hi,\n\nwe liked your profile.",
        jobUid: "1777000000000000001",
        receivedAt: "2025-06-09T10:11:12.345Z",
        title: "Migrate a Shopify theme",
      },
      {
        id: "2000000000000000002",
        message: null,
        jobUid: "1777000000000000001",
        receivedAt: "2025-06-01T00:00:00.000Z",
        title: "Migrate a Shopify theme",
      },
    ]);
  });

  it("handles cycles and odd values without throwing", () => {
    const a: Record<string, unknown> = { jobDetails: jobDetails() };
    a.self = a;
    a.list = [a, new Map([["k", a]]), new Set([a]), new Date(0)];
    expect(stateFacts(a).job?.ciphertext).toBe(CIPHER);
    for (const v of [null, undefined, 1, "x", [], {}, [[[]]]])
      expect(stateFacts(v)).toEqual({ job: null, invitations: [], dropped: [] });
  });
});

describe("readState", () => {
  it("is null without a state, an error for an unreadable one, facts otherwise", () => {
    expect(readState(null)).toBeNull();
    expect(readState({ form: "nuxt3", text: "[1," })).toEqual({
      error: expect.stringMatching(/^state is not valid JSON/),
    });
    const f = readState({
      form: "nuxt2",
      text: nuxt2Script({ jobDetails: jobDetails({ workHistory: [history("One", 10)] }) }),
    });
    expect(f && "job" in f ? f.job?.client.history?.length : null).toBe(1);
  });
});
