/** The job card of the job page and of the find-work slider → Job (REFERENCE.md §2.4). */
import type { Budget, Job } from "../../shared/records";
import { attr, elementByOwnText, qs, qsa, sectionByHeading, visibleLines, visibleText, type Headings } from "../anchors/dom";
import { CARD_TEXT_END, FEATURES_LABELS, JOB, JOB_ROOT, SUMMARY_LABEL } from "../anchors/job";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { canonicalJobUrl, cipherFromUrl } from "../routes";
import {
  parseConnects,
  parseDateOrRelative,
  parseDuration,
  parseExperience,
  parseHoursPerWeek,
  parseMoney,
  parseMoneyRange,
} from "./values";
import { descriptionText } from "./job-details";

const QUESTIONS_LABEL = /You will be asked to answer the following questions/i;

export function findJobCard(root: ParentNode): Element | null {
  return resolveElement(root, JOB_ROOT);
}

function budgetOf(card: Scope): Budget {
  // A feature row that is present decides alone: if it is unreadable the budget is null, never a guess from elsewhere.
  const fixedRow = resolveElement(card.el, JOB.fixedPrice);
  if (fixedRow) {
    const amount = resolve(card, JOB.fixedPrice, (t) => (/fixed/i.test(t) || /^\$/.test(t) ? parseMoney(t) : null)).value;
    return { type: "fixed", amount };
  }
  const hourlyRow = resolveElement(card.el, JOB.hourlyRange);
  if (hourlyRow) {
    const amounts = qsa(hourlyRow, "strong").map((s) => parseMoney(visibleText(s))).filter((v): v is number => v != null);
    // Exactly two figures are min and max; a lone figure could be either end, more is ambiguous.
    if (amounts.length === 2) return { type: "hourly", min: amounts[0]!, max: amounts[1]! };
    const range = amounts.length === 1 ? parseMoneyRange(visibleText(hourlyRow)) : null;
    return range?.max != null ? { type: "hourly", min: range.min, max: range.max } : null;
  }
  // Labels: "$300.00 Fixed-price", "$20.00 - $40.00 Hourly", "Hourly: $15.00 - $30.00".
  const t = card.text;
  // The amount comes before its label here; history entries print "Fixed-price $625.00", label first.
  const fx = /(\$[\d,.]+)\s*Fixed[- ]price\b/i.exec(t);
  if (fx) return { type: "fixed", amount: parseMoney(fx[1]) };
  const hr = /(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)\s*Hourly\b|Hourly:?\s*(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)/i.exec(t);
  if (hr) {
    const r = parseMoneyRange(hr[1] ?? hr[2]);
    if (r?.max != null) return { type: "hourly", min: r.min, max: r.max };
  }
  return null;
}

export function parseJobCard(root: ParentNode, headings: Headings, url: string, ctx: Ctx, p = "job"): Job {
  const cardEl = findJobCard(root) ?? (root as Document).body ?? null;
  const card = new Scope(cardEl, CARD_TEXT_END);
  const f = <T>(name: string, fn: () => T | null) => ctx.read(`${p}.${name}`, fn);
  const uid = attr(qs(cardEl, "[job-uid]"), "job-uid") ?? attr(qs(root, "[data-ev-opening_uid]"), "data-ev-opening_uid");
  const cipher = cipherFromUrl(url) ?? (uid && /^\d{19}$/.test(uid) ? `~02${uid}` : null);

  const descEl =
    resolveElement(cardEl, JOB.description) ??
    elementByOwnText(cardEl, SUMMARY_LABEL, "strong, h2, h3, h4, h5")?.parentElement ??
    null;
  const desc = descriptionText(descEl);
  const questionsIntro = elementByOwnText(cardEl, QUESTIONS_LABEL);

  return {
    ciphertext: f("ciphertext", () => cipher),
    url: f("url", () => (cipher ? canonicalJobUrl(cipher) : null)),
    title: f("title", () => resolve(card, JOB.title, (t) => t).value ?? visibleText(qs(cardEl, "h1, h4"))),
    category: f("category", () => null),
    postedAt: f("postedAt", () =>
      resolve(card, JOB.postedAt, (t) => parseDateOrRelative(t.replace(/^Posted\s*/i, ""), ctx.now)).value,
    ),
    description: f("description", () => desc.text),
    skills: ctx.list(`${p}.skills`, () => {
      for (const a of JOB.skills) {
        const list = qsa(cardEl, a.sel).map((e) => visibleText(e)).filter((t): t is string => !!t);
        if (list.length) return list;
      }
      const sec = sectionByHeading(headings, FEATURES_LABELS);
      return qsa(sec, "a[href*='ontology_skill_uid']").map((e) => visibleText(e)).filter((t): t is string => !!t);
    }),
    budget: f("budget", () => budgetOf(card)),
    experienceLevel: f("experienceLevel", () =>
      resolve(card, JOB.experience, (t) => parseExperience(/\b(Entry level|Intermediate|Expert)\b/.exec(t)?.[1])).value,
    ),
    duration: f("duration", () => resolve(card, JOB.duration, (t) => parseDuration(t)).value),
    hoursPerWeek: f("hoursPerWeek", () => resolve(card, JOB.hoursPerWeek, (t) => parseHoursPerWeek(t)).value),
    projectType: f("projectType", () =>
      resolve(card, JOB.projectType, (t) => /project/i.test(t) ? t.replace(/^Project Type:\s*/i, "") || null : null).value,
    ),
    locationRequirement: f("locationRequirement", () => resolve(card, JOB.locationRequirement, (t) => t).value),
    connectsRequired: f("connectsRequired", () => resolve(card, JOB.connectsRequired, (t) => parseConnects(/connect/i.test(t) ? t : `${t} Connects`)).value),
    questions: ctx.list(`${p}.questions`, () => {
      const box = questionsIntro?.closest("section") ?? questionsIntro?.parentElement ?? null;
      return qsa(box, "ol li, ul li").map((li) => visibleText(li)).filter((t): t is string => !!t);
    }),
  };
}

export { visibleLines };
