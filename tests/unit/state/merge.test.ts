import { describe, expect, it } from "vitest";
import type { InvitationsRecord, JobRecord, ParsedPage } from "../../../src/shared/records";
import { ParsedPage as ParsedPageSchema } from "../../../src/shared/records";
import { readState } from "../../../src/state/index";
import type { StateFacts } from "../../../src/state/facts";
import { matchHistory, mergeState, moneyInterval, timeWindow } from "../../../src/state/merge";
import { CIPHER, emptyClientJob, history, jobDetails, NOW, nuxt2Script, nuxt3Json, textJobPage } from "./synthetic";

const URL_ = `https://www.upwork.com/jobs/Booking-widget_${CIPHER}/`;

function stateOf(details = jobDetails()): StateFacts {
  const f = readState({ form: "nuxt3", text: nuxt3Json(details) });
  if (!f || "error" in f) throw new Error("synthetic state did not read");
  return f;
}

function merge(page: ParsedPage, facts = stateOf(), url = URL_) {
  const out = mergeState(page, facts, url, NOW);
  const valid = ParsedPageSchema.safeParse(out.parsed);
  expect(valid.success, valid.success ? "" : JSON.stringify(valid.error.issues)).toBe(true);
  return { ...out, record: out.parsed.record as JobRecord, sources: out.parsed.sources! };
}

describe("mergeState: fill", () => {
  it("fills what the page does not show, marks it 'state' and takes it off `missing`", () => {
    const { record, sources, parsed } = merge(textJobPage());
    expect(record.job.category).toBe("Web Development");
    expect(record.job.duration).toBe("3-6-months");
    expect(record.job.questions).toEqual(["Share a similar widget you built.", "Which calendar APIs have you used?"]);
    expect(record.activity?.hires).toBe(0);
    expect(record.client.industry).toBe("Health & Fitness");
    expect(record.bidRange).toEqual({ high: 48, avg: 33.33, low: 20 });
    for (const p of ["job.category", "job.duration", "job.questions", "activity.hires", "client.industry", "bidRange"])
      expect(sources[p], p).toBe("state");
    expect(parsed.missing).toEqual([]);
  });

  it("fills the history (completed contracts only) when the page lists none", () => {
    const { record, sources } = merge(textJobPage());
    expect(record.client.history.map((h) => h.title)).toEqual([
      "Landing page tweaks",
      "Logo refresh",
      "Landing page tweaks",
    ]);
    expect(record.client.history[0]).toEqual({
      title: "Landing page tweaks",
      freelancerRating: 5,
      freelancerFeedback: "Clear brief and quick payment.",
      clientRating: 4.8,
      clientFeedback: "Solid work.",
      amount: 640,
    });
    expect(sources["client.history[1].freelancerRating"]).toBe("state");
    expect(sources["client.history[1].clientRating"]).toBeUndefined(); // null: no source
  });

  it("fills the budget figures the page leaves out", () => {
    const { record, sources, parsed } = merge(
      textJobPage({
        job: { budget: { type: "hourly", min: null, max: null } },
        missing: ["job.budget.min", "job.budget.max"],
      }),
    );
    expect(record.job.budget).toEqual({ type: "hourly", min: 25, max: 45 });
    expect(sources["job.budget"]).toBe("both");
    expect(parsed.missing).toEqual([]);
  });

  it("fills a whole activity section the page lacks, naming what the state lacks as missing", () => {
    const { record, sources, parsed } = merge(textJobPage({ activity: null, missing: ["activity"] }));
    expect(record.activity).toEqual({
      proposals: { min: 7, max: 7 },
      lastViewedAt: "2025-06-10T09:35:40.000Z",
      hires: 0,
      interviewing: 2,
      invitesSent: 3,
      unansweredInvites: 1,
    });
    expect(sources["activity.proposals"]).toBe("state");
    expect(parsed.missing).not.toContain("activity");
  });
});

