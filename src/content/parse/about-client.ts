/** "About the client" (both variants) and "Client's recent history" → Client. */
import type { Client, ClientJob } from "../../shared/records";
import { byOwnText, qs, qsa, sectionByHeading, visibleText, type Headings } from "../anchors/dom";
import {
  CLIENT,
  CLIENT_HEADINGS,
  CLIENT_ROOT,
  HISTORY,
  HISTORY_HEADINGS,
  HISTORY_ITEM,
  HISTORY_ROOT,
} from "../anchors/job";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import {
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
const time = (t: string | null | undefined) => (t && TIME.exec(t)?.[1]) || null;

export function parseClient(root: ParentNode, headings: Headings, ctx: Ctx, p = "client"): Client {
  const section = resolveElement(root, CLIENT_ROOT) ?? sectionByHeading(headings, CLIENT_HEADINGS);
  if (!section) ctx.warn(p, "section not found");
  const s = new Scope(section);
  const get = <T>(key: keyof typeof CLIENT, parse: (t: string) => T | null) => resolve(s, CLIENT[key], parse);

  const reviews = ctx.track([`${p}.rating`, `${p}.reviewsCount`], () => get("reviews", parseReviews));
  const hireStats = ctx.track([`${p}.hireRate`, `${p}.openJobs`], () => get("hireRate", parseHireRate));
  const hires = ctx.track([`${p}.hires`, `${p}.activeHires`], () => get("hires", parseHires));
  // The location row: by attribute, else the list item that shows a local time.
  const locEl =
    resolveElement(section, CLIENT.location) ??
    qsa(section, "li").find((li) => TIME.test(visibleText(li) ?? "")) ??
    null;
  const locParts = qsa(locEl, "span")
    .filter((sp) => !qs(sp, "span"))
    .map(visibleText)
    .filter((t): t is string => t != null);

  return ctx.fields<Client>(
    p,
    {
      paymentVerified: () =>
        get("payment", (t) => (/not verified|unverified/i.test(t) ? false : /verified/i.test(t) ? true : null)),
      rating: () => reviews?.rating ?? get("ratingShown", parseRating),
      reviewsCount: () => reviews?.reviews ?? null,
      country: () => visibleText(qs(locEl, "strong")),
      city: () => locParts.find((t) => !TIME.test(t)) ?? null,
      localTime: () =>
        time(locParts.find((x) => TIME.test(x)) ?? resolve(new Scope(locEl ?? section), CLIENT.localTime, time)),
      jobsPosted: () => get("jobsPosted", (t) => countBefore(t, /jobs?\s+posted\b/)),
      hireRate: () => hireStats?.hireRate ?? null,
      openJobs: () => hireStats?.openJobs ?? get("openJobs", (t) => countBefore(t, /open jobs?\b/)),
      totalSpent: () => get("totalSpent", parseTotalSpent),
      hires: () => hires?.hires ?? null,
      activeHires: () => hires?.active ?? null,
      avgHourlyRatePaid: () => get("avgHourlyRatePaid", parseAvgHourly),
      totalHours: () => get("totalHours", (t) => countBefore(t, /hours?\b(?!\s+ago)/)),
      memberSince: () =>
        get("memberSince", (t) => (/member since/i.test(t) || /^[A-Z]/.test(t) ? parseAbsoluteDate(t) : null)),
      industry: () => get("industry", (t) => t),
      companySize: () => get("companySize", (t) => t),
      history: () => parseHistory(root, headings, ctx, p),
    },
    ["history"],
  );
}

const toFreelancer = (root: ParentNode) => byOwnText(root, HISTORY.toFreelancer, "*", true);

/** The list under "Client's recent history": by attribute, else the heading's nearest block holding a period line. */
function historyList(root: ParentNode, headings: Headings): Element | null {
  const list = resolveElement(root, HISTORY_ROOT);
  if (list) return list;
  const heading = headings.find((h) => HISTORY_HEADINGS.some((re) => re.test(h.text)));
  for (let el = heading?.el.parentElement; el && el.tagName !== "BODY"; el = el.parentElement)
    if (byOwnText(el, HISTORY.period).length) return el;
  return null;
}

function historyItems(root: ParentNode, headings: Headings): Element[] {
  const list = historyList(root, headings);
  if (!list) return [];
  for (const a of HISTORY_ITEM) {
    const items = qsa(list, a);
    if (items.length) return items;
  }
  // Structure: each item is the largest block holding exactly one of a line every item has (its
  // period; else, on layouts without one, its "To freelancer:").
  let markers = byOwnText(list, HISTORY.period);
  if (!markers.length) markers = toFreelancer(list);
  const count = (el: Element) => markers.filter((m) => el.contains(m)).length;
  return markers.map((m) => {
    let el = m;
    while (el.parentElement && el.parentElement !== list && count(el.parentElement) === 1) el = el.parentElement;
    return el;
  });
}

export function parseHistory(root: ParentNode, headings: Headings, ctx: Ctx, p = "client"): ClientJob[] {
  const out: ClientJob[] = [];
  historyItems(root, headings).forEach((item, i) => {
    try {
      const titleEl = resolveElement(item, HISTORY.title);
      // The 2026 layout renders no titles: the item still counts (the page state may name it).
      const title = visibleText(titleEl);
      // "To freelancer:" splits the item: before it the freelancer's review of the client, inside it the client's.
      // Every block labelled "To freelancer" counts (a page may repeat one); anything inside one is the client's.
      const tos = toFreelancer(item);
      const inTo = (n: Element) => tos.some((t) => t.contains(n));
      let freelancerRating: number | null = null;
      let clientRating: number | null = null;
      let freelancerFeedback: string | null = null;
      let clientFeedback: string | null = null;
      const ratings = qsa(item, HISTORY.rating[0]!);
      if (tos.length) {
        for (const r of ratings) {
          let v: number | null = null;
          for (const a of HISTORY.ratingValue) if ((v = parseRating(qs(r, a)?.textContent ?? null)) != null) break;
          if (inTo(r)) clientRating ??= v;
          else freelancerRating ??= v;
        }
        for (const fb of qsa(item, HISTORY.feedback[0]!)) {
          if (titleEl?.contains(fb)) continue;
          // Without the truncation's "… more": only the shown words.
          const t =
            visibleText(fb)
              ?.replace(/(?<![\s….])\s*(?:…|\.\.\.)\s*(?:more)?$/i, "")
              .replace(/(?<!\s)\s+more$/i, "")
              .trim() || null;
          if (inTo(fb)) clientFeedback ??= t;
          else freelancerFeedback ??= t;
        }
      } else if (ratings.length) {
        ctx.warn(`${p}.history[${i}]`, "ratings not assigned");
      }
      const stats = visibleText(qs(item, HISTORY.stats[0]!)) ?? visibleText(item) ?? "";
      const amount = parseMoney(HISTORY.billedAmount.exec(stats)?.[1] ?? HISTORY.fixedAmount.exec(stats)?.[1] ?? null);
      out.push({ title, freelancerRating, freelancerFeedback, clientRating, clientFeedback, amount });
    } catch (e) {
      ctx.warn(`${p}.history[${i}]`, (e as Error).message);
    }
  });
  return out;
}
