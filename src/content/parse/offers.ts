/**
 * The job titles of the offers the Proposals page lists (its "Offers" card, beside the invitations):
 * the invitation log joins them to the invitations of the same job. Not part of the invitations
 * record (records.md §3 keeps that to the invitations section): sent beside it.
 */
import { qsa, visibleText } from "../anchors/dom";
import { OFFERS } from "../anchors/invitations";
import { resolveElement } from "../anchors/resolve";

/** At most 50 titles of at most 300 characters (what the `page-parsed` request accepts). */
export function offerTitles(doc: Document): string[] {
  const card = resolveElement(doc, OFFERS.root);
  const titles = qsa(card, OFFERS.link).flatMap((a) => {
    const title = (visibleText(a) ?? "").replace(OFFERS.titlePrefix, "").trim().slice(0, 300);
    return title ? [title] : [];
  });
  return [...new Set(titles)].slice(0, 50);
}