describe("mergeState: refine", () => {
  it("replaces rounded figures with the exact ones that lie inside what the text stands for", () => {
    const { record, sources, parsed } = merge(textJobPage());
    expect(record.client.totalSpent).toBe(18342.5); // "$18K"
    expect(record.client.rating).toBe(4.6183); // "4.62"
    expect(record.client.avgHourlyRatePaid).toBe(31.46); // "$31.46" exact to the cent
    expect(record.activity?.proposals).toEqual({ min: 7, max: 7 }); // "5 to 10"
    expect(record.job.postedAt).toBe("2025-06-10T08:20:15.250Z"); // "3 hours ago" = (08:00, 09:00]
    expect(record.activity?.lastViewedAt).toBe("2025-06-10T09:35:40.000Z"); // "2 hours ago"
    expect(record.client.totalHours).toBe(413);
    for (const p of [
      "client.totalSpent",
      "client.rating",
      "activity.proposals",
      "job.postedAt",
      "activity.lastViewedAt",
      "client.hires",
      "client.memberSince",
      "job.skills",
      "job.budget",
    ]) {
      expect(sources[p], p).toBe("both");
    }
    expect(sources["client.localTime"]).toBe("text");
    expect(sources["job.locationRequirement"]).toBe("text");
    expect(parsed.warnings).toEqual([]);
  });

  it("reads the precision from the shown number", () => {
    expect(moneyInterval(12000)).toEqual([11500, 12500]);
    expect(moneyInterval(2800)).toEqual([2750, 2850]);
    expect(moneyInterval(1200000)).toEqual([1150000, 1250000]);
    expect(moneyInterval(10000)).toEqual([9500, 10500]);
    expect(moneyInterval(22.32)).toEqual([22.315, 22.325]);
    expect(moneyInterval(500)).toEqual([499.5, 500.5]);
  });

  it("reads a relative time's window from now", () => {
    const at = (iso: string) => Date.parse(iso);
    const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000).toISOString();
    const [lo, hi] = timeWindow(hoursAgo(4), NOW)!;
    expect(lo).toBeLessThan(at("2025-06-10T07:00:00.001Z"));
    expect(lo).toBeGreaterThan(at("2025-06-10T06:55:00.000Z"));
    expect(hi).toBeGreaterThanOrEqual(at("2025-06-10T08:00:00.000Z"));
    expect(hi).toBeLessThan(at("2025-06-10T08:02:00.000Z"));
    // "yesterday" = now − 24 h covers the previous ~48 h.
    const [ylo, yhi] = timeWindow(hoursAgo(24), NOW)!;
    expect(ylo).toBeLessThanOrEqual(at("2025-06-08T12:00:00.000Z"));
    expect(yhi).toBeGreaterThanOrEqual(NOW.getTime());
    // A date covers its day; without now, a timestamp stands for itself only.
    const [dlo, dhi] = timeWindow("2025-06-01")!;
    expect(dlo).toBeLessThan(at("2025-06-01T00:00:00.000Z"));
    expect(dhi).toBeGreaterThan(at("2025-06-01T23:59:59.999Z"));
    expect(timeWindow("2025-06-10T08:00:00.000Z")).toEqual([
      at("2025-06-10T08:00:00.000Z") - 1,
      at("2025-06-10T08:00:00.000Z"),
    ]);
  });

  it("refines a date-only 'Posted' to the exact time on that day, and a shortened feedback to the whole text", () => {
    const { record, sources } = merge(
      textJobPage({
        job: { postedAt: "2025-06-10" },
        client: {
          history: [
            emptyClientJob({
              title: "Landing page tweaks",
              freelancerRating: 4,
              freelancerFeedback: "Fine to work with, slow",
              amount: 220,
            }),
          ],
        },
      }),
    );
    expect(record.job.postedAt).toBe("2025-06-10T08:20:15.250Z");
    expect(record.client.history[0]!.freelancerFeedback).toBe("Fine to work with, slow replies at times.");
    expect(sources["client.history[0].freelancerFeedback"]).toBe("both");
    expect(record.client.history[0]!.clientRating).toBe(5);
    expect(sources["client.history[0].clientRating"]).toBe("state");
  });
});

