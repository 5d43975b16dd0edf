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

  it("a saved page without its address has no id: null and named missing, never a made-up one", () => {
    const out = parseHtml(readFixture("sample-pages/invitation.html"), "")!;
    expect(out.kind).toBe("invitation");
    const rec = out.record as InvitationRecord;
    expect(rec.id).toBeNull();
    expect(out.missing).toContain("id");
    expect(rec.job.title).toBeTruthy(); // the rest of the page is still read
  });

  it("reads a declined status from the page text", () => {
    const out = parseHtml(readFixture("invitation/declined.html"))!;
    expect((out.record as InvitationRecord).status).toBe("declined");
    expect(out.missing).toContain("client.totalSpent");
  });

  describe("the message is the client's words only, never the sender or date above them", () => {
    const sample = readFixture("sample-pages/invitation.html");
    const card = /<div class="air3-card[^"]*" data-test="client-message">[\s\S]*?<\/section><\/div>/;
    const sender = `<div class="d-flex"><img class="air3-avatar" src="data:," alt=""><div><strong>Nadia K.</strong><div>Northwind Goods</div></div></div>`;
    const variants: Record<string, string> = {
      "sender, company and date above a pre-line block": `<div class="air3-card" data-test="client-message"><header><h2>Original message from client</h2></header><section>${sender}<div>Received Mar 9, 2026</div><p class="text-pre-line">Hello!\n\nPlease reply soon.</p></section></div>`,
      "sender and date as plain blocks in one wrapper": `<div class="air3-card"><h2>Message from client</h2><div class="card-body"><div><strong>Nadia K.</strong></div><div>Northwind Goods</div><div>Received 3 hours ago</div><p>Hello!</p><p>Please reply soon.</p></div></div>`,
      "sender with a profile link, no date line": `<section><h3>Client's message</h3><div><a href="/companies/~01abc">Northwind Goods</a></div><p>Hello!</p><p>Please reply soon.</p></section>`,
    };
    for (const [name, html] of Object.entries(variants)) {
      it(name, () => {
        const rec = parseHtml(sample.replace(card, html))!.record as InvitationRecord;
        expect(rec.message).toBe("Hello!\n\nPlease reply soon.");
      });
    }
  });
});
