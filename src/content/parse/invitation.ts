/** The invitation detail page → InvitationRecord. Its DOM is known least, so it leans on headings and text. */
import type { InvitationRecord, InvitationStatus } from "../../shared/records";
import { collectHeadings, qs, qsa, sectionByHeading, visibleLines, visibleText } from "../anchors/dom";
import { INVITATION } from "../anchors/invitation";
import type { Ctx } from "../anchors/resolve";
import { invitationIdFromUrl } from "../routes";
import { parseClient } from "./about-client";
import { parseActivity } from "./activity";
import { parseJobDetailsCard } from "./job-details";

function messageOf(doc: Document, headings: ReturnType<typeof collectHeadings>): string | null {
  const box = qs(doc, INVITATION.messageAttr) ?? sectionByHeading(headings, INVITATION.messageHeadings);
  if (!box) return null;
  const parts: string[] = [];
  for (const child of Array.from(box.children)) {
    if (headings.some((h) => child.contains(h.el) && INVITATION.messageHeadings.some((re) => re.test(h.text)))) continue;
    const t = visibleLines(child);
    if (t) parts.push(t);
  }
  return parts.join("\n\n") || null;
}

function statusOf(doc: Document): InvitationStatus | null {
  const buttons = qsa(doc, "button, a[role='button']").map((b) => visibleText(b) ?? "");
  if (buttons.some((t) => INVITATION.accept.test(t)) && buttons.some((t) => INVITATION.decline.test(t))) return "pending";
  const text = qsa(doc, INVITATION.statusBox).map((e) => visibleText(e) ?? "").join(" ");
  for (const k of ["declined", "accepted", "expired", "pending"] as const) if (INVITATION.status[k].test(text)) return k;
  return null;
}

export function parseInvitation(doc: Document, url: string, ctx: Ctx): InvitationRecord {
  const headings = collectHeadings(doc);
  const id = invitationIdFromUrl(url);
  if (!id) ctx.warn("id", "not found");
  return {
    id: id ?? "0",
    job: parseJobDetailsCard(doc, headings, "", ctx),
    client: parseClient(doc, headings, ctx),
    activity: parseActivity(doc, headings, ctx),
    message: ctx.read("message", () => messageOf(doc, headings)),
    status: ctx.read("status", () => statusOf(doc)),
  };
}
