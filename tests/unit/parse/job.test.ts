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
    expect(rec.client).toMatchObject({ country: "NLD", city: "Utrecht", localTime: "4:00 PM", totalSpent: 3800, hires: 80, activeHires: 8, industry: "Art & Design" });
    expect(rec.activity?.proposals).toEqual({ min: 50, max: null });
  });

  describe("keeps every history item when the list's wrappers are renamed", () => {
    for (const name of ["sample-pages/job.html", "job/slider-fixed.html", "job/nuxt2-2024.html"]) {
      it(name, () => {
        const html = readFixture(name);
        const renamed = html.replace(/data-cy="jobs?"|data-test="WorkHistory"/g, 'data-x="renamed"').replace(/class="item"/g, 'class="entry"');
        expect(renamed).not.toBe(html);
        const want = (parseHtml(html)!.record as JobRecord).client.history;
        expect(want.length).toBeGreaterThan(1);
        expect((parseHtml(renamed)!.record as JobRecord).client.history).toEqual(want);
      });
    }
  });
});
