/**
 * The compact badge beside an invitation row: fit (provisional "~72 · 2 of 10 factors", or "open to score") and urgency.
 *
 * Built with the DOM API, not Preact (the panel too, since: the content script carries no UI
 * library): a list shows up to 200 badges at once, and 200 Preact render roots cost 10–26 ms of
 * cold scripting against 1.8 ms for the same three elements built directly (issue 8, measured in
 * one Chromium run). Text goes in only as text (`textContent`, attributes), never as markup.
 */
import type { InvitationUrgency } from "../../shared/score";
import { fitHook, fitTone, fitWords, urgencyLine } from "./format";
import * as words from "../../shared/words/panel";

/**
 * `fit` is null while nothing about the invitation can be scored (we never fetch it); `provisional`:
 * what is known rests on the row alone (the client's facts, the message), with how many factors;
 * `error`: our code or the background failed for this row (a quiet state, Upwork's row untouched);
 * `onOpen` shows the panel of a scored invitation, or opens one with nothing to score (opening is
 * what scores it); `fault`: the test-only switch.
 */
export interface BadgeProps {
  title: string;
  fit: number | null;
  provisional: { factors: number; of: number } | null;
  urgency: InvitationUrgency | null;
  /** The user's decline threshold: the fit's colour band follows it. */
  declineBelow?: number;
  error: boolean;
  now: Date;
  onOpen: () => void;
  fault: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** The badge's element (a button and two spans; a quiet span in the error state). Throws only under `fault`. */
export function badgeElement(doc: Document, p: BadgeProps): HTMLElement {
  if (p.error) {
    const quiet = el(doc, "span", "badge error", words.BADGE_UNAVAILABLE);
    quiet.setAttribute("role", "status");
    quiet.title = words.BADGE_UNAVAILABLE_TITLE;
    return quiet;
  }
  if (p.fault) throw Error("badge fault");
  const { fit, provisional } = p;
  const when = urgencyLine(p.urgency, p.now);
  const basis = provisional && words.factorsUsed(provisional.factors, provisional.of);
  const fitText = fitWords(fit, !!provisional) + (fit === null ? "" : basis || "");
  const spoken =
    fit === null
      ? fitText
      : provisional
        ? // In place, not a catalogue function: the minifier wraps those in a call (the 20 KB budget).
          `provisional fit about ${fitHook(fit)} of 100, from ${provisional.factors} of ${provisional.of} factors`
        : fitText + words.OF_100;
  // A row known only from the list (its client facts, its message) opens what it says, scored or not.
  const action = provisional ? words.BADGE_SHOW_ROW : fit === null ? words.BADGE_OPEN : words.BADGE_SHOW_WHY;
  const button = el(doc, "button", "badge");
  button.title = action;
  // The name starts with the words shown (WCAG 2.5.3: a voice user says what they see), then says more.
  button.setAttribute(
    "aria-label",
    `${fitText}${when && `, ${when}`}. ${words.NAME}: ${spoken}. ${action}: ${p.title}`,
  );
  button.addEventListener("click", p.onOpen);
  button.append(
    el(doc, "span", "t " + fitTone(fit, p.declineBelow) + (provisional && fit !== null ? " prov" : ""), fitText),
  );
  if (when) button.append(el(doc, "span", "urgency " + p.urgency!.level, when));
  return button;
}
