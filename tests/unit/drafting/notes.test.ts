import { describe, expect, it } from "vitest";
import { draftAnswers } from "../../../src/drafting/answers";
import { DECLINE_REASONS, draftNotes, pickDeclineReason } from "../../../src/drafting/notes";
import { draftTerms } from "../../../src/drafting/terms";
import type { Client, Job } from "../../../src/shared/records";
import type { Settings } from "../../../src/shared/settings";
import { CLIENTS, JOBS, SETTINGS } from "../../fixtures/drafting/jobs";

describe("pickDeclineReason", () => {
  it.each<[string, Job, Client | null, Settings, string]>([
    ["asks to move off Upwork", JOBS.offPlatform, null, SETTINGS.dana, "outside-upwork"],
    ["none of the job's skills", JOBS.nextFixed, null, SETTINGS.dana, "not-a-fit"],
    [
      "hourly range below the minimum",
      JOBS.lowHourly,
      null,
      { ...SETTINGS.dana, profile: { ...SETTINGS.dana.profile, skills: ["WordPress"] } },
      "budget-too-low",
    ],
    ["fixed budget below the minimum", JOBS.tinyFixed, null, SETTINGS.dana, "budget-too-low"],
    ["client pays under the minimum on average", JOBS.rnInvite, CLIENTS.cheap, SETTINGS.dana, "budget-too-low"],
    ["otherwise a neutral reason", JOBS.rnInvite, CLIENTS.good, SETTINGS.dana, "not-interested"],
    ["an empty profile is never 'not a fit'", JOBS.nextFixed, null, SETTINGS.empty, "not-interested"],
  ])("%s", (_name, job, client, settings, id) => {
    const reason = pickDeclineReason(job, client, draftTerms(job, client, settings), settings);
    expect(reason.id).toBe(id);
    expect(DECLINE_REASONS.map((r) => r.label)).toContain(reason.label);
  });
});

describe("draftNotes", () => {
  const notes = draftNotes(
    JOBS.rnInvite,
    CLIENTS.good,
    draftTerms(JOBS.rnInvite, CLIENTS.good, SETTINGS.dana),
    SETTINGS.dana,
    true,
  );

  it("declines courteously, thanking for the invitation and naming the job", () => {
    expect(notes.decline).toContain(
      "Thank you for inviting me to “Senior React Native Developer with UX Expertise Needed”.",
    );
    expect(notes.decline).toContain("I wish you the best");
    expect(notes.decline.trimEnd().endsWith("Dana K.")).toBe(true);
    expect(notes.decline).not.toMatch(/whatsapp|email|@/i);
  });

  it("offers a referral skeleton and the follow-up note after submitting", () => {
    expect(notes.referral).toContain("[name of the freelancer you refer]");
    expect(notes.followUp).toContain(
      "I just submitted my proposal for “Senior React Native Developer with UX Expertise Needed”.",
    );
    expect(notes.followUp).toContain("I work with React Native, TypeScript and Expo.io");
  });

  it("uses the user's decline template", () => {
    const settings = {
      ...SETTINGS.dana,
      templates: { ...SETTINGS.dana.templates, decline: "No thanks ({{reasonLabel}}). {{name}}" },
    };
    const d = draftNotes(JOBS.rnInvite, null, draftTerms(JOBS.rnInvite, null, settings), settings, true);
    expect(d.decline).toBe("No thanks (Not interested in work described). Dana K.");
  });
});

describe("draftAnswers", () => {
  const settings = SETTINGS.dana;
  const job = JOBS.rnInvite;
  const terms = draftTerms(job, CLIENTS.good, settings);
  it.each<[string, RegExp]>([
    [
      "Describe your recent experience with similar projects",
      /^A recent example is Yoga class booking: \[what you built and how\]\. The result: Bookings up 30% in three months\./,
    ],
    ["Please share links to your portfolio", /- Yoga class booking: https:\/\/example\.com\/yoga/],
    ["What is your hourly rate?", /^My rate for this job is \$40\/h\./],
    ["How long will this take?", /^I estimate 1 to 3 months\./],
    ["When can you start and how many hours per week?", /^I can start \[date\]/],
    ["How would you approach the onboarding redesign?", /^I would: 1\. \[first step\]/],
    ["Why should we hire you?", /^I work with React Native, TypeScript and Expo\.io/],
    ["Do you have any questions for us?", /^\[a question about the project\]$/],
    ["Favourite colour?", /^\[your answer\]$/],
  ])("%s", (question, answer) => {
    const [result] = draftAnswers([question], { job, settings, terms });
    expect(result?.question).toBe(question);
    expect(result?.answer).toMatch(answer);
  });

  it("keeps one answer per question, in page order", () => {
    const answers = draftAnswers(["B?", " b? ", "A?"], { job, settings, terms });
    expect(answers.map((a) => a.question)).toEqual(["B?", "A?"]);
  });
});
