/** assessPage: what each page kind gets, and what the lookup adds. */
import { describe, expect, it } from "vitest";
import { assessPage, cliUrgency, type AssessLookup } from "../../../src/scoring/assess";
import { client, invitationPage, invitationRecord, invitationsPage, item, jobPage, userSettings } from "../../fixtures/scoring/builders";

const NOW = new Date("2026-01-10T12:00:00.000Z");
const settings = userSettings();

describe("assessPage", () => {
  it("invitations list: no fit, one urgency per row, fit from the opened invitation or null", () => {
    const opened = invitationRecord("2", { client: client({ paymentVerified: true }) });
    const lookup: AssessLookup = {
      invitation: (id) => (id === "2" ? { record: opened, readAt: "2026-01-10T11:00:00.000Z", missing: ["client.industry"] } : null),
      item: () => null,
      state: () => null,
    };
    const a = assessPage(invitationsPage([item("1", "2026-01-10T10:00:00.000Z"), item("2", "2026-01-10")]), settings, NOW, lookup);
    expect(a.fit).toBeNull();
    expect(a.urgency).toBeNull();
    expect(a.invitations?.map((r) => [r.id, r.fit, r.urgency.level, r.urgency.replyBy])).toEqual([
      ["1", null, "soon", "2026-01-11T10:00:00.000Z"],
      ["2", 100, "today", "2026-01-11T00:00:00.000Z"],
    ]);
    expect(cliUrgency(a)).toEqual(a.invitations!.map((r) => r.urgency));
    // The opened invitation carries its whole fit and unread fields, for the panel its badge opens.
    expect(a.invitations![0]!.detail).toBeNull();
    expect(a.invitations![1]!.detail).toMatchObject({ fit: { score: 100 }, missing: ["client.industry"] });
    expect(a.invitations![1]!.detail!.fit.factors.length).toBeGreaterThan(0);
  });

  it("invitation page: receipt time from the list row, else from when it was first seen", () => {
    const page = invitationPage(invitationRecord("7", { client: client({ paymentVerified: true }) }));
    const fromRow = assessPage(page, settings, NOW, { invitation: () => null, item: () => item("7", "2026-01-10T09:00:00.000Z"), state: () => null });
    expect(fromRow.fit?.score).toBe(100);
    expect(fromRow.urgency).toMatchObject({ level: "soon", replyBy: "2026-01-11T09:00:00.000Z" });
    const seen = { firstSeenAt: "2026-01-10T11:00:00.000Z", openedAt: null, replied: false, declined: false };
    const fromSeen = assessPage(page, settings, NOW, { invitation: () => null, item: () => null, state: () => seen });
    expect(fromSeen.urgency?.replyBy).toBe("2026-01-11T11:00:00.000Z");
    expect(fromSeen.urgency?.reasons[0]).toContain("first saw");
  });

  it("job page: fit and a clock-less urgency; other kinds: nothing to assess", () => {
    const a = assessPage(jobPage("~021", { client: { totalSpent: 1000 } }), settings, NOW);
    expect(a).toMatchObject({ fit: { score: 60 }, urgency: { level: "low", replyBy: null }, invitations: null });
    expect(assessPage({ kind: "home", record: { newInvitations: 1 }, missing: [], warnings: [] }, settings, NOW)).toEqual({ fit: null, urgency: null, invitations: null });
  });
});
