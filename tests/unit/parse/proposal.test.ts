import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml, readFixture } from "./helpers";
import type { ProposalRecord } from "../../../src/shared/records";

describe("proposal parser", () => {
  fixtureSuite("proposal");

  it("reads fixed and hourly terms", () => {
    expect((parseHtml(readFixture("sample-pages/proposal.html"))!.record as ProposalRecord).terms).toEqual({
      kind: "fixed",
      rate: null,
      amount: 2400,
    });
    expect((parseHtml(readFixture("proposal/hourly.html"))!.record as ProposalRecord).terms).toEqual({
      kind: "hourly",
      rate: 52,
      amount: null,
    });
  });
});