describe("mergeState: disagree", () => {
  it("keeps the visible text, warns, and lists the disagreement", () => {
    const { record, sources, parsed, disagreements } = merge(
      textJobPage({
        client: { openJobs: 1, memberSince: "2018-03-04", totalSpent: 25000, rating: 4.5, hireRate: 60 },
        activity: { proposals: { min: 10, max: 15 } },
      }),
    );
    expect(record.client.openJobs).toBe(1);
    expect(record.client.memberSince).toBe("2018-03-04");
    expect(record.client.totalSpent).toBe(25000);
    expect(record.activity?.proposals).toEqual({ min: 10, max: 15 });
    expect(parsed.warnings).toEqual([
      "client.rating: page shows 4.5, page state says 4.6183",
      "client.hireRate: page shows 60, page state says 85",
      "client.openJobs: page shows 1, page state says 2",
      "client.totalSpent: page shows 25000, page state says 18342.5",
      "client.memberSince: page shows 2018-03-04, page state says 2018-03-05",
      'activity.proposals: page shows {"min":10,"max":15}, page state says {"min":7,"max":7}',
    ]);
    expect(disagreements).toContainEqual({ path: "client.openJobs", text: 1, state: 2 });
    expect(sources["client.openJobs"]).toBe("text");
  });

  it("does not take a relative time outside its window", () => {
    // "Posted 1 hour ago" (11:00) cannot be 08:20.
    const { record, parsed } = merge(textJobPage({ job: { postedAt: "2025-06-10T11:00:00.000Z" } }));
    expect(record.job.postedAt).toBe("2025-06-10T11:00:00.000Z");
    expect(parsed.warnings).toEqual([
      "job.postedAt: page shows 2025-06-10T11:00:00.000Z, page state says 2025-06-10T08:20:15.250Z",
    ]);
  });
});

describe("mergeState: never invents", () => {
  it("0 reviews is not a rating, no hourly work is not $0/h, no posted job is not a 0% hire rate", () => {
    const facts = stateOf(
      jobDetails({
        stats: { feedbackCount: 0, score: 0, hoursCount: 0, totalCharges: null, totalJobsWithHires: 0 },
        buyer: { jobs: { postedCount: 0, openCount: 1 }, avgHourlyJobsRate: null },
      }),
    );
    const { record, sources, parsed } = merge(
      textJobPage({
        client: {
          rating: null,
          reviewsCount: null,
          avgHourlyRatePaid: null,
          totalSpent: null,
          hireRate: null,
          jobsPosted: null,
        },
        missing: [
          "client.rating",
          "client.reviewsCount",
          "client.avgHourlyRatePaid",
          "client.totalSpent",
          "client.hireRate",
        ],
      }),
      facts,
    );
    expect(record.client.rating).toBeNull();
    expect(record.client.avgHourlyRatePaid).toBeNull();
    expect(record.client.totalSpent).toBeNull();
    expect(record.client.hireRate).toBeNull();
    expect(record.client.reviewsCount).toBe(0); // a count of none is a count
    expect(sources["client.rating"]).toBeUndefined();
    expect(parsed.missing).toEqual([
      "client.rating",
      "client.avgHourlyRatePaid",
      "client.totalSpent",
      "client.hireRate",
    ]);
  });
});

