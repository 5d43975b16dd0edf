/** The invitation detail page → InvitationRecord. Its DOM is known least, so it leans on headings and text. */
import type { InvitationRecord, InvitationStatus } from "../../shared/records";
import { collectHeadings, matches, qs, qsa, sectionByHeading, visibleLines, visibleText } from "../anchors/dom";
import { INVITATION } from "../anchors/invitation";
import type { Ctx } from "../anchors/resolve";
import { invitationIdFromUrl } from "../routes";
import { parseClient } from "./about-client";
import { parseActivity } from "./activity";
import { parseJobDetailsCard } from "./job-details";

function messageOf(doc: Document, headings: ReturnType<typeof collectHeadings>): string | null {
  const box = qs(doc, INVITATION.messageAttr) ?? sectionByHeading(headings, INVITATION.messageHeadings);
  if (!box) return null;
  // The client's words only: their own block when Upwork marks it, never the sender or date above.
  const words = qsa(box, INVITATION.messageText);
  if (words.length) return words.map(visibleLines).filter(Boolean).join("\n\n") || null;
  let blocks = Array.from(box.children).filter(
    (c) => !headings.some((h) => c.contains(h.el) && INVITATION.messageHeadings.some((re) => re.test(h.text))),
  );
  // One wrapper around everything: its children are the blocks.
  while (blocks.length === 1 && qs(blocks[0], ":scope > div, :scope > p, :scope > section, :scope > header"))
    blocks = Array.from(blocks[0]!.children);
  const received = blocks.findIndex((b) => INVITATION.messageMeta.test(visibleText(b) ?? ""));
  const parts = blocks
    .slice(received + 1)
    .filter((b) => !qs(b, INVITATION.sender) && !matches(b, INVITATION.sender))
    .map(visibleLines)
    .filter((t): t is string => !!t);
  return parts.join("\n\n") || null;
}

function statusOf(doc: Document): InvitationStatus | null {
  const buttons = qsa(doc, "button, a[role='button']").map((b) => visibleText(b) ?? "");
  if (buttons.some((t) => INVITATION.accept.test(t)) && buttons.some((t) => INVITATION.decline.test(t)))
    return "pending";
  const text = qsa(doc, INVITATION.statusBox)
    .map((e) => visibleText(e) ?? "")
    .join(" ");
  for (const k of ["declined", "accepted", "expired", "pending"] as const)
    if (INVITATION.status[k].test(text)) return k;
  return null;
}

export function parseInvitation(doc: Document, url: string, ctx: Ctx): InvitationRecord {
  const headings = collectHeadings(doc);
  return {
    // From the address: a saved page without one has no id, said as missing (never a made-up one).
    id: ctx.read("id", () => invitationIdFromUrl(url)),
    job: parseJobDetailsCard(doc, headings, "", ctx),
    client: parseClient(doc, headings, ctx),
    activity: parseActivity(doc, headings, ctx),
    message: ctx.read("message", () => messageOf(doc, headings)),
    status: ctx.read("status", () => statusOf(doc)),
  };
}
