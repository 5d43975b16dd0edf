/** "About the client" (both variants) and "Client's recent history" → Client. */
import type { Client, ClientJob } from "../../shared/records";
import { attr, qs, qsa, sectionByHeading, visibleText, type Headings } from "../anchors/dom";
import { CLIENT, CLIENT_HEADINGS, CLIENT_ROOT, HISTORY, HISTORY_HEADINGS, HISTORY_ITEM, HISTORY_ROOT } from "../anchors/job";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import {
  clean,
  countBefore,
  parseAbsoluteDate,
  parseAvgHourly,
  parseHireRate,
  parseHires,
  parseMoney,
  parseRating,
  parseReviews,
  parseTotalSpent,
} from "./values";

const TIME = /\b(\d{1,2}:\d{2}\s?[AP]M)\b/i;

export function findClientSection(root: ParentNode, headings: Headings): Element | null {
  return resolveElement(root, CLIENT_ROOT) ?? sectionByHeading(headings, CLIENT_HEADINGS);
}

export function parseClient(root: ParentNode, headings: Headings, ctx: Ctx, p = "client"): Client {
  const section = findClientSection(root, headings);
  if (!section) ctx.warn(`${p}: no "About the client" section`);
  const s = new Scope(section);
  const field = <T>(name: string, fn: () => T | null) => ctx.read(`${p}.${name}`, fn);

  const reviews = resolve(s, CLIENT.reviews, (t) => parseReviews(t)).value;
  const hireStats = resolve(s, CLIENT.hireRate, (t) => parseHireRate(t)).value;
  const hires = resolve(s, CLIENT.hires, (t) => parseHires(t)).value;
  // The location row: by attribute, else the list item that shows a local time.
  const locEl =
    resolveElement(section, CLIENT.location) ??
    qsa(section, "li").find((li) => TIME.test(visibleText(li) ?? "")) ??
    null;
  const locParts = qsa(locEl, "span")
    .filter((sp) => !qs(sp, "span"))
    .map((sp) => visibleText(sp))
    .filter((t): t is string => t != null);

  return {
    paymentVerified: field("paymentVerified", () =>
      resolve(s, CLIENT.payment, (t) => (/not verified|unverified/i.test(t) ? false : /verified/i.test(t) ? true : null)).value,
    ),
    rating: field("rating", () => reviews?.rating ?? resolve(s, CLIENT.ratingShown, (t) => parseRating(t)).value),
    reviewsCount: field("reviewsCount", () => reviews?.reviews ?? null),
    country: field("country", () => clean(visibleText(qs(locEl, "strong")))),
    city: field("city", () => locParts.find((t) => !TIME.test(t)) ?? null),
    localTime: field("localTime", () => {
      const t = locParts.find((x) => TIME.test(x)) ?? resolve(new Scope(locEl ?? section), CLIENT.localTime, (x) => TIME.exec(x)?.[1] ?? null).value;
      return t ? (TIME.exec(t)?.[1] ?? null) : null;
    }),
    jobsPosted: field("jobsPosted", () => resolve(s, CLIENT.jobsPosted, (t) => countBefore(t, /jobs?\s+posted\b/)).value),
    hireRate: field("hireRate", () => hireStats?.hireRate ?? null),
    openJobs: field("openJobs", () => hireStats?.openJobs ?? resolve(s, CLIENT.openJobs, (t) => countBefore(t, /open jobs?\b/)).value),
    totalSpent: field("totalSpent", () => resolve(s, CLIENT.totalSpent, (t) => parseTotalSpent(t)).value),
    hires: field("hires", () => hires?.hires ?? null),
    activeHires: field("activeHires", () => hires?.active ?? null),
    avgHourlyRatePaid: field("avgHourlyRatePaid", () => resolve(s, CLIENT.avgHourlyRatePaid, (t) => parseAvgHourly(t)).value),
    totalHours: field("totalHours", () => resolve(s, CLIENT.totalHours, (t) => countBefore(t, /hours\b(?!\s+ago)/)).value),
    memberSince: field("memberSince", () =>
      resolve(s, CLIENT.memberSince, (t) => (/member since/i.test(t) || /^[A-Z]/.test(t) ? parseAbsoluteDate(t) : null)).value,
    ),
    industry: field("industry", () => resolve(s, CLIENT.industry, (t) => t).value),
    companySize: field("companySize", () => resolve(s, CLIENT.companySize, (t) => t).value),
    history: ctx.list(`${p}.history`, () => parseHistory(root, headings, ctx, p)),
  };
}

