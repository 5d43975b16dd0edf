/** Table tests of draftReply over every fixture job × settings × invited/not. */
import { describe, expect, it } from "vitest";
import { draftReply } from "../../../src/drafting/index";
import { Draft } from "../../../src/shared/draft";
import type { Job } from "../../../src/shared/records";
import type { Settings } from "../../../src/shared/settings";
import { CLIENTS, JOBS, SETTINGS } from "../../fixtures/drafting/jobs";

/** Skills a letter could claim: every tag of every fixture job and portfolio, plus common ones. */
const UNIVERSE = [
  ...new Set([
    ...Object.values(JOBS).flatMap((j) => j.skills),
    ...SETTINGS.dana.profile.portfolio.flatMap((p) => p.skills),
    "JavaScript",
    "Python",
    "Django",
    "Vue",
    "Angular",
    "Flutter",
    "Swift",
    "Kotlin",
    "Supabase",
    "AWS",
  ]),
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\.(js|io)\b/g, "")
    .replace(/[^a-z0-9+#]/g, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An independent claims check: outside quoted passages (quoting the post is not a claim) and
 * after blanking the profile's own skills, no other skill name may appear.
 */
function claimedButAbsent(letter: string, settings: Settings): string[] {
  let text = letter.replace(/“[^”]*”/g, " ");
  const mine = settings.profile.skills;
  for (const s of [...mine].sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(escape(s.replace(/\.(js|io)$/i, "")) + String.raw`(\.(js|io))?`, "gi"), " ");
  }
  const mineKeys = new Set(mine.map(norm));
  return UNIVERSE.filter((skill) => {
    if (mineKeys.has(norm(skill))) return false;
    const core = escape(skill.replace(/\.(js|io)$/i, ""));
    return new RegExp(String.raw`(?<![A-Za-z0-9])${core}(?![A-Za-z0-9])`, "i").test(text);
  });
}

const cases: Array<[string, Job, string, Settings]> = [];
for (const [jobName, job] of Object.entries(JOBS)) {
  for (const [settingsName, settings] of Object.entries(SETTINGS)) cases.push([jobName, job, settingsName, settings]);
}

describe.each(cases)("job %s with settings %s", (_jobName, job, _settingsName, settings) => {
  for (const invited of [true, false]) {
    const input = {
      kind: invited ? ("invitation" as const) : ("job" as const),
      job,
      client: CLIENTS.good,
      questions: [],
      invited,
    };
    const draft = draftReply(input, settings);

    it(`matches the Draft schema (invited: ${invited})`, () => {
      expect(Draft.safeParse(draft).success).toBe(true);
    });

    it(`claims only skills the profile lists (invited: ${invited})`, () => {
      expect(claimedButAbsent(draft.coverLetter, settings)).toEqual([]);
      expect(claimedButAbsent(draft.followUp, settings)).toEqual([]);
      for (const a of draft.answers) expect(claimedButAbsent(a.answer, settings)).toEqual([]);
      expect(draft.check.issues.filter((i) => i.id === "absent-skill")).toEqual([]);
    });

    it(`milestones sum exactly to the bid (invited: ${invited})`, () => {
      const { terms } = draft;
      if (terms.kind !== "milestone" || terms.amount == null) return expect(terms.milestones).toEqual([]);
      expect(terms.milestones.length).toBeGreaterThanOrEqual(1);
      expect(terms.milestones.length).toBeLessThanOrEqual(4);
      const cents = terms.milestones.reduce((sum, m) => sum + Math.round(m.amount * 100), 0);
      expect(cents).toBe(Math.round(terms.amount * 100));
      for (const m of terms.milestones) {
        expect(m.amount).toBeGreaterThanOrEqual(5);
        expect(m.description.length).toBeGreaterThan(0);
      }
    });

    it(`never bids under the user's minimum (invited: ${invited})`, () => {
      const { terms } = draft;
      if (terms.kind === "hourly" && terms.rate != null)
        expect(terms.rate).toBeGreaterThanOrEqual(Math.max(settings.rates.minimumHourly ?? 0, 3));
      if (terms.kind !== "hourly" && terms.amount != null)
        expect(terms.amount).toBeGreaterThanOrEqual(Math.max(settings.rates.minimumFixed ?? 0, 5));
    });

    it(`opens with something only this job could prompt (invited: ${invited})`, () => {
      const opening = draft.coverLetter.replace(/\s+/g, " ").slice(0, 230);
      if (job.title) expect(opening).toContain(job.title);
      if (invited) expect(opening).toMatch(/Thank you for (inviting me|the invitation)/);
      else expect(opening).not.toMatch(/Thank you for inviting/);
    });

    it(`is signed and deterministic (invited: ${invited})`, () => {
      const name = settings.profile.name || "[your name]";
      expect(draft.coverLetter.trimEnd().endsWith(name)).toBe(true);
      const before = structuredClone({ job, settings });
      expect(draftReply(structuredClone(input), structuredClone(settings))).toEqual(draft);
      expect({ job, settings }).toEqual(before);
    });
  }
});

describe("the claims oracle", () => {
  it("catches a planted claim and ignores quotes and skills inside the user's own", () => {
    expect(claimedButAbsent("I work with Firebase and React Native.", SETTINGS.dana)).toEqual(["Firebase"]);
    expect(claimedButAbsent("You mention “Firebase auth”. I know React Native.", SETTINGS.dana)).toEqual([]);
  });
});

describe("letter content", () => {
  const draft = draftReply(
    { kind: "invitation", job: JOBS.rnInvite, client: CLIENTS.good, questions: [], invited: true },
    SETTINGS.dana,
  );

  it("names the matching skills, the most relevant portfolio items with outcomes, and the post's asks", () => {
    expect(draft.coverLetter).toContain("I work with React Native, TypeScript and Expo.io");
    // Yoga shares 2 tags with the job (React Native, TypeScript; Firebase is not the user's skill to name), fitness 2.
    expect(draft.coverLetter).toMatch(
      /- Yoga class booking \(React Native and TypeScript\): Bookings up 30% in three months\./,
    );
    expect(draft.coverLetter).toContain("4.8★ on both stores");
    expect(draft.coverLetter).not.toContain("Company blog");
    expect(draft.coverLetter).toContain(
      "About “Please include links to apps you have published in the stores”: [your answer]",
    );
    expect(draft.coverLetter).toContain("short call");
    expect(draft.coverLetter).toContain(
      "You mention “a React Native developer who cares about smooth onboarding and offline sessions”",
    );
  });

  it("with nothing set but the profile still drafts a complete skeleton, placeholders marked", () => {
    const empty = draftReply(
      { kind: "invitation", job: JOBS.rnInvite, client: null, questions: [], invited: true },
      SETTINGS.empty,
    );
    expect(empty.coverLetter).toContain("[how your experience fits what the post asks for]");
    expect(empty.coverLetter).toContain("[one sentence about a similar project and its result]");
    expect(empty.coverLetter).toContain("[your name]");
    expect(empty.check.issues.some((i) => i.id === "placeholder")).toBe(true);
  });

  it("puts a requested start word first", () => {
    const d = draftReply(
      { kind: "job", job: JOBS.magicWord, client: null, questions: [], invited: false },
      SETTINGS.dana,
    );
    expect(d.coverLetter.startsWith("pineapple\n")).toBe(true);
  });

  it("uses the user's own template, leaving unknown tokens visible", () => {
    const settings = {
      ...SETTINGS.dana,
      templates: {
        ...SETTINGS.dana.templates,
        coverLetter: "Hello! Re {{jobTitle}}: {{skillsList}}. {{mystery}}\n{{name}}",
      },
    };
    const d = draftReply({ kind: "job", job: JOBS.rnInvite, client: null, questions: [], invited: false }, settings);
    expect(d.coverLetter).toBe(
      "Hello! Re Senior React Native Developer with UX Expertise Needed: React Native, TypeScript and Expo.io. {{mystery}}\nDana K.",
    );
    expect(d.check.issues.map((i) => i.id)).toContain("unknown-token");
  });

  it("answers the page's questions, else the job's", () => {
    const d = draftReply(
      { kind: "apply", job: JOBS.rnInvite, client: null, questions: ["What is your hourly rate?"], invited: false },
      SETTINGS.dana,
    );
    expect(d.answers).toEqual([
      { question: "What is your hourly rate?", answer: "My rate for this job is $40/h. [what the price includes]" },
    ]);
    const j = draftReply(
      { kind: "job", job: JOBS.rnInvite, client: null, questions: [], invited: false },
      SETTINGS.dana,
    );
    expect(j.answers.map((a) => a.question)).toEqual(JOBS.rnInvite.questions);
  });
});
