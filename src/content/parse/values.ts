/**
 * The value grammar (records.md §1, REFERENCE.md §4): pure text → value functions.
 * Every function returns null when the text does not hold a complete value; none guesses.
 * Relative times take the moment of reading (`now`) as an argument.
 */

/**
 * Invisible format characters a post can hide in its text: zero-width spaces and joiners, bidi
 * marks, embeddings, overrides and isolates, word joiners, the BOM and soft hyphens. A stranger's
 * title must not carry them into a record or a cover letter.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
export const stripInvisible = (text: string): string => text.replace(INVISIBLE, "");

/** Collapses whitespace, drops invisible format characters and trims; an empty result is null. */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const out = stripInvisible(text).replace(/\s+/g, " ").trim();
  return out === "" ? null : out;
}

/** Like `clean`, keeping line breaks: lines trimmed, runs of blank lines kept to one; empty is null. */
export function cleanLines(text: string): string | null {
  const out = stripInvisible(text)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return out || null;
}

// A number as Upwork prints it: "12,500", "3.8", "786.66". Comma groups must be whole so that
// "1,2" (a damaged "1,200") is refused rather than read as 12.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const toNumber = (s: string): number => Number(s.replace(/,/g, ""));

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };
// Built once: these run for every field read.
// The K/M/B suffix is upper case and touches the figure ("$11K", "$1.2M"): "$40 m-f" or "$500 B2B"
// are not millions, and a figure with cents ("$2,400.00") takes no suffix.
const MONEY = new RegExp(String.raw`\$\s?(${NUM})(?!,\d)(?:(?<!\.\d\d)([KMB])(?![A-Za-z0-9]))?`);
const MONEY_RANGE = new RegExp(String.raw`\$\s?(${NUM})\s*(?:-|–|to)\s*\$\s?(${NUM})`, "i");
const AVG_HOURLY = new RegExp(String.raw`\$\s?(${NUM})\s*/\s*hr`, "i");
const TOTAL_SPENT = new RegExp(String.raw`(\$\s?${NUM}\s?[KMB]?\+?)\s*(?:total\s+)?spent`, "i");
const BID = (label: string) => new RegExp(String.raw`${label}\s*\$\s?(${NUM})`, "i");
const BIDS = [BID("High"), BID("Avg"), BID("Low")] as const;
const COUNTS = new Map<string, RegExp>();

/** "$11K" → 11000, "$10K+" → 10000, "$1.2M" → 1200000, "$12,500" → 12500, "$5.00" → 5. */
export function parseMoney(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = MONEY.exec(text);
  if (!m) return null;
  const mult = m[2] ? SUFFIX[m[2]]! : 1;
  return Math.round(toNumber(m[1]!) * mult * 100) / 100;
}

/** "$20.00 - $40.00", "$20.00 to $40.00" → { min: 20, max: 40 }; a single "$20.00" → { min: 20, max: null }. */
export function parseMoneyRange(text: string | null | undefined): { min: number; max: number | null } | null {
  if (!text) return null;
  const m = MONEY_RANGE.exec(text);
  if (m) return { min: toNumber(m[1]!), max: toNumber(m[2]!) };
  const one = parseMoney(text);
  return one == null ? null : { min: one, max: null };
}

/** "68% hire rate" → 68. Values outside 0–100 are refused. */
export function parsePercent(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(\d{1,3}(?:\.\d+)?)\s?%/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return v >= 0 && v <= 100 ? v : null;
}

/** The first whole count in the text: "11,955 hours" → 11955. Refuses decimals ("4.5" is not a count). */
export function parseCount(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)/.exec(text);
  return m ? toNumber(m[1]!) : null;
}

