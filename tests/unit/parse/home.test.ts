import { describe, expect, it } from "vitest";
import { fixtureSuite, parseHtml } from "./helpers";

describe("home parser", () => {
  fixtureSuite("home");

  it("gives null and names the field when the card shows no count", () => {
    const out = parseHtml(
      `<div data-test="my-proposals"><h4>My Proposals</h4><p>Check your proposals</p></div>`,
      "https://www.upwork.com/nx/find-work/",
    )!;
    expect(out.record).toEqual({ newInvitations: null });
    expect(out.missing).toEqual(["newInvitations"]);
  });
});
