import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { InvitationsRecord } from "../../../src/shared/records";

describe("invitations parser", () => {
  fixtureSuite("invitations");

  it("reads only the invitations card, never offers or active/submitted proposals", () => {
    const rec = parseHtml(readFixture("sample-pages/invitations.html"))!.record as InvitationsRecord;
    expect(rec.count).toBe(4);
    expect(rec.invitations.map((i) => i.id)).toEqual(["2093311804456129011", "2093302277180045312", "2093287765019934720", "2093270011453398016"]);
    expect(rec.invitations.map((i) => i.jobTitle).join(" ")).not.toMatch(/Offer|Interview:|Next\.js dashboard|GraphQL/);
  });

  it("keeps markup-looking titles as plain text", () => {
    const rec = parseHtml(readFixture("sample-pages/invitations.html"))!.record as InvitationsRecord;
    expect(rec.invitations[2]!.jobTitle).toBe("Fix checkout bug <img src=x onerror=alert(1)> in Vue storefront");
  });

  it("finds the section by its heading when the card attributes are gone", () => {
    const html = readFixture("sample-pages/invitations.html").replace(/ data-qa="card-invitations"/g, "").replace(/invitations-card-view/g, "x-card");
    const rec = parseHtml(html)!.record as InvitationsRecord;
    expect(rec.invitations).toHaveLength(4);
    expect(rec.count).toBe(4);
  });
});
