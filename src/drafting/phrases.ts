/**
 * Reading the job post for what the letter must echo: a phrase only this job could prompt, what
 * the post asks applicants to tell, and a "start your proposal with …" word. Plain heuristics over
 * sentences; deterministic, no language model.
 */
import type { Job } from "../shared/records";
import { mentions } from "./skills";
import { MAX_SCANNED_CHARS, sliceWhole } from "../shared/text";

/** Sentences of a post, whitespace collapsed; bullet lines count as sentences. */
export function sentences(text: string | null): string[] {
  if (!text) return [];
  return sliceWhole(text, MAX_SCANNED_CHARS)
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"“(\-•*])/)
    .map((s) =>
      s
        .replace(/^[\s\-•*–\d.)]+/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((s) => s.length > 0);
}

const WANT =
  /\b(?:looking for|seeking|searching for|we need|i need|need(?:s|ed)? (?:someone|a|an|to)|want(?:s)? (?:to|a|an|someone)|hire|hiring)\b\s*/i;

/**
 * The sentence without its closing dots ("Can you start today..." → "Can you start today"). A loop,
 * not a pattern: `/\.+$/` backtracks quadratically over a long run of dots, and the lookbehind that
 * prevents it made the ReDoS checker's verdict depend on its random fuzzing.
 */
function withoutFinalDots(sentence: string): string {
  let end = sentence.length;
  while (end > 0 && sentence[end - 1] === ".") end--;
  return sentence.slice(0, end);
}

/** Cut at a word boundary so a quote never ends mid-word (nor mid-character). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceWhole(text, max + 1).replace(/(?<!\s)\s+\S*$/, "");
  return `${sliceWhole(cut, max).replace(/(?<![,;:\-–])[,;:\-–]+$/, "")}…`;
}

/**
 * The phrase of the post most specific to this job: the clause after "looking for"/"need" in the
 * sentence that names most of the job's skills, preferring early sentences. Null without a post.
 */
export function jobPhrase(job: Job): string | null {
  let best: { phrase: string; score: number } | null = null;
  const all = sentences(job.description);
  all.forEach((sentence, index) => {
    if (ASK.test(sentence) || sentence.endsWith("?")) return; // those are the post's questions, answered elsewhere
    const want = WANT.exec(sentence);
    const clause = (want ? sentence.slice(want.index + want[0].length) : sentence)
      .replace(/(?<![.!:;])[.!:;]+$/, "")
      .trim();
    if (clause.length < 12) return;
    const skillHits = job.skills.filter((s) => mentions(sentence, s)).length;
    // "Stack: A, B, C" lines name skills but say nothing only this job could prompt.
    const listLike =
      (/^[^:]{1,20}:/.test(sentence) && (sentence.match(/,/g) ?? []).length >= 2) ||
      (skillHits >= 3 && sentence.split(" ").length <= 8);
    const score =
      (want ? 4 : 0) +
      Math.min(skillHits, 2) * 1.5 +
      (clause.length >= 30 && clause.length <= 140 ? 1 : 0) -
      index * 0.3 -
      (listLike ? 3 : 0);
    if (!best || score > best.score) best = { phrase: clause, score };
  });
  const chosen = best as { phrase: string; score: number } | null;
  return chosen ? clip(chosen.phrase, 100) : null;
}

/** "Please … include/share/tell …" or "in your proposal": two linear tests (one pattern with `.*` between them backtracks). */
const PLEASE = /\b(?:please|kindly)\b/i;
const ASK_VERB = /\b(?:include|share|tell|describe|send|mention|provide|list|explain|attach|let (?:me|us) know)\b/i;
const IN_YOUR = /\b(?:in your (?:proposal|application|cover letter|reply)|when (?:applying|you apply))\b/i;
const ASK = {
  test(sentence: string): boolean {
    const please = PLEASE.exec(sentence);
    return (please != null && ASK_VERB.test(sentence.slice(please.index + please[0].length))) || IN_YOUR.test(sentence);
  },
};

/** What the post asks applicants to tell in their proposal, as the post says it (at most 3). */
export function postAsks(job: Job): string[] {
  const out: string[] = [];
  for (const sentence of sentences(job.description)) {
    if (MAGIC.test(sentence)) continue; // handled by magicWord
    if (ASK.test(sentence) || (sentence.endsWith("?") && sentence.length >= 15))
      out.push(clip(withoutFinalDots(sentence), 160));
    if (out.length === 3) break;
  }
  return out;
}

const MAGIC =
  /\b(?:start|begin)\s+(?:your|the)\s+(?:proposal|application|cover letter|reply|message)\s+with\s+(?:the\s+(?:word|phrase)\s+)?["'“‘]?([A-Za-z][\w-]{1,30})["'”’]?/i;

/** The word a post asks proposals to start with, a common filter against copy-paste floods. */
export function magicWord(job: Job): string | null {
  return MAGIC.exec(sliceWhole(job.description ?? "", MAX_SCANNED_CHARS))?.[1] ?? null;
}
