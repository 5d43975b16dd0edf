/** The "Job details" card shared by the apply form, the invitation page and the proposal page → Job. */
import type { Job } from "../../shared/records";
import { attr, qs, qsa, sectionByHeading, textsOf, visibleLines, visibleText, type Headings } from "../anchors/dom";
import { DETAILS, DETAILS_HEADINGS, DETAILS_ROOT, FEATURE_ICONS, FEATURE_LABELS } from "../anchors/apply";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { canonicalJobUrl, cipherFromUrl } from "../routes";
import {
  parseDateOrRelative,
  parseDuration,
  parseExperience,
  parseHoursPerWeek,
  parseMoney,
  parseMoneyRange,
} from "./values";

/** Description text with the truncation's "…" removed; `truncated` tells whether the page cut it. */
export function descriptionText(el: Element | null): { text: string | null; truncated: boolean } {
  const t = visibleLines(el);
  if (!t) return { text: null, truncated: false };
  const truncated = /(…|\.\.\.)$/.test(t);
  const text = t
    .replace(/^Summary\s*\n?/, "")
    .replace(/(?<![\s….])\s*(…|\.\.\.)$/, "")
    .trim();
  return { text: text || null, truncated };
}

type Rest = Omit<Job, "ciphertext" | "url" | "description">;

/** A Job's fields in record order: the address's ciphertext wins over the page's; the rest read by `spec`. */
export function jobFields(
  ctx: Ctx,
  p: string,
  url: string,
  pageCipher: string | null,
  description: string | null,
  spec: { [K in keyof Rest]: () => Rest[K] | null },
): Job {
  const cipher = cipherFromUrl(url) ?? pageCipher;
  const { title, category, postedAt, ...rest } = spec;
  const job = ctx.fields<Job>(
    p,
    {
      ciphertext: () => cipher,
      url: () => (cipher ? canonicalJobUrl(cipher) : null),
      title,
      category,
      postedAt,
      description: () => description,
      ...rest,
    },
    ["skills", "questions"],
  );
  // A budget whose kind is shown but not its figures: the figures are what is missing.
  const b = job.budget;
  const unread = b?.type === "fixed" ? { amount: b.amount } : b?.type === "hourly" ? { min: b.min, max: b.max } : {};
  for (const [k, v] of Object.entries(unread)) if (v == null) ctx.missing.push(`${p}.budget.${k}`);
  return job;
}

/** Fields the card does not show but the surrounding page does (apply form: connects, questions). */
export interface JobExtras {
  connectsRequired?: number | null;
  questions?: string[];
}

export function parseJobDetailsCard(
  root: ParentNode,
  headings: Headings,
  url: string,
  ctx: Ctx,
  p = "job",
  extra: JobExtras = {},
): Job {
  const card = resolveElement(root, DETAILS_ROOT) ?? sectionByHeading(headings, DETAILS_HEADINGS);
  if (!card) ctx.warn(p, "card not found");
  const s = new Scope(card);
  // Feature rows: icon first, then the row's small label.
  let experience: string | undefined,
    hourly: Element | undefined,
    fixed: Element | undefined,
    hoursPerWeek: string | undefined,
    duration: string | undefined;
  for (const li of qsa(card, DETAILS.features[0]!)) {
    const value = visibleText(qs(li, "strong"));
    const label = visibleText(qs(li, "small")) ?? "";
    const is = (k: keyof typeof FEATURE_LABELS) =>
      (k in FEATURE_ICONS && qs(li, FEATURE_ICONS[k as keyof typeof FEATURE_ICONS])) || FEATURE_LABELS[k].test(label);
    if (!value) continue;
    if (is("experience")) experience ??= value;
    else if (is("hourly")) hourly ??= li;
    else if (is("fixed")) fixed ??= li;
    else if (is("duration")) duration ??= value;
    else if (is("hoursPerWeek")) hoursPerWeek ??= value;
  }
  const postingEl =
    resolveElement(card, DETAILS.posting) ??
    qsa(card, "a[href*='/jobs/~']").find((a) => DETAILS.postingLabel.test(visibleText(a) ?? "")) ??
    null;
  const desc = descriptionText(resolveElement(card, DETAILS.description));
  if (desc.truncated) ctx.warn(`${p}.description`, "shortened");
  // The card's posting link wins over the address.
  return jobFields(ctx, p, attr(postingEl, "href") ?? "", cipherFromUrl(url), desc.text, {
    title: () => resolve(s, DETAILS.title, (t) => t),
    category: () => resolve(s, DETAILS.category, (t) => t),
    postedAt: () => resolve(s, DETAILS.postedAt, (t) => parseDateOrRelative(t, ctx.now)),
    skills: () => textsOf(qsa(card, DETAILS.skills[0]!)),
    budget: () => {
      if (fixed) return { type: "fixed" as const, amount: parseMoney(visibleText(qs(fixed, "strong"))) };
      if (hourly) {
        // Only a whole "$20.00 - $40.00": a lone figure could be either end.
        const r = parseMoneyRange(visibleText(qs(hourly, "strong")));
        return { type: "hourly" as const, min: r?.max != null ? r.min : null, max: r?.max ?? null };
      }
      return null;
    },
    experienceLevel: () => parseExperience(experience),
    duration: () => parseDuration(duration),
    hoursPerWeek: () => parseHoursPerWeek(hoursPerWeek),
    projectType: () => null,
    locationRequirement: () => null,
    connectsRequired: () => extra.connectsRequired ?? null,
    questions: () => extra.questions ?? [],
  });
}
