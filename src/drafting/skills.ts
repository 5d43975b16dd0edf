/**
 * Skill matching shared by the letter, the terms, the notes and the check. Claims come only from
 * the profile's own skills list, spelled as the user spelled them.
 */
import type { Job } from "../shared/records";
import type { Profile } from "../shared/settings";
import { skillKey } from "../shared/skills";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A pattern that finds a skill as a whole term in free text, tolerant of spacing and of the
 * ".js"/".io" suffix ("React Native" finds "react-native"; "Node.js" finds "Node").
 */
export function skillPattern(skill: string): RegExp {
  const core = skill.trim().replace(/\.(js|io)$/i, "");
  const parts = core
    .split(/[\s\-_]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  const body = parts.join(String.raw`[\s\-_]?`);
  // Lookarounds rather than \b so "C++" and "C#" still match as terms.
  // Short names ("Go", "R", "C") are ordinary words in lower case, so match them case-sensitively.
  const flags = core.length <= 3 ? "" : "i";
  return new RegExp(String.raw`(?<![A-Za-z0-9])${body}(?:\.?(?:js|io))?(?![A-Za-z0-9+#])`, flags);
}

export function mentions(text: string, skill: string): boolean {
  return skill.trim() !== "" && skillPattern(skill).test(text);
}

/** The profile's skills, deduplicated by key, in the profile's order. */
export function profileSkills(profile: Profile): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of profile.skills) {
    const key = skillKey(s);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(s.trim());
    }
  }
  return out;
}

/** The job's own skill tags plus its title and description, for finding what it asks for. */
function jobText(job: Job): string {
  return [job.title ?? "", job.description ?? ""].join("\n");
}

/**
 * The user's skills that the job asks for: tagged on the job first (in the job's order), then
 * mentioned in its title or description. Spelled as in the profile, so the letter claims only those.
 */
export function matchedSkills(job: Job, profile: Profile): string[] {
  const mine = profileSkills(profile);
  const byKey = new Map(mine.map((s) => [skillKey(s), s]));
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  for (const tag of job.skills) {
    const hit = byKey.get(skillKey(tag));
    if (hit) add(hit);
  }
  const text = jobText(job);
  for (const s of mine) if (mentions(text, s)) add(s);
  return out;
}

/** Overlap between a skill list and the job (tags or text), by key. */
export function overlapWithJob(skills: readonly string[], job: Job): string[] {
  const tags = new Set(job.skills.map(skillKey));
  const text = jobText(job);
  return skills.filter((s) => tags.has(skillKey(s)) || mentions(text, s));
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
