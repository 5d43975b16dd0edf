import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { InvitationRecord } from "../../../src/shared/records";

describe("invitation parser", () => {
  fixtureSuite("invitation");

  it("reads the client's poor history that should pull the fit down", () => {
    const rec = parseHtml(readFixture("sample-pages/invitation.html"))!.record as InvitationRecord;
    expect(rec.status).toBe("pending");
    expect(rec.client.avgHourlyRatePaid).toBe(9.5);
    expect(rec.client.history.map((h) => h.freelancerRating)).toEqual([1.5, 2, null]);
    expect(rec.message).toMatch(/^Hello!\n\nI'd like to invite you/);
  });

  it("reads a declined status from the page text", () => {
    const out = parseHtml(readFixture("invitation/declined.html"))!;
    expect((out.record as InvitationRecord).status).toBe("declined");
    expect(out.missing).toContain("client.totalSpent");
  });
});
