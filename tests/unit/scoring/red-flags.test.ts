/** Post-text flags: requests to leave Upwork, unpaid tests and credentials — not mere mentions. */
import { describe, expect, it } from "vitest";
import { messageFlags, postTextFlags } from "../../../src/scoring/red-flags";

const LONG = " We need a clean, tested app with clear milestones and a handover at the end of the work.".repeat(3);
const ids = (description: string) =>
  postTextFlags({ title: null, description: description + LONG, questions: [] }, 200).flags.map((f) => f.id);

describe("postTextFlags", () => {
  const rows: Array<[string, string[]]> = [
    ["Please contact me on WhatsApp before applying.", ["post-off-platform"]],
    ["My telegram: @dana_k for quick questions.", ["post-off-platform"]],
    ["Email me at boss@example.com with your CV.", ["post-off-platform"]],
    ["Call me: +39 333 123 4567", ["post-off-platform"]],
    ["We will pay outside of Upwork to save fees.", ["post-off-platform"]],
    ["Build a WhatsApp integration for our shop.", []],
    ["Telegram bot for crypto alerts, Skype SDK experience a plus.", []],
    ["Start with an unpaid test task to prove your skills.", ["post-unpaid-test"]],
    ["The test task is not paid.", ["post-unpaid-test"]],
    ["A small paid test task first.", []],
    ["Send us your Upwork login details to set up the project.", ["post-credentials"]],
    ["We rent your Upwork account for bidding.", ["post-credentials"]],
    ["Fix the password reset flow of our login screen.", []],
  ];
  it.each(rows)("%s → %j", (text, expected) => {
    expect(ids(text).filter((id) => id !== "post-deliverables")).toEqual(expected);
  });

  it("a short post is amber; a post naming deliverables is green", () => {
    expect(
      postTextFlags({ title: null, description: "Need an app.", questions: [] }, 200).flags.map((f) => [
        f.id,
        f.severity,
      ]),
    ).toEqual([["post-short", "amber"]]);
    expect(
      postTextFlags({ title: null, description: `Deliverables: the app and its tests.${LONG}`, questions: [] }, 200)
        .red,
    ).toBe(false);
    expect(ids("Deliverables: the app.")).toContain("post-deliverables");
  });

  it("screening questions are read too", () => {
    expect(
      postTextFlags(
        {
          title: null,
          description: null,
          questions: ["What is your WhatsApp number? Add me on WhatsApp: +1 555 010 9999"],
        },
        200,
      ).red,
    ).toBe(true);
  });
});

describe("messageFlags", () => {
  it("finds the same red asks in the client's message, worded as the message's", () => {
    const found = messageFlags("Great profile! Before we start, add me on Skype: @dana.k and do a free test task.");
    expect(found.flags.map((f) => f.id)).toEqual(["message-off-platform", "message-unpaid-test"]);
    expect(found.flags[0]!.text).toMatch(/^The client's message asks to talk or pay outside Upwork/);
    expect(messageFlags("Hi, we need help with a WhatsApp bot integration.").red).toBe(false);
    expect(messageFlags(null)).toEqual({ flags: [], red: false });
  });
});
