/** The Proposals page → the invitations list only (never offers, active or submitted proposals). */
import type { InvitationItem, InvitationsRecord } from "../../shared/records";
import { attr, collectHeadings, qsa, sectionByHeading, visibleText } from "../anchors/dom";
import { INVITATIONS, INVITATIONS_HEADINGS, INVITATIONS_ROOT } from "../anchors/invitations";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { invitationIdFromUrl } from "../routes";
import { parseAbsoluteDate, parseParenCount, parseRelativeTime } from "./values";

/** A precise relative time ("3 hours ago") beats the date; a vague one ("yesterday") does not. */
function receivedAt(text: string | null, now: Date): string | null {
  if (!text) return null;
  if (/\b(just now|\d+ (?:second|minute|hour)s? ago|an? (?:minute|hour) ago)\b/i.test(text)) return parseRelativeTime(text, now);
  return parseAbsoluteDate(text) ?? parseRelativeTime(text, now);
}

export function parseInvitations(doc: Document, _url: string, ctx: Ctx): InvitationsRecord {
  const headings = collectHeadings(doc);
  let section = resolveElement(doc, INVITATIONS_ROOT) ?? sectionByHeading(headings, INVITATIONS_HEADINGS, INVITATIONS.link);
  if (!section) ctx.warn("invitations", "section not found");
  const heading = section ? headings.find((h) => section!.contains(h.el) && INVITATIONS_HEADINGS.some((re) => re.test(h.text))) : undefined;

  const count = ctx.read("count", () => {
    if (!section) return null;
    const fromAttr = resolve(new Scope(section), INVITATIONS.count.slice(0, 1), parseParenCount);
    return fromAttr ?? parseParenCount(heading?.text ?? null);
  });

  const seen = new Set<string>();
  const invitations = ctx.read("invitations", () => {
    const out: InvitationItem[] = [];
    for (const link of qsa(section ?? doc, INVITATIONS.link)) {
      try {
        const href = attr(link, "href") ?? "";
        const id = invitationIdFromUrl(href);
        const jobTitle = visibleText(link);
        if (!id || seen.has(id) || !jobTitle) continue;
        seen.add(id);
        const row = link.closest(INVITATIONS.row);
        const timeEl = resolveElement(row, INVITATIONS.time);
        const profileEl = resolveElement(row, INVITATIONS.profile);
        out.push({
          id,
          url: `https://www.upwork.com/nx/proposals/interview/uid/${id}`,
          jobTitle,
          receivedAt: receivedAt(visibleText(timeEl) ?? (timeEl ? null : visibleText(row)), ctx.now),
          profile: visibleText(profileEl),
          client: null,
          freeToApply: null,
          message: null,
          jobUid: null,
        });
      } catch (e) {
        ctx.warn("invitations", (e as Error).message);
      }
    }
    out.forEach((inv, i) => {
      if (inv.receivedAt == null) ctx.missing.push(`invitations[${i}].receivedAt`);
      if (inv.profile == null) ctx.missing.push(`invitations[${i}].profile`);
    });
    return out;
  }) ?? [];
  return { invitations, count };
}
