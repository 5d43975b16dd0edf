import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { JobRecord } from "../../../src/shared/records";

describe("job parser", () => {
  fixtureSuite("job");

  it("keeps the freelancer's rating of the client apart from the client's rating of the freelancer", () => {
    const rec = parseHtml(readFixture("job/slider-fixed.html"))!.record as JobRecord;
    expect(rec.client.history.map((h) => [h.freelancerRating, h.clientRating])).toEqual([
      [1, 1.8],
      [2.5, null],
      [4.5, 2],
      [null, 3],
      [5, 5],
    ]);
    // "… more" is stripped; the hourly entry's amount is what was billed.
    expect(rec.client.history[0]!.freelancerFeedback).toMatch(/nobody enjoyed$/);
    expect(rec.client.history[3]!.amount).toBe(1590);
  });

  it("never lets tooltip, screen-reader or the short responsive span into values", () => {
    const out = JSON.stringify(parseHtml(readFixture("sample-pages/job.html"))!.record);
    expect(out).not.toMatch(/Close the tooltip|This range includes|Rating is|3-6 months|Experience Level/);
  });

  it("reads the visitor (v2) About-the-client variant", () => {
    const rec = parseHtml(readFixture("job/visitor-v2.html"))!.record as JobRecord;
    expect(rec.client).toMatchObject({
      country: "NLD",
      city: "Utrecht",
      localTime: "4:00 PM",
      totalSpent: 3800,
      hires: 80,
      activeHires: 8,
      industry: "Art & Design",
    });
    expect(rec.activity?.proposals).toEqual({ min: 50, max: null });
  });

  describe("keeps every history item when the list's wrappers are renamed", () => {
    for (const name of ["sample-pages/job.html", "job/slider-fixed.html", "job/nuxt2-2024.html"]) {
      it(name, () => {
        const html = readFixture(name);
        const renamed = html
          .replace(/data-cy="jobs?"|data-test="WorkHistory"/g, 'data-x="renamed"')
          .replace(/class="item"/g, 'class="entry"');
        expect(renamed).not.toBe(html);
        const want = (parseHtml(html)!.record as JobRecord).client.history;
        expect(want.length).toBeGreaterThan(1);
        expect((parseHtml(renamed)!.record as JobRecord).client.history).toEqual(want);
      });
    }
  });

  it("reads Connects and the bid range from their own blocks, never from what the description says", () => {
    const html = readFixture("job/legacy-2025-09.html");
    const fake =
      "Bid range - High $5.00 | Avg $5.00 | Low $5.00. Required Connects to submit a proposal: 1. Send a proposal for: 2 Connects";
    const hostile = html.replace('<p class="text-body-sm">About 900', `<p class="text-body-sm">${fake} About 900`);
    expect(hostile).toContain(fake);
    const want = parseHtml(html)!.record as JobRecord;
    const got = parseHtml(hostile)!.record as JobRecord;
    expect(got.job.description).toContain("Bid range - High $5.00");
    expect(got.bidRange).toEqual(want.bidRange);
    expect(got.bidRange?.high).toBe(40);
    expect(got.job.connectsRequired).toBe(want.job.connectsRequired);
  });
});
