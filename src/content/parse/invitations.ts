/** The Proposals page → the invitations list only (never offers, active or submitted proposals). */
import type { InvitationItem, InvitationsRecord } from "../../shared/records";
import { attr, closest, collectHeadings, qsa, sectionByHeading, visibleText } from "../anchors/dom";
import {
  INVITATION_ROW_MARK,
  INVITATION_ROWS_HOLDER,
  INVITATIONS,
  INVITATIONS_HEADINGS,
  INVITATIONS_ROOT,
} from "../anchors/invitations";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { invitationIdFromUrl } from "../routes";
import { countBefore, parseAbsoluteDate, parseMoney, parseParenCount, parseRelativeTime } from "./values";

/** A precise relative time ("3 hours ago") beats the date; a vague one ("yesterday") does not. */
function receivedAt(text: string | null, now: Date): string | null {
  if (!text) return null;
  if (/\b(just now|\d+ (?:second|minute|hour)s? ago|an? (?:minute|hour) ago)\b/i.test(text))
    return parseRelativeTime(text, now);
  return parseAbsoluteDate(text) ?? parseRelativeTime(text, now);
}

/** The row's client facts; null when the row has no such cell. */
function rowClient(cell: Element | null): InvitationItem["client"] {
  const t = visibleText(cell);
  if (!cell || !t) return null;
  return {
    paymentVerified: /\bPayment (?:method )?(?:not verified|unverified)\b/i.test(t)
      ? false
      : /\bPayment (?:method )?verified\b/i.test(t)
        ? true
        : null,
    totalSpent: parseMoney(/(\$\s?[\d,.]+\s?[KMB]?\+?)\s+spent\b/i.exec(t)?.[1]),
    hires: countBefore(t, /hires?\b/),
  };
}

/** The row's "Free to apply" badge; false when the list shows the badge's cell (`listHasCells`) and this row's is empty. */
function freeToApply(row: Element | null, listHasCells: boolean): boolean | null {
  const cell = resolveElement(row, INVITATIONS.freeToApply);
  if (cell) return INVITATIONS.freeToApplyLabel.test(visibleText(cell) ?? "");
  return listHasCells ? false : null;
}

function rowsHolder(row: Element | null): Element | null {
  for (const holder of INVITATION_ROWS_HOLDER) {
    const found = closest(row, holder);
    if (found) return found;
  }
  return null;
}

export function parseInvitations(doc: Document, _url: string, ctx: Ctx): InvitationsRecord {
  const headings = collectHeadings(doc);
  // The card's own anchor, else what holds the rows marked as invitations, else the heading (it drifts most).
  const section =
    resolveElement(doc, INVITATIONS_ROOT) ??
    rowsHolder(resolveElement(doc, INVITATION_ROW_MARK)) ??
    sectionByHeading(headings, INVITATIONS_HEADINGS, INVITATIONS.link);
  if (!section) ctx.warn("invitations", "section not found");
  const heading = section
    ? headings.find((h) => section.contains(h.el) && INVITATIONS_HEADINGS.some((re) => re.test(h.text)))
    : undefined;

  const count = ctx.read("count", () => {
    if (!section) return null;
    const fromAttr = resolve(new Scope(section), INVITATIONS.count.slice(0, 1), parseParenCount);
    return fromAttr ?? parseParenCount(heading?.text ?? null);
  });

  const seen = new Set<string>();
  const invitations =
    ctx.read("invitations", () => {
      const out: InvitationItem[] = [];
      // Asked once per list, not once per row (a 200-row list without the cells would be scanned 200 times).
      let listHasCells: boolean | undefined;
      for (const link of qsa(section ?? doc, INVITATIONS.link)) {
        try {
          const href = attr(link, "href") ?? "";
          const id = invitationIdFromUrl(href);
          const jobTitle = visibleText(link);
          if (!id || seen.has(id) || !jobTitle) continue;
          seen.add(id);
          const row = closest(link, INVITATIONS.row);
          const timeEl = resolveElement(row, INVITATIONS.time);
          const profileEl = resolveElement(row, INVITATIONS.profile);
          out.push({
            id,
            url: `https://www.upwork.com/nx/proposals/interview/uid/${id}`,
            jobTitle,
            receivedAt: receivedAt(visibleText(timeEl) ?? (timeEl ? null : visibleText(row)), ctx.now),
            profile: visibleText(profileEl),
            client: rowClient(resolveElement(row, INVITATIONS.client)),
            freeToApply: freeToApply(row, (listHasCells ??= !!resolveElement(section ?? doc, INVITATIONS.freeToApply))),
            // Only the page state carries these (merged later, never guessed from the row).
            message: null,
            jobUid: null,
          });
        } catch (e) {
          ctx.warn("invitations", (e as Error).message);
        }
      }
      out.forEach((inv, i) => {
        for (const [k, v] of Object.entries(inv)) if (v == null) ctx.missing.push(`invitations[${i}].${k}`);
        for (const [k, v] of Object.entries(inv.client ?? {}))
          if (v == null) ctx.missing.push(`invitations[${i}].client.${k}`);
      });
      return out;
    }) ?? [];
  return { invitations, count };
}
