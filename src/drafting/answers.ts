/**
 * Skeleton answers to the screening questions: what the profile and the terms already say, and a
 * `[placeholder]` for what only the user knows. Questions are matched by topic, first rule wins.
 */
import type { DraftAnswer, DraftTerms } from "../shared/draft";
import type { Job } from "../shared/records";
import type { Settings } from "../shared/settings";
import { relevantPortfolio } from "./cover-letter";
import { joinList, matchedSkills } from "./skills";
import { DURATION_LABELS } from "./terms";

interface AnswerContext {
  job: Job;
  settings: Settings;
  terms: DraftTerms;
}

type Rule = readonly [RegExp, (ctx: AnswerContext) => string];

function proof(ctx: AnswerContext): string {
  const item = relevantPortfolio(ctx.job, ctx.settings.profile.portfolio, 1)[0];
  if (!item) return "[a similar project you did, what you built and the result]";
  const outcome = item.outcome?.trim()
    ? ` The result: ${item.outcome.trim().replace(/(?<![.!])[.!]+$/, "")}.`
    : " [the result]";
  return `A recent example is ${item.title}: [what you built and how].${outcome}${item.url ? ` ${item.url}` : ""}`;
}

function termsLine(terms: DraftTerms): string {
  if (terms.kind === "hourly")
    return terms.rate != null ? `My rate for this job is $${terms.rate}/h.` : "[your hourly rate]";
  return terms.amount != null
    ? `I'd do it for $${terms.amount} fixed${terms.milestones.length > 1 ? `, in ${terms.milestones.length} milestones` : ""}.`
    : "[your bid]";
}

/** Whole words only: "rate" must not match inside "migrate". */
const words = (alternatives: string) => new RegExp(String.raw`\b(?:${alternatives})\b`, "i");

const RULES: readonly Rule[] = [
  [
    words("portfolio|examples?|samples?|links?|github|previous work|show (?:us|me)"),
    (ctx) => {
      const items = relevantPortfolio(ctx.job, ctx.settings.profile.portfolio, 3);
      if (!items.length) return "[links to work like this]";
      return items
        .map(
          (i) =>
            `- ${i.title}${i.url ? `: ${i.url}` : ""}${i.outcome ? ` (${i.outcome.trim().replace(/(?<![.!])[.!]+$/, "")})` : ""}`,
        )
        .join("\n");
    },
  ],
  [
    words("how would you|how will you|how do you plan|approach|plan|process|method"),
    () => "I would: 1. [first step]; 2. [second step]; 3. [how you would check the result].",
  ],
  [words("experience|similar|worked on|background|done (?:this|before)|projects?|shipped|built"), (ctx) => proof(ctx)],
  [
    words("rates?|budget|price|pricing|cost|charge|quote"),
    (ctx) => `${termsLine(ctx.terms)} [what the price includes]`,
  ],
  [
    words("how long|timeline|time ?frame|deadline|estimate|when can you (?:finish|deliver)|duration"),
    (ctx) =>
      ctx.terms.duration
        ? `I estimate ${DURATION_LABELS[ctx.terms.duration].toLowerCase()}. [the main steps and what could change it]`
        : "[your estimate and the main steps]",
  ],
  [
    words("availab\\w*|start|hours? (?:per|a|each) week|time ?zone|schedule|full[- ]time|part[- ]time"),
    () => "I can start [date] and work [hours] hours a week; my time zone is [time zone].",
  ],
  [
    words("why|fit|choose you|hire you|qualif\\w*|strengths?"),
    (ctx) => {
      const skills = matchedSkills(ctx.job, ctx.settings.profile);
      return skills.length
        ? `I work with ${joinList(skills.slice(0, 5))}, which this job needs. [one proof from your work]`
        : "[why you fit this job]";
    },
  ],
  [words("questions? (?:for|do you have)|anything else|clarif\\w*"), () => "[a question about the project]"],
];

export function draftAnswers(questions: readonly string[], ctx: AnswerContext): DraftAnswer[] {
  const seen = new Set<string>();
  const out: DraftAnswer[] = [];
  for (const raw of questions) {
    const question = raw.replace(/\s+/g, " ").trim();
    const key = question.toLowerCase();
    if (!question || seen.has(key)) continue;
    seen.add(key);
    const rule = RULES.find(([pattern]) => pattern.test(question));
    out.push({ question, answer: rule ? rule[1](ctx) : "[your answer]" });
  }
  return out;
}
