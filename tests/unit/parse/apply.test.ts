import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { ApplyRecord } from "../../../src/shared/records";

describe("apply parser", () => {
  fixtureSuite("apply");

  it("reads the hourly form, its two questions and the cover letter field", () => {
    const rec = parseHtml(readFixture("sample-pages/apply.html"))!.record as ApplyRecord;
    expect(rec.form).toMatchObject({
      paymentKind: "hourly",
      profileRate: 48,
      connectsRequired: 12,
      connectsRemaining: 50,
      canInsert: true,
    });
    expect(rec.form.questions).toHaveLength(2);
  });

  it("tells a fixed-price invitation-accept form and counts typed text into the limit", () => {
    const rec = parseHtml(readFixture("apply/fixed-accept.html"))!.record as ApplyRecord;
    expect(rec.form.paymentKind).toBe("fixed");
    expect(rec.form.coverLetterMaxChars).toBe(5000);
  });
});
