/** `draft` command on the repo's sample pages: the records.md §4 shape, from the same drafting code. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runDraft, runDraftCommand } from "../../../src/cli/draft";

const sample = (name: string) => fileURLToPath(new URL(`../../../sample-pages/${name}`, import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/drafting/${name}`, import.meta.url));
const now = new Date("2026-03-10T10:00:00.000Z");

describe("runDraft", () => {
  it("drafts for a job page with a settings file, in the §4 shape", async () => {
    const result = await runDraft(sample("job.html"), { settings: fixture("settings.json"), now });
    if ("error" in result) throw new Error(result.error);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["coverLetter", "terms", "answers", "decline", "referral", "followUp", "check"]),
    );
    expect(Object.keys(result.terms)).toEqual(expect.arrayContaining(["kind", "rate", "amount", "milestones"]));
    expect(Object.keys(result.check)).toEqual(expect.arrayContaining(["chars", "words", "issues"]));
    expect(result.kind).toBe("job");
    // The post asks proposals to start with "paws".
    expect(result.coverLetter.startsWith("paws\n")).toBe(true);
    expect(result.coverLetter).toContain("Dana K.");
    // The general profile covers 3 of the job's 4 skills, "Mobile apps" 2: the fit panel names the
    // general one, and the draft takes its rate.
    expect(result.terms).toMatchObject({ kind: "hourly", rate: 45 });
  });

  it("thanks for the invitation on an invitation page and answers the apply form's questions", async () => {
    const invitation = await runDraft(sample("invitation.html"), { now });
    if ("error" in invitation) throw new Error(invitation.error);
    expect(invitation.coverLetter).toMatch(/^Hi,\n\nThank you for inviting me to “/);
    const apply = await runDraft(sample("apply.html"), { now });
    if ("error" in apply) throw new Error(apply.error);
    expect(apply.answers.map((a) => a.question)).toEqual([
      "Which Vue 3 projects have you shipped, and what was your role?",
      "How would you migrate a jQuery calendar without downtime?",
    ]);
    expect(apply.answers[1]?.answer).toMatch(/^I would: 1\./);
  });

  it("refuses pages without a job, missing files and invalid settings, naming the problem", async () => {
    expect(await runDraft(sample("home.html"), { now })).toEqual({
      file: sample("home.html"),
      error: "nothing to draft on a home page: open an invitation, job or apply page",
    });
    expect(await runDraft("/nonexistent.html", { now })).toEqual({
      file: "/nonexistent.html",
      error: "file not found",
    });
    const bad = await runDraft(sample("job.html"), { settings: fixture("settings-invalid.json"), now });
    expect("error" in bad && bad.error).toMatch(/rates\.hourly/);
  });

  it("is deterministic for a given --now", async () => {
    expect(await runDraft(sample("job.html"), { now })).toEqual(await runDraft(sample("job.html"), { now }));
  });
});

describe("runDraftCommand", () => {
  it("writes one JSON object and exits 0, or 1 with more than one FILE", async () => {
    const out: string[] = [];
    expect(await runDraftCommand({ now, files: [sample("job.html")] }, (l) => out.push(l))).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!).coverLetter).toContain("React Native developer for a pet-care booking app");
    expect(await runDraftCommand({ now, files: [sample("job.html"), sample("apply.html")] }, (l) => out.push(l))).toBe(
      1,
    );
  });
});