describe("mergeState: only a state about this page", () => {
  it("ignores a stale state of another job (in-app navigation) and a slider over a feed", () => {
    const other = stateOf(jobDetails({ job: { ciphertext: "~02ffffffffffffffffff" } }));
    const page = textJobPage();
    const out = mergeState(page, other, URL_, NOW);
    expect(out.parsed.record).toEqual(page.record);
    expect(out.parsed.warnings).toEqual([]);
    expect(Object.values(out.parsed.sources!).every((s) => s === "text")).toBe(true);
    expect(out.disagreements).toEqual([]);
    // A slider URL whose record has no ciphertext: the URL's must match.
    const slider = textJobPage({ job: { ciphertext: null, url: null } });
    const s = mergeState(slider, other, `https://www.upwork.com/nx/find-work/best-matches/details/${CIPHER}`, NOW);
    expect(s.parsed.record).toEqual(slider.record);
  });

  it("reports the values the state held but dropped as implausible", () => {
    const bad = stateOf(jobDetails({ connects: { requiredConnects: 99999 } }));
    expect(mergeState(textJobPage(), bad, URL_, NOW).parsed.warnings).toEqual([
      "state: job.connectsRequired: 99999 is not plausible",
    ]);
  });

  it("leaves the record as read, all 'text', when the state is absent; warns when it is unreadable", () => {
    const page = textJobPage();
    const none = mergeState(page, null, URL_, NOW);
    expect(none.parsed.record).toEqual(page.record);
    expect(none.parsed.missing).toEqual(page.missing);
    expect(none.parsed.warnings).toEqual([]);
    expect(none.parsed.sources!["client.totalSpent"]).toBe("text");
    expect(none.parsed.sources!["client.history"]).toBeUndefined();
    const broken = readState({ form: "nuxt2", text: "window.__NUXT__=(function(a){return {" });
    const bad = mergeState(page, broken, URL_, NOW);
    expect(bad.parsed.record).toEqual(page.record);
    expect(bad.parsed.warnings).toEqual([expect.stringMatching(/^state: state is not valid JavaScript/)]);
  });

  it("does not change the input", () => {
    const page = textJobPage();
    const copy = structuredClone(page);
    merge(page);
    expect(page).toEqual(copy);
  });
});

describe("mergeState: history matching", () => {
  const state = () => stateOf().job!.client.history!;

  it("matches by feedback text and amount, fills the 2026 layout's missing titles and ratings", () => {
    const { record, sources } = merge(
      textJobPage({
        client: {
          history: [
            emptyClientJob({ amount: 640, freelancerFeedback: "Clear brief and quick payment." }),
            emptyClientJob({ amount: 150 }),
            emptyClientJob({ amount: 220, freelancerFeedback: "Fine to work with, slow replies at times." }),
          ],
        },
      }),
    );
    expect(record.client.history.map((h) => [h.title, h.freelancerRating, h.clientRating])).toEqual([
      ["Landing page tweaks", 5, 4.8],
      ["Logo refresh", 3.5, null],
      ["Landing page tweaks", 4, 5],
    ]);
    expect(sources["client.history[0].title"]).toBe("state");
    expect(sources["client.history[0].amount"]).toBe("both");
  });

  it("matches by order only when every item lines up with the completed contracts", () => {
    const s = state();
    const items = [emptyClientJob({ amount: 640 }), emptyClientJob({ amount: 150 }), emptyClientJob({ amount: 220 })];
    expect(matchHistory(items, s).map((m) => m?.title)).toEqual([
      "Landing page tweaks",
      "Logo refresh",
      "Landing page tweaks",
    ]);
    // Same amounts twice and out of order: nothing lines up, and no amount is unique → nothing.
    const twins = [
      history("A", 100, { toClient: [5, null] }),
      history("B", 100, { toClient: [2, null] }),
      history("C", 300),
    ];
    const f = stateOf(jobDetails({ workHistory: twins })).job!.client.history!;
    expect(
      matchHistory([emptyClientJob({ amount: 300 }), emptyClientJob({ amount: 100 })], f).map((m) => m?.title ?? null),
    ).toEqual(["C", null]);
  });

  it("never attaches one item's data to another: an ambiguous item gets nothing", () => {
    const twins = [
      history("A", 100, { toClient: [5, "Great client."] }),
      history("B", 100, { toClient: [1, "Never again."] }),
    ];
    const facts = stateOf(jobDetails({ workHistory: twins }));
    // The first item is B by its feedback, so the page's order is not the state's; the second $100
    // item could be A or B (B is taken, but "taken" is a guess about what the page filtered): nothing.
    const { record, parsed } = merge(
      textJobPage({
        client: {
          history: [
            emptyClientJob({ amount: 100, freelancerFeedback: "Never again." }),
            emptyClientJob({ amount: 100 }),
          ],
        },
      }),
      facts,
    );
    expect(record.client.history[0]!.title).toBe("B");
    expect(record.client.history[1]!.title).toBeNull();
    expect(record.client.history[1]!.freelancerRating).toBeNull();
    expect(parsed.warnings).toEqual([]);
  });

  it("matches a lone item by its title and amount and fills the rest", () => {
    const { record, parsed } = merge(
      textJobPage({
        client: { history: [emptyClientJob({ title: "Logo refresh", amount: 150, clientFeedback: null })] },
      }),
    );
    expect(record.client.history[0]).toMatchObject({ title: "Logo refresh", freelancerRating: 3.5, amount: 150 });
    expect(parsed.warnings).toEqual([]);
  });
});

