/** assessPage: what each page kind gets, and what the lookup adds. */
import { describe, expect, it } from "vitest";
import { assessPage, cipherOfJobUid, cliUrgency, emptyLookup, type AssessLookup } from "../../../src/scoring/assess";
import {
  client,
  invitationPage,
  invitationRecord,
  invitationsPage,
  item,
  jobPage,
  userSettings,
} from "../../fixtures/scoring/builders";
import { inZone } from "../zone";

const NOW = new Date("2026-01-10T12:00:00.000Z");
const settings = userSettings();

describe("assessPage", () => {
  it("invitations list: no fit, one urgency per row, fit from the opened invitation or null", () => {
    const opened = invitationRecord("2", { client: client({ paymentVerified: true }) });
    const lookup: AssessLookup = {
      invitation: (id) =>
        id === "2" ? { record: opened, readAt: "2026-01-10T11:00:00.000Z", missing: ["client.industry"] } : null,
      item: () => null,
      state: () => null,
    };
    // Row 2's date-only receipt counts from that day's midnight in the runtime's zone: UTC here
    // (the rule in each zone is urgency.test.ts's).
    const a = inZone("UTC", () =>
      assessPage(
        invitationsPage([item("1", "2026-01-10T10:00:00.000Z"), item("2", "2026-01-10")]),
        settings,
        NOW,
        lookup,
      ),
    );
    expect(a.fit).toBeNull();
    expect(a.urgency).toBeNull();
    expect(a.invitations?.map((r) => [r.id, r.fit, r.urgency.level, r.urgency.replyBy])).toEqual([
      ["1", null, "today", "2026-01-11T10:00:00.000Z"],
      ["2", 100, "today", "2026-01-11T00:00:00.000Z"],
    ]);
    // records.md §4: each row's entry carries that invitation's fit (null: nothing to score).
    expect(cliUrgency(a)).toEqual(a.invitations!.map((r) => ({ ...r.urgency, fit: r.detail?.fit ?? null })));
    // The opened invitation carries its whole fit and unread fields, for the panel its badge opens.
    expect(a.invitations![0]!.detail).toBeNull();
    expect(a.invitations![1]!.detail).toMatchObject({
      fit: { score: 100 },
      missing: ["client.industry"],
      provisional: false,
    });
    expect(a.invitations![1]!.detail!.fit.factors.length).toBeGreaterThan(0);
  });

  describe("a row not opened yet", () => {
    const row = (over: Partial<ReturnType<typeof item>>) => ({ ...item("5", "2026-01-10T10:00:00.000Z"), ...over });
    const only = (r: ReturnType<typeof item>, lookup: AssessLookup = emptyLookup) =>
      assessPage(invitationsPage([r]), settings, NOW, lookup).invitations![0]!;

    it("is scored provisionally from the row's client facts, and says which factors it rests on", () => {
      const good = only(row({ client: { paymentVerified: true, totalSpent: 250_000, hires: 40 } }));
      const poor = only(row({ client: { paymentVerified: false, totalSpent: 0, hires: 0 } }));
      expect(good.detail?.provisional).toBe(true);
      expect(good.fit).toBeGreaterThan(poor.fit!);
      const used = good.detail!.fit.factors.filter((f) => f.weight > 0).map((f) => f.id);
      expect(used.sort()).toEqual(["paymentVerified", "totalSpent"]);
      expect(good.detail!.fit.confidence).toBeLessThan(0.5);
      expect(poor.detail!.fit.flags.map((f) => f.id)).toContain("payment-unverified");
      const [entry] = cliUrgency(
        assessPage(
          invitationsPage([row({ client: { paymentVerified: true, totalSpent: 10, hires: 1 } })]),
          settings,
          NOW,
        ),
      ) as Array<{ fit: { provisional?: true } }>;
      expect(entry!.fit.provisional).toBe(true);
    });

    it("takes the red asks of the client's message: an off-platform ask caps it", () => {
      const client = { paymentVerified: true, totalSpent: 250_000, hires: 40 };
      const plain = only(row({ client, message: "Hi, I liked your profile. Could you look at our booking app?" }));
      const asks = only(row({ client, message: "Hi! Please contact me on WhatsApp +1 555 010 9999 to discuss." }));
      expect(plain.fit).toBe(100);
      expect(asks.fit).toBe(settings.scoring.thresholds.postRedFlagCap);
      expect(asks.detail!.fit.flags.map((f) => f.id)).toEqual(
        expect.arrayContaining(["message-off-platform", "score-capped"]),
      );
      // A message alone is enough to say something.
      expect(only(row({ message: "Do an unpaid test task first." })).detail!.fit.flags.map((f) => f.id)).toContain(
        "message-unpaid-test",
      );
    });

    it("gets the full fit of its job's page when the user read it (joined by the job's uid)", () => {
      const uid = "1936874668311707737";
      const page = jobPage(cipherOfJobUid(uid), { client: { paymentVerified: true, hireRate: 80, jobsPosted: 12 } });
      const lookup: AssessLookup = {
        ...emptyLookup,
        job: (c) =>
          c === `~02${uid}` && page.kind === "job" ? { record: page.record, missing: ["client.industry"] } : null,
      };
      const joined = only(row({ jobUid: uid, client: { paymentVerified: true, totalSpent: 10, hires: 1 } }), lookup);
      expect(joined.detail).toMatchObject({ provisional: false, missing: ["client.industry"] });
      expect(joined.detail!.fit.factors.find((f) => f.id === "hireRate")!.weight).toBeGreaterThan(0);
      const [entry] = cliUrgency(assessPage(invitationsPage([row({ jobUid: uid })]), settings, NOW, lookup)) as Array<{
        fit: { provisional?: true };
      }>;
      expect(entry!.fit).not.toHaveProperty("provisional");
    });

    it("has no fit when the row says nothing about the client", () => {
      expect(only(row({})).detail).toBeNull();
    });
  });

  it("invitation page: receipt time from the list row, else from when it was first seen", () => {
    const page = invitationPage(invitationRecord("7", { client: client({ paymentVerified: true }) }));
    const fromRow = assessPage(page, settings, NOW, {
      invitation: () => null,
      item: () => item("7", "2026-01-10T09:00:00.000Z"),
      state: () => null,
    });
    expect(fromRow.fit?.score).toBe(100);
    expect(fromRow.urgency).toMatchObject({ level: "today", replyBy: "2026-01-11T09:00:00.000Z" });
    const seen = { firstSeenAt: "2026-01-10T11:00:00.000Z", openedAt: null, replied: false, declined: false };
    const fromSeen = assessPage(page, settings, NOW, { invitation: () => null, item: () => null, state: () => seen });
    expect(fromSeen.urgency?.replyBy).toBe("2026-01-11T11:00:00.000Z");
    expect(fromSeen.urgency?.reasons[0]).toContain("first saw");
  });

  it("job page: fit and a clock-less urgency; other kinds: nothing to assess", () => {
    const a = assessPage(jobPage("~021", { client: { totalSpent: 1000 } }), settings, NOW);
    expect(a).toMatchObject({ fit: { score: 60 }, urgency: { level: "low", replyBy: null }, invitations: null });
    expect(
      assessPage({ kind: "home", record: { newInvitations: 1 }, missing: [], warnings: [] }, settings, NOW),
    ).toEqual({ fit: null, urgency: null, invitations: null });
  });
});
