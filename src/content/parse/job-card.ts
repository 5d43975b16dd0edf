/** The job card of the job page and of the find-work slider → Job (REFERENCE.md §2.4). */
import type { Budget, Job } from "../../shared/records";
import { attr, byOwnText, qs, qsa, sectionByHeading, textsOf, visibleText, type Headings } from "../anchors/dom";
import { CARD_TEXT_END, FEATURES_LABELS, JOB, JOB_ROOT, SUMMARY_LABEL } from "../anchors/job";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { parseConnects, parseDateOrRelative, parseDuration, parseExperience, parseHoursPerWeek, parseMoney, parseMoneyRange } from "./values";
import { descriptionText, jobFields } from "./job-details";

const QUESTIONS_LABEL = /You will be asked to answer the following questions/i;
/** A range "$20.00 - $40.00" as a budget; a lone figure could be either end, so it is none. */
const hourly = (text: string | null | undefined): Budget => {
  const r = parseMoneyRange(text);
  return r?.max != null ? { type: "hourly", min: r.min, max: r.max } : null;
};

function budgetOf(card: Scope): Budget {
  // A feature row that is present decides alone: if it is unreadable the budget is null, never a guess from elsewhere.
  if (resolveElement(card.el, JOB.fixedPrice)) {
    return { type: "fixed", amount: resolve(card, JOB.fixedPrice, (t) => (/fixed/i.test(t) || /^\$/.test(t) ? parseMoney(t) : null)) };
  }
  const hourlyRow = resolveElement(card.el, JOB.hourlyRange);
  if (hourlyRow) {
    const amounts = qsa(hourlyRow, "strong").map((s) => parseMoney(visibleText(s))).filter((v): v is number => v != null);
    // Exactly two figures are min and max; a lone figure could be either end, more is ambiguous.
    if (amounts.length === 2) return { type: "hourly", min: amounts[0]!, max: amounts[1]! };
    return amounts.length === 1 ? hourly(visibleText(hourlyRow)) : null;
  }
  // Labels: "$300.00 Fixed-price", "$20.00 - $40.00 Hourly", "Hourly: $15.00 - $30.00".
  const t = card.text;
  // The amount comes before its label here; history entries print "Fixed-price $625.00", label first.
  const fx = /(\$[\d,.]+)\s*Fixed[- ]price\b/i.exec(t);
  if (fx) return { type: "fixed", amount: parseMoney(fx[1]) };
  const hr = /(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)\s*Hourly\b|Hourly:?\s*(\$[\d,.]+\s*(?:-|to)\s*\$[\d,.]+)/i.exec(t);
  return hr ? hourly(hr[1] ?? hr[2]) : null;
}

export function parseJobCard(root: ParentNode, headings: Headings, url: string, ctx: Ctx, p = "job"): Job {
  const cardEl = resolveElement(root, JOB_ROOT) ?? (root as Document).body ?? null;
  const card = new Scope(cardEl, CARD_TEXT_END);
  const uid = attr(qs(cardEl, "[job-uid]"), "job-uid") ?? attr(qs(root, "[data-ev-opening_uid]"), "data-ev-opening_uid");
  const descEl = resolveElement(cardEl, JOB.description) ?? byOwnText(cardEl, SUMMARY_LABEL, "strong, h2, h3, h4, h5")[0]?.parentElement ?? null;
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
    experienceLevel: () => resolve(card, JOB.experience, (t) => parseExperience(/\b(Entry level|Intermediate|Expert)\b/.exec(t)?.[1])),
    duration: () => resolve(card, JOB.duration, parseDuration),
    hoursPerWeek: () => resolve(card, JOB.hoursPerWeek, parseHoursPerWeek),
    projectType: () => resolve(card, JOB.projectType, (t) => (/project/i.test(t) ? t.replace(/^Project Type:\s*/i, "") || null : null)),
    locationRequirement: () => resolve(card, JOB.locationRequirement, (t) => t),
    connectsRequired: () => resolve(card, JOB.connectsRequired, (t) => parseConnects(/connect/i.test(t) ? t : `${t} Connects`)),
    questions: () => textsOf(qsa(questionsIntro?.closest("section") ?? questionsIntro?.parentElement, "ol li, ul li")),
  });
}
