/**
 * Damaged copies: Upwork removed and renamed attributes in Sep–Oct 2025 and May 2026, so the
 * label-text path must work on its own, and a missing section must show up in `missing`.
 */
import { describe, expect, it } from "vitest";
import { ParsedPage, type JobRecord, type InvitationRecord } from "../../../src/shared/records";
import { parseHtml, readFixture } from "./helpers";

/** Removes every test/qa attribute (data-test, data-testid, data-qa, data-cy). */
const stripAttributes = (html: string) => html.replace(/\s(data-test|data-testid|data-qa|data-cy)="[^"]*"/g, "");
/** Renames the wrapper classes a redesign would change. */
const renameWrappers = (html: string) =>
  html.replace(
    /\b(cfe-ui-job-about-client|cfe-about-client-v2|job-details-card|job-details-content|client-activity-items|ca-item|skills-list|segmentations|posted-on-line)\b/g,
    "x-$1-2027",
  );

const valid = (out: unknown) => expect(ParsedPage.safeParse(out).success).toBe(true);

describe("damaged copies", () => {
  for (const [name, damage] of [
    ["attributes stripped", stripAttributes],
    ["wrapper classes renamed", renameWrappers],
    ["both", (h: string) => renameWrappers(stripAttributes(h))],
  ] as const) {
    it(`job page, ${name}: every client figure still comes from the labels`, () => {
      const original = parseHtml(readFixture("job/slider-fixed.html"))!;
      const damaged = parseHtml(damage(readFixture("job/slider-fixed.html")))!;
      valid(damaged);
      const a = original.record as JobRecord;
      const b = damaged.record as JobRecord;
      const { history: _h1, ...clientA } = a.client;
      const { history: _h2, ...clientB } = b.client;
      expect(clientB).toEqual(clientA);
      expect(b.activity).toEqual(a.activity);
      expect(b.job.connectsRequired).toBe(a.job.connectsRequired);
      expect(b.job.postedAt).toBe(a.job.postedAt);
    });
  }

  it("history keeps both ratings when data-cy attributes are stripped", () => {
    const a = parseHtml(readFixture("sample-pages/job.html"))!.record as JobRecord;
    const b = parseHtml(stripAttributes(readFixture("sample-pages/job.html")))!.record as JobRecord;
    expect(b.client.history).toEqual(a.client.history);
  });

  it("a missing About-the-client section leaves every client field null and named in missing", () => {
    const html = readFixture("sample-pages/invitation.html").replace(
      /<div data-test="about-client-container"[\s\S]*?<\/ul><\/div>/,
      "",
    );
    const out = parseHtml(html)!;
    valid(out);
    const c = (out.record as InvitationRecord).client;
    expect(c.totalSpent).toBeNull();
    expect(c.rating).toBeNull();
    expect(out.missing).toEqual(
      expect.arrayContaining(["client.totalSpent", "client.rating", "client.memberSince", "client.paymentVerified"]),
    );
    // The rest of the page is still read.
    expect((out.record as InvitationRecord).job.title).toBe("Build a Shopify inventory sync app (React + Node)");
  });

  it("a missing activity section is null and named", () => {
    const html = readFixture("job/slider-fixed.html").replace(
      /<section class="air3-card-section air3-grid-container">[\s\S]*?<\/section><\/section>/,
      "",
    );
    const out = parseHtml(html)!;
    expect((out.record as JobRecord).activity).toBeNull();
    expect(out.missing).toContain("activity");
  });

  it("a page with no URL is sniffed from its content", () => {
    for (const [file, kind] of [
      ["sample-pages/invitations.html", "invitations"],
      ["sample-pages/invitation.html", "invitation"],
      ["sample-pages/job.html", "job"],
      ["sample-pages/apply.html", "apply"],
      ["sample-pages/proposal.html", "proposal"],
      ["sample-pages/home.html", "home"],
    ] as const) {
      expect(parseHtml(readFixture(file), "")?.kind, file).toBe(kind);
    }
  });
});
