import { describe, expect, it } from "vitest";
import { checkLetter, GENERIC_PHRASES } from "../../../src/drafting/check";
import { fillTemplate } from "../../../src/drafting/template";
import { JOBS, SETTINGS } from "../../fixtures/drafting/jobs";

const profile = SETTINGS.dana.profile;
const job = JOBS.rnInvite;
const filler = " We will ship the onboarding flow first and measure drop-off before touching anything else.".repeat(3);
const ids = (letter: string) => checkLetter(letter, job, profile).issues.map((i) => i.id);

describe("checkLetter", () => {
  it.each(GENERIC_PHRASES.map((p) => [p]))("flags the generic phrase “%s”", (phrase) => {
    const result = checkLetter(`${phrase.toUpperCase()}, React Native.${filler}`, job, profile);
    expect(result.issues).toContainEqual({ id: "generic", text: `Generic phrase: “${phrase}”.` });
  });

  it.each<[string, string, string[]]>([
    [
      "unfilled placeholders",
      `Senior React Native role. [one sentence about a similar project]${filler}`,
      ["placeholder"],
    ],
    ["an unknown template token", `Senior React Native role. {{clientName}}${filler}`, ["unknown-token"]],
    [
      "a skill the profile lacks",
      `Senior React Native role: I have built Firebase backends for years.${filler}`,
      ["absent-skill"],
    ],
    [
      "a common skill the profile lacks even when the job does not tag it",
      `Senior React Native role, and I also write Django.${filler}`,
      ["absent-skill"],
    ],
    ["too short", "Senior React Native role. Hi!", ["too-short"]],
    ["too long", `Senior React Native role. ${"word ".repeat(301)}`, ["too-long"]],
    [
      "nothing job-specific in the opening",
      `Hello there, I am a developer with many years of experience and I would love to help you out with whatever you need done here.${filler}`,
      ["opening-generic"],
    ],
    [
      "a clean letter",
      `Thanks for the invite to Senior React Native Developer with UX Expertise Needed. I work with React Native and TypeScript.${filler}`,
      [],
    ],
  ])("%s", (_name, letter, expected) => {
    expect(ids(letter)).toEqual(expected);
  });

  it("does not read a user's skill inside a longer one, nor count quotes of the post as claims", () => {
    const p = { ...profile, skills: ["React Native"] };
    // "React" is a common skill; here it is only part of "React Native".
    expect(checkLetter(`Senior React Native role.${filler}`, job, p).issues).toEqual([]);
    expect(checkLetter(`Senior React Native role. You mention “Firebase for auth”.${filler}`, job, p).issues).toEqual(
      [],
    );
  });

  it("counts characters and words and shows the first 230 characters as the client sees them", () => {
    const letter = `Hi,\n\nThank you for inviting me to Senior React Native Developer with UX Expertise Needed.${filler}`;
    const result = checkLetter(letter, job, profile);
    expect(result.chars).toBe(letter.length);
    expect(result.words).toBe(letter.trim().split(/\s+/).length);
    expect(result.preview.startsWith("Hi, Thank you for inviting me")).toBe(true);
    expect(result.preview).toHaveLength(231); // 230 characters and the ellipsis
    expect(result.preview.endsWith("…")).toBe(true);
  });

  it("lists the job's keywords covered and missing", () => {
    const result = checkLetter(`Senior React Native and Expo work.${filler}`, job, profile);
    expect(result.keywords.covered).toEqual(["React Native", "Expo.io", "Senior"]);
    expect(result.keywords.missing).toEqual(["TypeScript", "Firebase", "UX Design", "Expertise"]);
  });
});

describe("fillTemplate", () => {
  it.each<[string, Record<string, string>, string]>([
    ["Hi {{name}}, re {{ jobTitle }}", { name: "Ann", jobTitle: "App" }, "Hi Ann, re App"],
    ["Hi {{nobody}}", {}, "Hi {{nobody}}"],
    ["A\n\n{{asks}}\n\nB", { asks: "" }, "A\n\nB"],
    ["A {{asks}} B", { asks: "" }, "A B"],
    ["{{a}}\r\n{{b}}", { a: "1", b: "2" }, "1\n2"],
    ["{{toString}} {{constructor}}", {}, "{{toString}} {{constructor}}"],
  ])("%j", (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });
});
