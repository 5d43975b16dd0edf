/** Find Work home → the "My Proposals" card's count of new invitations. */
import type { HomeRecord } from "../../shared/records";
import { collectHeadings, sectionByHeading } from "../anchors/dom";
import { HOME } from "../anchors/home";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { parseNewInvitations } from "./values";

export function parseHome(doc: Document, _url: string, ctx: Ctx): HomeRecord {
  const card = resolveElement(doc, HOME.card) ?? sectionByHeading(collectHeadings(doc), HOME.headings);
  return {
    newInvitations: ctx.read("newInvitations", () => resolve(new Scope(card), HOME.count, parseNewInvitations)),
  };
}
