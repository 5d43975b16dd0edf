/**
 * The one rule for which of the user's profiles (general or specialized) fits a job best, by the
 * job's listed skills: the fit score names it and the drafted terms take its rate, so the panel and
 * the draft never name two different profiles. Pure.
 */
import type { Profile } from "./settings";
import { skillKey } from "./skills";

export interface ProfileMatch {
  name: string;
  specialized: boolean;
  /** The job's skills (as the job spells them) that the profile has. */
  matched: string[];
  /** matched ÷ the job's skills, 0–1. */
  share: number;
}

/**
 * The profile covering most of the job's skills. Ties go to a specialized profile, then to the one
 * with fewer skills (the narrower profile is the more convincing one to apply with). Null when the
 * job lists no skills or the user has none to compare.
 */
export function bestProfile(jobSkills: string[], profile: Profile): ProfileMatch | null {
  if (jobSkills.length === 0) return null;
  const candidates = [
    { name: "General profile", specialized: false, skills: profile.skills },
    ...profile.specializedProfiles.map((p) => ({ name: p.name, specialized: true, skills: p.skills })),
  ].filter((c) => c.skills.length > 0);
  if (candidates.length === 0) return null;
  let best: (ProfileMatch & { size: number }) | null = null;
  for (const c of candidates) {
    const own = new Set(c.skills.map(skillKey));
    const matched = jobSkills.filter((s) => own.has(skillKey(s)));
    const m = {
      name: c.name,
      specialized: c.specialized,
      matched,
      share: matched.length / jobSkills.length,
      size: c.skills.length,
    };
    const better =
      best === null ||
      m.matched.length > best.matched.length ||
      (m.matched.length === best.matched.length && m.specialized && !best.specialized) ||
      (m.matched.length === best.matched.length && m.specialized === best.specialized && m.size < best.size);
    if (better) best = m;
  }
  if (best === null) return null;
  const { size: _size, ...match } = best;
  return { ...match, share: Math.round(match.share * 1000) / 1000 };
}