describe("mergeState: invitations", () => {
  const listState = () => {
    const f = readState({
      form: "nuxt2",
      text: nuxt2Script({
        lists: {
          invitationsList: {
            items: [
              {
                uid: "2000000000000000001",
                invitationLetter: "Hello,\nplease have a look.",
                jobPostingUid: "1777000000000000001",
                ctime: "2025-06-09T10:11:12.345Z",
                title: "Migrate a Shopify theme",
              },
              {
                uid: "2000000000000000002",
                invitationLetter: "Short one.",
                jobPostingUid: "1777000000000000002",
                ctime: "2025-06-10T10:41:05.000Z",
                title: "Fix a checkout bug",
              },
            ],
          },
        },
      }),
    });
    if (!f || "error" in f) throw new Error("no state");
    return f;
  };
  const row = (id: string, jobTitle: string, receivedAt: string | null) => ({
    id,
    url: `https://www.upwork.com/nx/proposals/interview/uid/${id}`,
    jobTitle,
    receivedAt,
    profile: null,
    client: { paymentVerified: true, totalSpent: 3500000, hires: null },
    freeToApply: true,
    message: null,
    jobUid: null,
  });

  it("matches rows by id: message and job uid filled, the received date refined to the exact time", () => {
    const record: InvitationsRecord = {
      invitations: [
        row("2000000000000000002", "Fix a checkout bug", "2025-06-10T11:00:00.000Z"),
        row("2000000000000000001", "Migrate a Shopify theme", "2025-06-09"),
        row("2000000000000000003", "Not in the state", "2025-06-08"),
      ],
      count: 3,
    };
    const page: ParsedPage = {
      kind: "invitations",
      record,
      missing: [
        "invitations[0].message",
        "invitations[0].jobUid",
        "invitations[2].message",
        "invitations[2].client.hires",
      ],
      warnings: [],
    };
    const out = mergeState(page, listState(), "https://www.upwork.com/nx/proposals/", NOW);
    expect(ParsedPageSchema.safeParse(out.parsed).success).toBe(true);
    const inv = (out.parsed.record as InvitationsRecord).invitations;
    expect(inv[0]).toMatchObject({
      message: "Short one.",
      jobUid: "1777000000000000002",
      receivedAt: "2025-06-10T10:41:05.000Z",
    }); // "1 hour ago"
    expect(inv[1]).toMatchObject({ message: "Hello,\nplease have a look.", receivedAt: "2025-06-09T10:11:12.345Z" });
    expect(inv[2]).toMatchObject({ message: null, jobUid: null, receivedAt: "2025-06-08" });
    const s = out.parsed.sources!;
    expect([
      s["invitations[0].message"],
      s["invitations[0].receivedAt"],
      s["invitations[0].jobTitle"],
      s["invitations[2].receivedAt"],
      s["invitations[0].client.totalSpent"],
      s["count"],
    ]).toEqual(["state", "both", "both", "text", "text", "text"]);
    expect(out.parsed.missing).toEqual(["invitations[2].message", "invitations[2].client.hires"]);
  });
});
