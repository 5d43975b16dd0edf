/** The compact badge beside an invitation row: fit (or "open to score") and urgency. */
import { h } from "preact";
import type { InvitationUrgency } from "../../shared/score";
import { fitHook, fitTone, urgencyLine } from "./format";

/**
 * Deliberately flat (a button and two spans): 200 of these render in one frame. `fit` is null while
 * the invitation has not been opened (we never fetch it); `error`: our code or the background failed
 * for this row (a quiet state, Upwork's row untouched); `onOpen` shows the panel of an opened
 * invitation, or opens one not opened yet (opening is what scores it); `fault`: the test-only switch.
 */
export function Badge(p: { title: string; fit: number | null; urgency: InvitationUrgency | null; error: boolean; now: Date; onOpen: () => void; fault: boolean }) {
  if (p.error) return h("span", { class: "badge error", role: "status", title: "Invitewise could not score this invitation" }, "– Invitewise: unavailable");
  if (p.fault) throw Error("badge fault");
  const { fit } = p;
  const when = urgencyLine(p.urgency, p.now);
  const fitText = fit === null ? "open to score" : `Fit ${fitHook(fit)}`;
  const action = fit === null ? "Open the invitation to score it" : "Show why, in the Invitewise panel";
  return h(
    "button",
    { class: "badge", title: action, "aria-label": `Invitewise: ${fitText}${fit === null ? "" : " of 100"}${when && `, ${when}`}. ${action}: ${p.title}`, onClick: p.onOpen },
    h("span", { class: "t " + fitTone(fit) }, fitText),
    when && h("span", { class: "urgency " + p.urgency!.level }, when),
  );
}
