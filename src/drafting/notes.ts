/**
 * Decline, referral and follow-up notes. The decline reason is one of Upwork's own (the list the
 * decline dialog offers, as seen in public clones of it; not checked against the live site).
 */
import type { DeclineReason, DraftTerms } from "../shared/draft";
import type { Client, Job } from "../shared/records";
import type { Settings } from "../shared/settings";
import { DEFAULT_TEMPLATES } from "../shared/settings";
import { joinList, matchedSkills } from "./skills";
import { fillTemplate } from "./template";

export const DECLINE_REASONS = [
  { id: "not-a-fit", label: "Job is not a fit for my skills" },
  { id: "not-interested", label: "Not interested in work described" },
  { id: "too-busy", label: "Too busy on other projects" },
  { id: "client-inexperienced", label: "Client has too little Upwork experience" },
  { id: "budget-too-low", label: "Proposed rate or budget too low" },
  { id: "spam", label: "Spam" },
  { id: "free-work", label: "Client asked for free work" },
  { id: "outside-upwork", label: "Client asked to work outside Upwork" },
  { id: "other", label: "Other" },
] as const satisfies readonly DeclineReason[];

export type DeclineReasonId = (typeof DECLINE_REASONS)[number]["id"];

const reason = (id: DeclineReasonId): DeclineReason => ({ ...DECLINE_REASONS.find((r) => r.id === id)! });

/** The courteous sentence for each reason; never blames the client. */
const REASON_SENTENCES: Record<DeclineReasonId, string> = {
  "not-a-fit": "After reading the post, I don't think my skills are the best match for what you need.",
  "not-interested": "After reading the post, I don't think I'm the right person for this one.",
  "too-busy": "My schedule is full right now, and I wouldn't be able to give your project the attention it deserves.",
  "client-inexperienced": "I don't think I'm the right person for this one.",
  "budget-too-low": "The budget is below what I can work for on a project like this.",
  spam: "I won't be able to take this on.",
  "free-work": "I don't do unpaid test work, so I'll pass on this one.",
  "outside-upwork": "I keep all my work and communication on Upwork, so I'll pass on this one.",
  other: "I won't be able to take this on.",
};

const OFF_PLATFORM =
  /\b(?:whats\s?app|telegram|skype|signal|wechat|discord|e-?mail me|text me|outside (?:of )?upwork)\b/i;
const FREE_WORK = /\b(?:unpaid|free) (?:test|trial|sample)|test (?:task|project) (?:is )?(?:unpaid|free)\b/i;

/** The reason Upwork's decline dialog should get, from what the post and the terms show. */
export function pickDeclineReason(
  job: Job,
  client: Client | null,
  terms: DraftTerms,
  settings: Settings,
): DeclineReason {
  const text = `${job.title ?? ""}\n${job.description ?? ""}`;
  if (OFF_PLATFORM.test(text)) return reason("outside-upwork");
  if (FREE_WORK.test(text)) return reason("free-work");
  const hasProfile = settings.profile.skills.length > 0;
  if (hasProfile && job.skills.length > 0 && matchedSkills(job, settings.profile).length === 0)
    return reason("not-a-fit");
  const minHourly = settings.rates.minimumHourly;
  const minFixed = settings.rates.minimumFixed;
  if (job.budget?.type === "hourly" && minHourly != null && job.budget.max != null && job.budget.max < minHourly)
    return reason("budget-too-low");
  if (job.budget?.type === "fixed" && minFixed != null && job.budget.amount != null && job.budget.amount < minFixed)
    return reason("budget-too-low");
  if (
    terms.kind === "hourly" &&
    minHourly != null &&
    client?.avgHourlyRatePaid != null &&
    client.avgHourlyRatePaid < minHourly
  )
    return reason("budget-too-low");
  // Neutral by default: it states no fact about the user's schedule or the client.
  return reason("not-interested");
}

function title(job: Job): string {
  return job.title ? `“${job.title}”` : "your project";
}

function name(settings: Settings): string {
  return settings.profile.name.trim() || "[your name]";
}

export function noteValues(
  job: Job,
  settings: Settings,
  declineReason: DeclineReason,
  invited: boolean,
): Record<string, string> {
  const skills = matchedSkills(job, settings.profile).slice(0, 3);
  return {
    jobTitle: job.title ?? "[the job's title]",
    project: title(job),
    thanks: invited ? `Thank you for inviting me to ${title(job)}.` : `Thank you for posting ${title(job)}.`,
    reason: REASON_SENTENCES[declineReason.id as DeclineReasonId] ?? REASON_SENTENCES.other,
    reasonLabel: declineReason.label,
    name: name(settings),
    skillsList: skills.length ? joinList(skills) : "[your matching skills]",
    summary: skills.length
      ? `In short: I work with ${joinList(skills)} and can start [when].`
      : "In short: [one line on why you fit].",
  };
}

export function draftNotes(
  job: Job,
  client: Client | null,
  terms: DraftTerms,
  settings: Settings,
  invited: boolean,
): { decline: string; declineReason: DeclineReason; referral: string; followUp: string } {
  const declineReason = pickDeclineReason(job, client, terms, settings);
  const values = noteValues(job, settings, declineReason, invited);
  const t = settings.templates;
  return {
    decline: fillTemplate(t.decline.trim() || DEFAULT_TEMPLATES.decline, values),
    declineReason,
    referral: fillTemplate(t.referral.trim() || DEFAULT_TEMPLATES.referral, values),
    followUp: fillTemplate(t.followUp.trim() || DEFAULT_TEMPLATES.followUp, values),
  };
}
