/**
 * Flags read from the job post's own words (title, description, screening questions).
 * Pure: text in, flags out.
 *
 * The patterns look for a *request*, not a mention: "build a WhatsApp integration" or "Telegram bot"
 * is a legitimate job, "contact me on WhatsApp" is a request to leave Upwork. Other tools match the
 * bare app names and flag every messaging-bot job.
 */
import type { Flag } from "../shared/score";
import type { Job } from "../shared/records";
import { MAX_SCANNED_CHARS, sliceWhole } from "../shared/text";
import { flag } from "./flag";

const APPS = "whats\\s?app|telegram|skype|signal|wechat|viber|discord|e-?mail|gmail|phone|cell|mobile number";
const CONTACT_VERB = "contact|reach|message|text|add|ping|dm|write|talk|call|chat|email|connect|send";

const OFF_PLATFORM: RegExp[] = [
  // "contact me on WhatsApp", "reach us via telegram", "text me at"
  new RegExp(`\\b(${CONTACT_VERB})\\s+(me|us)\\s+(on|via|at|through|over|by)\\s+(${APPS})\\b`, "i"),
  // "my WhatsApp is", "our telegram: @handle", "my email"
  new RegExp(`\\b(my|our)\\s+(${APPS})(\\s+(id|number|handle|address))?\\s*(is|:|-)`, "i"),
  // "WhatsApp: +39 …", "telegram @someone"
  new RegExp(`\\b(${APPS})[:\\-]?\\s{0,3}(\\+?\\d[\\d().-]{0,3}(?:\\s?[\\d().-]){7,20}|@[a-z0-9_]{3,})`, "i"),
  /(^|\s)\+\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b/,
  // "outside of Upwork", "off Upwork", "pay outside the platform"
  /\b(outside|off)\s+(of\s+)?(upwork|the\s+platform)\b/i,
];

const UNPAID_TEST: RegExp[] = [
  /\b(unpaid|free|non-?paid|no-?pay)\s+(test|trial|sample|task|assignment)\b/i,
  /\b(test|trial|sample)(\s+(task|project|work|assignment))?\s+(is|will\s+be|are|won'?t\s+be)\s+(unpaid|not\s+paid|free|without\s+pay(ment)?)\b/i,
  /\b(test|trial|sample)(?:\s+(task|project|work|assignment))?\s+(for\s+free|without\s+pay(ment)?)\b/i,
];

const CREDENTIALS: RegExp[] = [
  /\b(send|share|give|provide)\s+(me|us)\s+(your\s+)?(password|login|credentials|bank\s+details|id\s+card|passport|ssn|social\s+security)/i,
  /\byour\s+(upwork\s+)?(login|password|account)\s+(details|credentials|info(rmation)?)\b/i,
  /\b(rent|share|use|buy)\s+your\s+(upwork\s+)?(account|profile)\b/i,
  /\b(log\s?in|sign\s?in)\s+(to|with|into)\s+your\s+(upwork\s+)?account\b/i,
  /\b(id|passport)\s+(scan|copy|photo)\b/i,
];

export interface PostFlags {
  flags: Flag[];
  /** True when a red flag from the text applies (the score is capped). */
  red: boolean;
}

function matchesAny(text: string, patterns: RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

// An e-mail address, checked around each "@" (one pattern over the whole text backtracks on "a.a.a.…").
const EMAIL_LOCAL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}$/i;
const EMAIL_DOMAIN = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}\b/i;
function hasEmail(text: string): boolean {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (EMAIL_LOCAL.test(text.slice(Math.max(0, at - 65), at)) && EMAIL_DOMAIN.test(text.slice(at + 1, at + 600)))
      return true;
  }
  return false;
}

/** What a stranger's words may ask that no honest client does: each a red flag wherever it is said. */
type Ask = "off-platform" | "unpaid-test" | "credentials";
const ASKS: Array<{ ask: Ask; found: (text: string) => boolean }> = [
  { ask: "off-platform", found: (text) => matchesAny(text, OFF_PLATFORM) || hasEmail(text) },
  { ask: "unpaid-test", found: (text) => matchesAny(text, UNPAID_TEST) },
  { ask: "credentials", found: (text) => matchesAny(text, CREDENTIALS) },
];

/** The red asks in a text, as flags `<source>-<ask>` (the catalogue words them "<The post> asks …"). Bounded like every check. */
function askFlags(text: string, source: "post" | "message"): Flag[] {
  const bounded = sliceWhole(text, MAX_SCANNED_CHARS);
  return ASKS.filter((a) => a.found(bounded)).map((a) => {
    const id = `${source}-${a.ask}` as const;
    return flag(id, "red", id);
  });
}

/** Red flags in the client's invitation message: the same asks as in a post. */
export function messageFlags(message: string | null): PostFlags {
  const flags = message ? askFlags(message, "message") : [];
  return { flags, red: flags.length > 0 };
}

/** The post's text flags; `shortPostChars` is the length under which the post says too little. */
export function postTextFlags(
  job: Pick<Job, "title" | "description" | "questions">,
  shortPostChars: number,
): PostFlags {
  // Bounded: the checks see at most MAX_SCANNED_CHARS of the post, whatever a stranger pastes into it.
  const text = [job.title, job.description, ...job.questions].filter((t): t is string => !!t).join("\n");
  const flags: Flag[] = askFlags(text, "post");
  const red = flags.length > 0;
  const length = job.description?.length ?? 0;
  if (job.description !== null && length < shortPostChars)
    flags.push(flag("post-short", "amber", "post-short", { length }));
  if (
    job.description &&
    /\b(deliverables?|acceptance criteria|milestones?)\b/i.test(job.description) &&
    length >= shortPostChars
  )
    flags.push(flag("post-deliverables", "green", "post-deliverables"));
  return { flags, red };
}
