/** One bad field never drops the page: figures out of their plausible range are dropped with a warning, the rest kept. */
import { describe, expect, it } from "vitest";
import { repairParsed } from "../../../src/shared/repair";
import type { JobRecord, ParsedPage } from "../../../src/shared/records";
import { parseHtml, readFixture } from "./helpers";

const NINES = "9".repeat(400);

describe("field-by-field validation", () => {
  it("drops a 400-digit bid and 5,000 Connects, and keeps the rest of the page", () => {
    const html = readFixture("job/legacy-2025-09.html").replace("High $40.00", `High $${NINES}.00`);
    const raw = parseHtml(html)!;
    expect((raw.record as JobRecord).bidRange?.high).toBe(Infinity);
    const out = repairParsed(raw);
    expect(out.ok).toBe(true);
    const page = (out as { parsed: ParsedPage }).parsed;
    const rec = page.record as JobRecord;
    expect(rec.bidRange).toEqual({ high: null, avg: 31.5, low: 20 });
    expect(rec.job.title).toBe((parseHtml(readFixture("job/legacy-2025-09.html"))!.record as JobRecord).job.title);
    expect(page.warnings.some((w) => w.startsWith("bidRange.high:"))).toBe(true);
    expect(page.missing).toContain("bidRange.high");

    const connects = parseHtml(
      readFixture("job/nuxt2-2024.html").replace("12 required Connects", "5000 required Connects"),
    )!;
    expect((connects.record as JobRecord).job.connectsRequired).toBe(5000);
    const fixed = (repairParsed(connects) as { parsed: ParsedPage }).parsed;
    expect((fixed.record as JobRecord).job.connectsRequired).toBeNull();
    expect((fixed.record as JobRecord).client.totalSpent).toBe(4100);
    expect(fixed.warnings.some((w) => w.startsWith("job.connectsRequired:"))).toBe(true);
  });

  it("removes a list item that cannot be null and keeps the others", () => {
    const page = parseHtml(readFixture("sample-pages/invitations.html"))!;
    const bad = structuredClone(page) as ParsedPage & { record: { invitations: Array<{ id: string }> } };
    bad.record.invitations[1]!.id = "not digits";
    const out = repairParsed(bad);
    expect(out.ok).toBe(true);
    const ids = (
      (out as { parsed: ParsedPage }).parsed.record as { invitations: Array<{ id: string }> }
    ).invitations.map((i) => i.id);
    const before = (page.record as { invitations: Array<{ id: string }> }).invitations.map((i) => i.id);
    expect(before.length).toBeGreaterThan(2);
    expect(ids).toEqual(before.filter((_, i) => i !== 1));
  });

  it("takes a date for a date only when it is a real one (2026-02-30 and 25:00 are not)", () => {
    const page = parseHtml(readFixture("job/nuxt2-2024.html"))!;
    const bad = structuredClone(page) as ParsedPage & { record: JobRecord };
    bad.record.job.postedAt = "2026-02-30";
    bad.record.client.memberSince = "2023-13-03";
    bad.record.activity!.lastViewedAt = "2026-03-09T25:00:00.000Z";
    const fixed = (repairParsed(bad) as { parsed: ParsedPage & { record: JobRecord } }).parsed;
    expect([fixed.record.job.postedAt, fixed.record.client.memberSince, fixed.record.activity!.lastViewedAt]).toEqual([
      null,
      null,
      null,
    ]);
    expect(fixed.record.job.title).toBe("Warehouse barcode scanner app");
    expect(repairParsed(page)).toMatchObject({
      ok: true,
      parsed: { record: { job: { postedAt: (page.record as JobRecord).job.postedAt } } },
    });
  });

  it("refuses what is not a parsed page at all, with a clear message", () => {
    expect(repairParsed({ kind: "job" })).toMatchObject({ ok: false, error: expect.stringMatching(/record/) });
    expect(repairParsed("text")).toMatchObject({ ok: false });
  });
});