/** Strips the truncation's "… more" so only the shown words remain. */
function feedbackText(el: Element | null): string | null {
  const t = visibleText(el);
  if (!t) return null;
  return clean(t.replace(/\s*(?:…|\.\.\.)\s*(?:more)?$/i, "").replace(/\s+more$/i, "")) ;
}

function ratingOf(el: Element): number | null {
  for (const a of HISTORY.ratingValue) {
    const v = parseRating(qs(el, a.sel)?.textContent ?? null);
    if (v != null) return v;
  }
  return null;
}

function historyItems(root: ParentNode, headings: Headings): Element[] {
  const list = resolveElement(root, HISTORY_ROOT) ?? sectionByHeading(headings, HISTORY_HEADINGS, "a[href*='/jobs/~'], .air3-rating");
  if (!list) return [];
  for (const a of HISTORY_ITEM) {
    if (!("sel" in a)) continue;
    const items = qsa(list, a.sel);
    if (items.length) return items;
  }
  // Structure: each item is the largest block holding exactly one "To freelancer:".
  const markers = qsa(list, "*").filter((el) => elementOwnMatches(el, HISTORY.toFreelancer));
  return markers.map((m) => {
    let el = m;
    while (el.parentElement && el.parentElement !== list && countMatches(el.parentElement) === 1) el = el.parentElement;
    return el;
  });
}

function elementOwnMatches(el: Element, re: RegExp): boolean {
  let own = "";
  for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) own += n.nodeValue ?? "";
  return re.test(own);
}
const countMatches = (el: Element) => (el.textContent ?? "").split(/To freelancer/i).length - 1;

export function parseHistory(root: ParentNode, headings: Headings, ctx: Ctx, p = "client"): ClientJob[] {
  const out: ClientJob[] = [];
  historyItems(root, headings).forEach((item, i) => {
    try {
      const titleEl = HISTORY.title.map((a) => qs(item, a.sel)).find((e) => e) ?? null;
      const title = visibleText(titleEl);
      if (!title) {
        ctx.warn(`${p}.history[${i}]: no title, entry skipped`);
        return;
      }
      // "To freelancer:" splits the item: before it the freelancer's review of the client, inside it the client's.
      // Every block labelled "To freelancer" counts (a page may repeat one); anything inside one is the client's.
      const tos = qsa(item, "*").filter((el) => elementOwnMatches(el, HISTORY.toFreelancer));
      const inTo = (n: Element) => tos.some((t) => t.contains(n));
      let freelancerRating: number | null = null;
      let clientRating: number | null = null;
      let freelancerFeedback: string | null = null;
      let clientFeedback: string | null = null;
      if (tos.length) {
        for (const r of qsa(item, HISTORY.rating[0]!.sel)) {
          const v = ratingOf(r);
          if (inTo(r)) clientRating ??= v;
          else freelancerRating ??= v;
        }
        for (const fb of qsa(item, HISTORY.feedback[0]!.sel)) {
          if (titleEl?.contains(fb)) continue;
          const t = feedbackText(fb);
          if (inTo(fb)) clientFeedback ??= t;
          else freelancerFeedback ??= t;
        }
      } else if (qsa(item, HISTORY.rating[0]!.sel).length) {
        ctx.warn(`${p}.history[${i}]: "To freelancer" not found, ratings not assigned`);
      }
      const stats = visibleText(qs(item, HISTORY.stats[0]!.sel)) ?? visibleText(item) ?? "";
      const billed = HISTORY.billedAmount.exec(stats);
      const fixed = HISTORY.fixedAmount.exec(stats);
      const amount = parseMoney(billed?.[1] ?? fixed?.[1] ?? null);
      out.push({ title, freelancerRating, freelancerFeedback, clientRating, clientFeedback, amount });
    } catch (e) {
      ctx.warn(`${p}.history[${i}]: ${(e as Error).message}`);
    }
  });
  return out;
}

export { attr };