/** A count that must be followed by a unit word: countBefore("157 hours", /hours?\b/) → 157. */
export function countBefore(text: string | null | undefined, unit: RegExp): number | null {
  if (!text) return null;
  let re = COUNTS.get(unit.source);
  if (!re)
    COUNTS.set(
      unit.source,
      (re = new RegExp(String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:${unit.source})`, "i")),
    );
  const m = re.exec(text);
  return m ? toNumber(m[1]!) : null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "Jul 7, 2014" / "July 7, 2014" → "2014-07-07". */
export function parseAbsoluteDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month < 0 || day < 1 || day > 31 || year < 2000 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCDate() !== day) return null; // "Feb 30"
  return d.toISOString().slice(0, 10);
}

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** Relative text against `now` → ISO timestamp: "4 minutes ago", "an hour ago", "yesterday", "last week", "just now". */
export function parseRelativeTime(text: string | null | undefined, now: Date): string | null {
  if (!text || Number.isNaN(now.getTime())) return null;
  const t = text.toLowerCase();
  let ms: number | null = null;
  if (/\b(just now|moments? ago|few seconds ago)\b/.test(t)) ms = 0;
  else if (/\byesterday\b/.test(t)) ms = UNIT_MS.day!;
  else {
    const last = /\blast (week|month|year)\b/.exec(t);
    const n = /(?<![\d.,])(\d+|an?)\s+(second|minute|hour|day|week|month|year)s?\s+ago\b/.exec(t);
    if (n) ms = (n[1] === "a" || n[1] === "an" ? 1 : Number(n[1])) * UNIT_MS[n[2]!]!;
    else if (last) ms = UNIT_MS[last[1]!]!;
  }
  return ms == null ? null : new Date(now.getTime() - ms).toISOString();
}

/** An absolute date when the text holds one (YYYY-MM-DD), else a relative time (ISO), else null. */
export function parseDateOrRelative(text: string | null | undefined, now: Date): string | null {
  return parseAbsoluteDate(text) ?? parseRelativeTime(text, now);
}

/** Proposals tier: "Less than 5" → {0,4}; "5 to 10" → {5,10}; "50+" → {50,null}. */
export function parseProposalsTier(text: string | null | undefined): { min: number; max: number | null } | null {
  if (!text) return null;
  const t = clean(text)!;
  const less = /^(?:proposals:\s*)?less than (\d+)$/i.exec(t);
  if (less) return { min: 0, max: Number(less[1]) - 1 };
  const range = /^(?:proposals:\s*)?(\d+) to (\d+)$/i.exec(t);
  if (range && Number(range[1]) <= Number(range[2])) return { min: Number(range[1]), max: Number(range[2]) };
  const plus = /^(?:proposals:\s*)?(\d+)\+$/i.exec(t);
  if (plus) return { min: Number(plus[1]), max: null };
  return null;
}

export type DurationValue = "less-than-1-month" | "1-3-months" | "3-6-months" | "more-than-6-months";
/** Long and short forms: "1 to 3 months", "1-3 months", "< 1 month", "More than 6 months", "6+ months". */
export function parseDuration(text: string | null | undefined): DurationValue | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/less than (a|1) month|<\s?1 month/.test(t)) return "less-than-1-month";
  if (/more than 6 months|6\+ months/.test(t)) return "more-than-6-months";
  if (/\b1\s?(to|-|–)\s?3 months\b/.test(t)) return "1-3-months";
  if (/\b3\s?(to|-|–)\s?6 months\b/.test(t)) return "3-6-months";
  return null;
}

export type HoursValue = "less-than-30" | "more-than-30" | "tbd";
/** "Less than 30 hrs/week", "More than 30 hrs/week", "30+ hrs/week", "Hours to be determined". */
export function parseHoursPerWeek(text: string | null | undefined): HoursValue | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/less than 30 hrs?\/week/.test(t)) return "less-than-30";
  if (/(more than 30|30\+) hrs?\/week/.test(t)) return "more-than-30";
  if (/hours to be determined|i'?m not sure/.test(t)) return "tbd";
  return null;
}

export type ExperienceValue = "entry" | "intermediate" | "expert";
/** "Entry level" / "Intermediate" / "Expert" (the whole text, so descriptions don't match). */
export function parseExperience(text: string | null | undefined): ExperienceValue | null {
  const t = clean(text)?.toLowerCase();
  if (!t) return null;
  if (/^entry(\s|-)?level$|^entry$/.test(t)) return "entry";
  if (/^intermediate$/.test(t)) return "intermediate";
  if (/^expert$/.test(t)) return "expert";
  return null;
}

/** "14 Connects" → 14. */
export function parseConnects(text: string | null | undefined): number | null {
  return countBefore(text, /connects?\b/);
}

/** A star rating 0–5 from "Rating is 4.3 out of 5", or a bare "4.3". */
export function parseRating(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /rating is (\d(?:\.\d+)?) out of 5/i.exec(text) ?? /^\s*(\d(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return v >= 0 && v <= 5 ? v : null;
}

/** "4.28 of 7 reviews" → { rating: 4.28, reviews: 7 }. */
export function parseReviews(text: string | null | undefined): { rating: number; reviews: number } | null {
  if (!text) return null;
  const m = /(\d(?:\.\d+)?)\s+of\s+(\d{1,3}(?:,\d{3})+|\d+)\s+reviews?\b/i.exec(text);
  if (!m) return null;
  const rating = Number(m[1]);
  return rating <= 5 ? { rating, reviews: toNumber(m[2]!) } : null;
}

/** "68% hire rate, 1 open job" → { hireRate: 68, openJobs: 1 }. */
export function parseHireRate(
  text: string | null | undefined,
): { hireRate: number | null; openJobs: number | null } | null {
  if (!text) return null;
  const rate = /(\d{1,3})\s?%\s*hire rate/i.exec(text);
  const open = countBefore(text, /open jobs?\b/);
  const hireRate = rate && Number(rate[1]) <= 100 ? Number(rate[1]) : null;
  return hireRate == null && open == null ? null : { hireRate, openJobs: open };
}

/** "19 hires, 7 active" → { hires: 19, active: 7 }. */
export function parseHires(text: string | null | undefined): { hires: number; active: number | null } | null {
  if (!text) return null;
  const m = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+hires?\b(?:,\s*(\d{1,3}(?:,\d{3})+|\d+)\s+active\b)?/i.exec(text);
  return m ? { hires: toNumber(m[1]!), active: m[2] ? toNumber(m[2]) : null } : null;
}

/** "$5.00 /hr avg hourly rate paid" → 5 (only with its label, so a bare "$5.00" is not taken for it). */
export function parseAvgHourly(text: string | null | undefined): number | null {
  if (!text || !/avg hourly rate paid/i.test(text)) return null;
  const m = AVG_HOURLY.exec(text);
  return m ? toNumber(m[1]!) : null;
}

/** "$11K total spent" → 11000 (only with its label). */
export function parseTotalSpent(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = TOTAL_SPENT.exec(text);
  return m ? parseMoney(m[1]) : null;
}

/** "1 new invitation to interview" → 1. */
export function parseNewInvitations(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(?<!\d)(\d+)\s+new\s+(?:invitations?|invites?)\b/i.exec(text);
  return m ? Number(m[1]) : null;
}

/** "Bid range - High $70.00 | Avg $42.73 | Low $30.00". */
export function parseBidRange(
  text: string | null | undefined,
): { high: number | null; avg: number | null; low: number | null } | null {
  if (!text || !/bid range/i.test(text)) return null;
  const [high, avg, low] = BIDS.map((re) => {
    const m = re.exec(text);
    return m ? toNumber(m[1]!) : null;
  });
  const out = { high: high!, avg: avg!, low: low! };
  return out.high == null && out.avg == null && out.low == null ? null : out;
}

/** "(17)" or "Invites from clients (3)" → the figure in parentheses. */
export function parseParenCount(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /\(\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\)/.exec(text);
  return m ? toNumber(m[1]!) : null;
}

/** "3792 characters left" → 3792. */
export function parseCharsLeft(text: string | null | undefined): number | null {
  return countBefore(text, /characters?\s+(?:left|remaining)\b/);
}
