/** The job card of the job page and of the find-work slider → Job (REFERENCE.md §2.4). */
import type { Budget, Job } from "../../shared/records";
import {
  attr,
  byOwnText,
  closest,
  qs,
  qsa,
  sectionByHeading,
  textsOf,
  visibleText,
  type Headings,
} from "../anchors/dom";
import { BUDGET_LABELS, CARD_TEXT_END, CONNECTS, FEATURES_LABELS, JOB, JOB_ROOT, SUMMARY_LABEL } from "../anchors/job";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import {
  parseCount,
  parseDateOrRelative,
  parseDuration,
  parseExperience,
  parseHoursPerWeek,
  parseMoney,
  parseMoneyRange,
} from "./values";
import { descriptionText, jobFields } from "./job-details";

const QUESTIONS_LABEL = /You will be asked to answer the following questions/i;
/** A range "$20.00 - $40.00" as a budget; a lone figure could be either end, so it is none. */
const hourly = (text: string | null | undefined): Budget => {
  const r = parseMoneyRange(text);
  return r?.max != null ? { type: "hourly", min: r.min, max: r.max } : null;
};

function budgetOf(card: Scope): Budget {
  // The budget row: the fixed-price or hourly icon's row, else the row around Upwork's BudgetAmount.
  // A row that is present decides alone: unreadable figures give null amounts, never a guess from elsewhere.
  const row =
    resolveElement(card.el, JOB.fixedPrice) ??
    resolveElement(card.el, JOB.hourlyRange) ??
    resolveElement(card.el, JOB.budgetRow);
  if (row) {
    const kind = budgetKind(row);
    const amounts = qsa(row, "strong")
      .map((s) => parseMoney(visibleText(s)))
      .filter((v): v is number => v != null);
    if (kind === "fixed") return { type: "fixed", amount: amounts.length === 1 ? amounts[0]! : null };
    if (kind === "hourly") {
      if (amounts.length === 2) return { type: "hourly", min: amounts[0]!, max: amounts[1]! };
      // A lone figure is the client's single rate only where Upwork marks it as the one amount and
      // no range dash is left; otherwise it could be either end of a range.
      const single =
        amounts.length === 1 &&
        qsa(row, JOB.budgetRow[1] as string).length === 1 &&
        !/\s[-–]\s|\bto\b/.test(visibleText(row) ?? "");
      return { type: "hourly", min: single ? amounts[0]! : null, max: single ? amounts[0]! : null };
    }
  }
  // An hourly job with no rate shows "Hourly" under its hours-per-week row only.
  const hours = resolveElement(card.el, JOB.hoursPerWeek);
  if (hours && BUDGET_LABELS.hourly.test(visibleText(qs(hours, ".description")) ?? ""))
    return { type: "hourly", min: null, max: null };
  // Labels: "$300.00 Fixed-price", "$20.00 - $40.00 Hourly", "Hourly: $15.00 - $30.00".
  const t = card.text;
  // The amount comes before its label here; history entries print "Fixed-price $625.00", label first.
  const fx = /(\$[\d,.]+)\s*Fixed[- ]price\b/i.exec(t);
  if (fx) return { type: "fixed", amount: parseMoney(fx[1]) };
  const hr = /(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)\s*Hourly\b|Hourly:?\s*(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)/i.exec(t);
  return hr ? hourly(hr[1] ?? hr[2]) : null;
}

/** The Connects a proposal costs, from the block that states it (by attribute, else by its label). */
function connectsOf(root: ParentNode, description: Element | null): number | null {
  const figure = (blocks: Element[]) => {
    for (const block of blocks) {
      const text = visibleText(block) ?? "";
      for (const re of CONNECTS.values) {
        const n = parseCount(re.exec(text)?.[1]);
        if (n != null) return n;
      }
    }
    return null;
  };
  // The label search walks the page's text: only when no block is marked.
  return (
    figure(CONNECTS.root.flatMap((sel) => qsa(root, sel))) ??
    figure(
      byOwnText(root, CONNECTS.label)
        .filter((el) => !description?.contains(el))
        .map((el) => el.parentElement ?? el),
    )
  );
}

/** A budget row's kind: its icon, else its small label ("Fixed-price" / "Hourly"). */
function budgetKind(row: Element): "fixed" | "hourly" | null {
  if (resolveElement(row, [JOB.fixedPrice[0]!.sel])) return "fixed";
  if (resolveElement(row, [JOB.hourlyRange[0]!.sel])) return "hourly";
  const label = visibleText(qs(row, ".description")) ?? "";
  return BUDGET_LABELS.fixed.test(label) ? "fixed" : BUDGET_LABELS.hourly.test(label) ? "hourly" : null;
}

export function parseJobCard(root: ParentNode, headings: Headings, url: string, ctx: Ctx, p = "job"): Job {
  const cardEl = resolveElement(root, JOB_ROOT) ?? (root as Document).body ?? null;
  const card = new Scope(cardEl, CARD_TEXT_END);
  const uid =
    attr(qs(cardEl, "[job-uid]"), "job-uid") ?? attr(qs(root, "[data-ev-opening_uid]"), "data-ev-opening_uid");
  const descEl =
    resolveElement(cardEl, JOB.description) ??
    byOwnText(cardEl, SUMMARY_LABEL, "strong, h2, h3, h4, h5")[0]?.parentElement ??
    null;
  const questionsIntro = byOwnText(cardEl, QUESTIONS_LABEL)[0];

  return jobFields(ctx, p, url, uid && /^\d{19}$/.test(uid) ? `~02${uid}` : null, descriptionText(descEl).text, {
    title: () => resolve(card, JOB.title, (t) => t) ?? visibleText(qs(cardEl, "h1, h4")),
    category: () => null,
    postedAt: () => resolve(card, JOB.postedAt, (t) => parseDateOrRelative(t.replace(/^Posted\s*/i, ""), ctx.now)),
    skills: () => {
      for (const a of JOB.skills) {
        const list = textsOf(qsa(cardEl, a));
        if (list.length) return list;
      }
      return textsOf(qsa(sectionByHeading(headings, FEATURES_LABELS), "a[href*='ontology_skill_uid']"));
    },
    budget: () => budgetOf(card),
    experienceLevel: () =>
      resolve(card, JOB.experience, (t) => parseExperience(/\b(Entry level|Intermediate|Expert)\b/.exec(t)?.[1])),
    duration: () => resolve(card, JOB.duration, parseDuration),
    hoursPerWeek: () => resolve(card, JOB.hoursPerWeek, parseHoursPerWeek),
    projectType: () =>
      resolve(card, JOB.projectType, (t) => (/project/i.test(t) ? t.replace(/^Project Type:\s*/i, "") || null : null)),
    locationRequirement: () => resolve(card, JOB.locationRequirement, (t) => t),
    connectsRequired: () => connectsOf(root, descEl),
    questions: () => textsOf(qsa(closest(questionsIntro, "section") ?? questionsIntro?.parentElement, "ol li, ul li")),
  });
}
