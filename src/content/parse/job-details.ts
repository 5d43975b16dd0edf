/** The "Job details" card shared by the apply form, the invitation page and the proposal page → Job. */
import type { Job } from "../../shared/records";
import { attr, qs, qsa, sectionByHeading, visibleLines, visibleText, type Headings } from "../anchors/dom";
import { DETAILS, DETAILS_HEADINGS, DETAILS_ROOT, FEATURE_ICONS, FEATURE_LABELS } from "../anchors/apply";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { canonicalJobUrl, cipherFromUrl } from "../routes";
import { parseDateOrRelative, parseDuration, parseExperience, parseHoursPerWeek, parseMoney, parseMoneyRange } from "./values";

export function findDetailsCard(root: ParentNode, headings: Headings): Element | null {
  return resolveElement(root, DETAILS_ROOT) ?? sectionByHeading(headings, DETAILS_HEADINGS);
}

/** Description text with the truncation's "…" removed; `truncated` tells whether the page cut it. */
export function descriptionText(el: Element | null): { text: string | null; truncated: boolean } {
  const t = visibleLines(el);
  if (!t) return { text: null, truncated: false };
  const truncated = /(…|\.\.\.)$/.test(t);
  const text = t.replace(/^Summary\s*\n?/, "").replace(/\s*(…|\.\.\.)$/, "").trim();
  return { text: text || null, truncated };
}

interface FeatureRows {
  experience?: string;
  hourly?: Element;
  fixed?: Element;
  hoursPerWeek?: string;
  duration?: string;
}

function featureRows(card: Element): FeatureRows {
  const rows: FeatureRows = {};
  for (const li of qsa(card, DETAILS.features[0]!.sel)) {
    const value = visibleText(qs(li, "strong"));
    const label = visibleText(qs(li, "small")) ?? "";
    const has = (k: keyof typeof FEATURE_ICONS) => qs(li, FEATURE_ICONS[k]) != null;
    if (!value) continue;
    if (has("experience") || FEATURE_LABELS.experience.test(label)) rows.experience ??= value;
    else if (has("hourly") || FEATURE_LABELS.hourly.test(label)) rows.hourly ??= li;
    else if (has("fixed") || FEATURE_LABELS.fixed.test(label)) rows.fixed ??= li;
    else if (has("duration") || FEATURE_LABELS.duration.test(label)) rows.duration ??= value;
    else if (FEATURE_LABELS.hoursPerWeek.test(label)) rows.hoursPerWeek ??= value;
  }
  return rows;
}

/** Fields the card does not show but the surrounding page does (apply form: connects, questions). */
export interface JobExtras {
  connectsRequired?: number | null;
  questions?: string[];
}

export function parseJobDetailsCard(root: ParentNode, headings: Headings, url: string, ctx: Ctx, p = "job", extra: JobExtras = {}): Job {
  const card = findDetailsCard(root, headings);
  if (!card) ctx.warn(`${p}: no "Job details" card`);
  const s = new Scope(card);
  const f = <T>(name: string, fn: () => T | null) => ctx.read(`${p}.${name}`, fn);
  const rows = card ? featureRows(card) : {};
  const postingEl =
    resolveElement(card, DETAILS.posting) ?? qsa(card, "a[href*='/jobs/~']").find((a) => DETAILS.postingLabel.test(visibleText(a) ?? "")) ?? null;
  const cipher = cipherFromUrl(attr(postingEl, "href") ?? "") ?? cipherFromUrl(url);
  const desc = descriptionText(resolveElement(card, DETAILS.description));
  if (desc.truncated) ctx.warn(`${p}.description: shortened by the page ("more")`);
  return {
    ciphertext: f("ciphertext", () => cipher),
    url: f("url", () => (cipher ? canonicalJobUrl(cipher) : null)),
    title: f("title", () => resolve(s, DETAILS.title, (t) => t).value),
    category: f("category", () => resolve(s, DETAILS.category, (t) => t).value),
    postedAt: f("postedAt", () => resolve(s, DETAILS.postedAt, (t) => parseDateOrRelative(t, ctx.now)).value),
    description: f("description", () => desc.text),
    skills: ctx.list(`${p}.skills`, () => qsa(card, DETAILS.skills[0]!.sel).map((e) => visibleText(e)).filter((t): t is string => !!t)),
    budget: f("budget", () => {
      if (rows.fixed) return { type: "fixed" as const, amount: parseMoney(visibleText(qs(rows.fixed, "strong"))) };
      if (rows.hourly) {
        // Only a whole "$20.00 - $40.00": a lone figure could be either end.
        const r = parseMoneyRange(visibleText(qs(rows.hourly, "strong")));
        return { type: "hourly" as const, min: r?.max != null ? r.min : null, max: r?.max ?? null };
      }
      return null;
    }),
    experienceLevel: f("experienceLevel", () => parseExperience(rows.experience)),
    duration: f("duration", () => parseDuration(rows.duration)),
    hoursPerWeek: f("hoursPerWeek", () => parseHoursPerWeek(rows.hoursPerWeek)),
    projectType: f("projectType", () => null),
    locationRequirement: f("locationRequirement", () => null),
    connectsRequired: f("connectsRequired", () => extra.connectsRequired ?? null),
    questions: ctx.list(`${p}.questions`, () => extra.questions ?? []),
  };
}
