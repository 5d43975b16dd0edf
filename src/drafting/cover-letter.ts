/**
 * The cover-letter skeleton. Everything it says comes from the post or the profile; what only the
 * user can say is a visible `[placeholder]`. Order follows what clients read: thanks (invited) and
 * something only this job could prompt inside the first ~230 characters, then the matching skills,
 * proof from the portfolio, what the post asks to know, and a low-friction next step.
 */
import type { Job } from "../shared/records";
import type { PortfolioItem, Settings } from "../shared/settings";
import { DEFAULT_TEMPLATES } from "../shared/settings";
import { jobPhrase, magicWord, postAsks } from "./phrases";
import { skillKey } from "../shared/skills";
import { joinList, matchedSkills, overlapWithJob, profileSkills } from "./skills";
import { fillTemplate } from "./template";

export interface LetterInput {
  job: Job;
  invited: boolean;
}

/** Portfolio items ranked by how many of the job's skills they share; ties keep the user's order. */
export function relevantPortfolio(job: Job, portfolio: readonly PortfolioItem[], limit = 2): PortfolioItem[] {
  return portfolio
    .map((item, index) => ({ item, index, overlap: overlapWithJob(item.skills, job).length }))
    .filter((r) => r.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
    .slice(0, limit)
    .map((r) => r.item);
}

function quoteTitle(job: Job): string {
  return job.title ? `“${job.title}”` : "[the job's title]";
}

/** The values every `{{token}}` of a letter template can use. */
export function letterValues(input: LetterInput, settings: Settings): Record<string, string> {
  const { job, invited } = input;
  const profile = settings.profile;
  const skills = matchedSkills(job, profile);
  const claimable = new Set(profileSkills(profile).map(skillKey));
  const phrase = jobPhrase(job);

  const opening = invited
    ? job.title
      ? `Thank you for inviting me to ${quoteTitle(job)}.`
      : "Thank you for the invitation."
    : `I'd like to help with ${quoteTitle(job)}.`;
  const hook = phrase
    ? `You mention “${phrase}”: [one sentence on how you would approach it].`
    : "[one sentence about what in the post you can help with]";

  const shown = skills.slice(0, 6);
  const skillsLine = shown.length
    ? `I work with ${joinList(shown)}, which your post asks for.`
    : "[how your experience fits what the post asks for]";

  const items = relevantPortfolio(job, profile.portfolio);
  const portfolio = items.length
    ? [
        "Relevant work:",
        ...items.map((item) => {
          // Only the profile's own skills are named, so a portfolio tag never becomes a new claim.
          const tags = overlapWithJob(item.skills, job).filter((s) => claimable.has(skillKey(s)));
          const outcome = item.outcome?.trim().replace(/(?<![.!])[.!]+$/, "") || "[the result for the client]";
          const url = item.url?.trim() ? ` ${item.url.trim()}` : "";
          return `- ${item.title}${tags.length ? ` (${joinList(tags)})` : ""}: ${outcome}.${url}`;
        }),
      ].join("\n")
    : "[one sentence about a similar project and its result]";

  const asks = postAsks(job)
    .map((ask) => `About “${ask}”: [your answer]`)
    .join("\n");

  const nextStep =
    "I'd be glad to start with a short call to go over the details. One question first: [a question about the project]";

  return {
    jobTitle: job.title ?? "[the job's title]",
    jobPhrase: phrase ?? "[a phrase from the post]",
    opening,
    hook,
    skills: skillsLine,
    skillsList: shown.length ? joinList(shown) : "[your matching skills]",
    portfolio,
    asks,
    nextStep,
    name: profile.name.trim() || "[your name]",
    headline: profile.headline?.trim() || "",
  };
}

export function coverLetterTemplate(settings: Settings): string {
  return settings.templates.coverLetter.trim() || DEFAULT_TEMPLATES.coverLetter;
}

export function draftCoverLetter(input: LetterInput, settings: Settings, extra: Record<string, string> = {}): string {
  const letter = fillTemplate(coverLetterTemplate(settings), { ...letterValues(input, settings), ...extra });
  // A post that asks proposals to start with a word gets it first: it is how the client filters.
  const word = magicWord(input.job);
  if (word && !letter.toLowerCase().startsWith(word.toLowerCase())) return `${word}\n\n${letter}`;
  return letter;
}
