import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { InvitationsRecord } from "../../../src/shared/records";

describe("invitations parser", () => {
  fixtureSuite("invitations");

  it("reads only the invitations card, never offers or active/submitted proposals", () => {
    const rec = parseHtml(readFixture("sample-pages/invitations.html"))!.record as InvitationsRecord;
    expect(rec.count).toBe(4);
    expect(rec.invitations.map((i) => i.id)).toEqual([
      "2093311804456129011",
      "2093302277180045312",
      "2093287765019934720",
      "2093270011453398016",
    ]);
    expect(rec.invitations.map((i) => i.jobTitle).join(" ")).not.toMatch(/Offer|Interview:|Next\.js dashboard|GraphQL/);
  });

  it("keeps markup-looking titles as plain text", () => {
    const rec = parseHtml(readFixture("sample-pages/invitations.html"))!.record as InvitationsRecord;
    expect(rec.invitations[2]!.jobTitle).toBe("Fix checkout bug <img src=x onerror=alert(1)> in Vue storefront");
  });

  it("finds the section by its heading when the card attributes are gone", () => {
    const html = readFixture("sample-pages/invitations.html")
      .replace(/ data-qa="card-invitations"/g, "")
      .replace(/invitations-card-view/g, "x-card");
    const rec = parseHtml(html)!.record as InvitationsRecord;
    expect(rec.invitations).toHaveLength(4);
    expect(rec.count).toBe(4);
  });

  it("finds the rows by their interviews mark when the card's anchors and its heading have both changed", () => {
    const html = readFixture("sample-pages/invitations.html")
      .replace(/ data-qa="card-invitations"/g, "")
      .replace(/invitations-card-view/g, "x-card")
      .replace(/Invites from clients/g, "Client requests");
    const rec = parseHtml(html)!.record as InvitationsRecord;
    expect(rec.invitations.map((i) => i.id)).toEqual([
      "2093311804456129011",
      "2093302277180045312",
      "2093287765019934720",
      "2093270011453398016",
    ]);
    expect(rec.invitations.map((i) => i.jobTitle).join(" ")).not.toMatch(/Offer|Interview:/);
  });

  it("never reads text Upwork keeps in a .d-none element into a title, a time or the count", () => {
    const html = readFixture("sample-pages/invitations.html")
      .replace('<span data-qa="count">(4)</span>', '<span class="d-none">(99)</span><span data-qa="count">(4)</span>')
      .replace(
        "Build a Shopify inventory sync app (React + Node)</a>",
        'Build a Shopify inventory sync app (React + Node)<span class="d-none"> (declined: budget)</span></a>',
      )
      .replace(
        '<div class="nowrap">Mar 4, 2026</div>',
        '<div class="nowrap">Mar 4, 2026</div><div class="d-none">Jan 1, 2020</div>',
      )
      .replace(
        "TypeScript SDK cleanup and test coverage</a>",
        'TypeScript SDK cleanup<span class="d-none d-lg-inline"> and test coverage</span></a>',
      );
    const rec = parseHtml(html)!.record as InvitationsRecord;
    expect(rec.count).toBe(4);
    expect(rec.invitations[0]!.jobTitle).toBe("Build a Shopify inventory sync app (React + Node)");
    expect(rec.invitations[3]!.receivedAt).toBe("2026-03-04");
    // Shown at some width (d-lg-inline): kept.
    expect(rec.invitations[3]!.jobTitle).toBe("TypeScript SDK cleanup and test coverage");
  });
});
