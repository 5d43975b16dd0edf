/**
 * The letter check, run live as the user edits: length, the opening the client sees first, the
 * job's keywords covered, generic phrases, unfilled placeholders and skills the profile lacks.
 */
import { sliceWhole } from "../shared/text";
import type { CheckIssue, LetterCheck } from "../shared/draft";
import type { Job } from "../shared/records";
import type { Profile } from "../shared/settings";
import { skillKey } from "../shared/skills";
import { mentions, profileSkills, skillPattern } from "./skills";
import { leftoverTokens, placeholders } from "./template";

/** What a client sees of a letter in the proposal list (Upwork shows about 230–240 characters). */
export const PREVIEW_CHARS = 230;
export const MIN_CHARS = 200;
export const MAX_WORDS = 300;
export const MAX_CHARS = 5000;

/** Openers clients read as mass-sent. */
export const GENERIC_PHRASES = [
  "I am writing to apply",
  "Dear Sir/Madam",
  "Dear Sir or Madam",
  "Dear Hiring Manager",
  "To whom it may concern",
  "I have read your job description",
  "I have carefully read your job",
  "I came across your job posting",
  "I am the perfect fit",
  "I am the best fit",
  "I can do this job",
  "I am interested in your job",
  "I hope this message finds you well",
] as const;

/**
 * Well-known skills checked for claims besides the job's own tags, so a letter naming a skill the
 * profile lacks is caught even when the job does not tag it.
 */
const COMMON_SKILLS = [
  "JavaScript",
  "TypeScript",
  "React",
  "React Native",
  "Next.js",
  "Vue.js",
  "Nuxt.js",
  "Angular",
  "Svelte",
  "Node.js",
  "Express",
  "NestJS",
  "Python",
  "Django",
  "Flask",
  "FastAPI",
  "Ruby on Rails",
  "PHP",
  "Laravel",
  "WordPress",
  "Shopify",
  "Java",
  "Kotlin",
  "Swift",
  "Flutter",
  "Dart",
  "Go",
  "Rust",
  "C#",
  ".NET",
  "C++",
  "SQL",
  "PostgreSQL",
  "MySQL",
  "MongoDB",
  "Redis",
  "Firebase",
  "Supabase",
  "GraphQL",
  "AWS",
  "Azure",
  "Google Cloud",
  "Docker",
  "Kubernetes",
  "Terraform",
  "Figma",
  "Tailwind CSS",
  "Expo",
  "Electron",
  "TensorFlow",
  "PyTorch",
  "Machine Learning",
  "Data Science",
  "SEO",
  "Webflow",
  "Bubble",
];

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Quoting the post is not a claim: remove quoted passages before looking for skills. */
function unquoted(text: string): string {
  return text.replace(/“[^“”]*”/g, " ").replace(/"[^"\n]*"/g, " ");
}

/**
 * Skills the letter names (outside quotes) that the profile does not list. The profile's own
 * skills are blanked out first so "React" is not read inside "React Native".
 */
export function absentSkills(letter: string, job: Job, profile: Profile): string[] {
  let text = unquoted(letter);
  const mine = profileSkills(profile);
  const mineKeys = new Set(mine.map(skillKey));
  for (const s of [...mine].sort((a, b) => b.length - a.length)) {
    const pattern = skillPattern(s);
    text = text.replace(new RegExp(pattern.source, `${pattern.flags}g`), " ");
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const skill of [...job.skills, ...COMMON_SKILLS]) {
    const key = skillKey(skill);
    if (!key || mineKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    if (mentions(text, skill)) out.push(skill);
  }
  return out;
}

const STOP = new Set(
  "the and for with from that this your you our are was will have has into need needed needs looking seeking who what want wants project developer expert help build job work app apps new using based".split(
    " ",
  ),
);

/** The job's keywords: its skill tags, then the distinctive words of its title. */
export function jobKeywords(job: Job): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  const add = (k: string) => {
    const key = skillKey(k);
    if (key && !keys.has(key)) {
      keys.add(key);
      out.push(k);
    }
  };
  job.skills.forEach(add);
  for (const word of (job.title ?? "").split(/[^A-Za-z0-9.+#-]+/)) {
    const w = word.replace(/^[.-]+|(?<![.-])[.-]+$/g, "");
    if (w.length >= 4 && !STOP.has(w.toLowerCase()) && ![...keys].some((k) => k.includes(skillKey(w)))) add(w);
  }
  return out;
}

export function checkLetter(letter: string, job: Job, profile: Profile): LetterCheck {
  const text = letter.trim();
  const chars = text.length;
  const words = text ? text.split(/\s+/).length : 0;
  const issues: CheckIssue[] = [];

  if (chars === 0) issues.push({ id: "empty", text: "The letter is empty." });
  else if (chars < MIN_CHARS)
    issues.push({ id: "too-short", text: `Only ${chars} characters: write at least ${MIN_CHARS}.` });
  if (words > MAX_WORDS)
    issues.push({ id: "too-long", text: `${words} words: clients read ${MAX_WORDS} words or fewer.` });
  if (chars > MAX_CHARS) issues.push({ id: "over-limit", text: `${chars} characters: Upwork allows ${MAX_CHARS}.` });

  const lower = text.toLowerCase();
  for (const phrase of GENERIC_PHRASES) {
    if (lower.includes(phrase.toLowerCase())) issues.push({ id: "generic", text: `Generic phrase: “${phrase}”.` });
  }
  for (const p of placeholders(text)) issues.push({ id: "placeholder", text: `Fill in ${p}.` });
  for (const t of leftoverTokens(text)) issues.push({ id: "unknown-token", text: `Unknown template field {{${t}}}.` });
  for (const s of absentSkills(text, job, profile)) {
    issues.push({
      id: "absent-skill",
      text: `“${s}” is not in your profile's skills: claim only what your profile supports.`,
    });
  }

  const keywords = jobKeywords(job);
  const covered = keywords.filter((k) => mentions(text, k));
  const missing = keywords.filter((k) => !covered.includes(k));
  const flat = collapse(text);
  const preview = flat.length > PREVIEW_CHARS ? `${sliceWhole(flat, PREVIEW_CHARS)}…` : flat;
  if (
    chars > 0 &&
    (job.title || job.description) &&
    !opensWithThisJob(sliceWhole(flat, PREVIEW_CHARS), job, keywords)
  ) {
    issues.push({
      id: "opening-generic",
      text: "The first 230 characters say nothing only this job could prompt: mention its title or a phrase from the post.",
    });
  }
  return { chars, words, issues, preview, keywords: { covered, missing } };
}

/** The opening names the title, one of the job's keywords, or quotes four words in a row from the post. */
function opensWithThisJob(opening: string, job: Job, keywords: readonly string[]): boolean {
  const lower = opening.toLowerCase();
  if (job.title && lower.includes(collapse(job.title).toLowerCase())) return true;
  if (keywords.some((k) => mentions(opening, k))) return true;
  const words = (job.description ?? "").toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const openingWords = ` ${(lower.match(/[a-z0-9']+/g) ?? []).join(" ")} `;
  for (let i = 0; i + 4 <= words.length; i++) {
    if (openingWords.includes(` ${words.slice(i, i + 4).join(" ")} `)) return true;
  }
  return false;
}
