/**
 * The docked panel: score with each factor's share, flags, urgency and its reasons, unread fields, actions.
 *
 * Built with the DOM API (dom-build.ts), like the badges: the content script carries no UI library
 * (Preact was a sixth of it). A render builds the whole tree anew, and the session renders only when
 * what the panel shows changed; what the old tree held that a user would miss is kept outside it:
 * the actions' state in `PanelState`, focus and scroll by `renderPanel`.
 */
import { report } from "../watch";
import type { Fit, Urgency } from "../../shared/score";
import { factorBar, factorShare, fitHook, fitTone, fitWords, missingLine, urgencyLine, type RankOrder } from "./format";
import type { Backend } from "./backend";
import type { Host } from "./define-host";
import { h, type Child } from "./dom-build";
import { sliceWhole } from "../../shared/text";
import { reasonLines } from "../../shared/urgency-words";
import * as words from "../../shared/words/panel";

/** What the panel keeps across renders, owned with its host (a new panel starts empty). */
export interface PanelState {
  /** The decline note shown (none until "Decline politely" wrote one). */
  note?: string;
  /** The page report shown to copy by hand (only when the clipboard refused it). */
  report?: string;
  /** The status line's text. */
  status?: string;
  /** The status line in the tree shown: a status is written into it in place, so screen readers announce it. */
  line?: HTMLElement;
  /** A note or report just arrived: the next render moves focus to its text. */
  focus?: "note" | "report";
  /** How far the body is scrolled (kept by its scroll events, so a render never reads the layout for it). */
  top?: number;
}

export interface PanelProps {
  title: string | null;
  fit: Fit | null;
  urgency: Urgency | null;
  missing: readonly string[];
  /** The user's decline threshold: the fit's colour bands follow it. */
  declineBelow?: number;
  /** Our code or the background failed: say so quietly. */
  error: boolean;
  now: Date;
  collapsed: boolean;
  onToggle(): void;
  /** "Draft reply" (opens the drafting: the popup, or the popup page in a tab), the decline note, the page report. */
  actions: Pick<Backend, "openDrafts" | "declineNote" | "pageReport"> | null;
  /** The actions' note and status, the body's scroll. */
  state: PanelState;
  /** The decline note or the report shown to copy by hand changed: the panel must be rendered again. */
  onNote(): void;
  /**
   * On the invitations list, the row the panel is about: whether its fit is provisional (the row
   * alone), the client's message to preview, and opening the invitation through Upwork's own link.
   */
  row?: { provisional: boolean; message: string | null; open(): void; back(): void };
  /** On the invitations list with no row picked: every invitation, ranked (Upwork's rows keep their order). */
  ranking?: Ranking;
}

export interface Ranking {
  order: RankOrder;
  entries: Array<{ id: string; title: string; fit: number | null; provisional: boolean; urgency: Urgency }>;
  onOrder(order: RankOrder): void;
  /** Shows that invitation's panel (and brings its row into view). */
  onPick(id: string): void;
}

/** How much of the client's message the list's panel previews (the invitation page shows it whole). */
const MESSAGE_PREVIEW_CHARS = 600;

/**
 * A click handler that acts only on the user's own click. A page script can still click our buttons
 * (`el.click()`, a dispatched event: the browser marks those untrusted), so what opens a tab or writes
 * the clipboard waits for a trusted one. Only `true` counts: where `isTrusted` is missing, refuse.
 */
const byUser = (act: () => void) => (event: Event) => {
  if (event.isTrusted) act();
};

/** A flag's words and its tone (the flag takes the fit bands' colours). */
const SEVERITY = {
  red: [words.RED_FLAG, "poor"],
  amber: [words.CAUTION, "fair"],
  green: [words.GOOD_SIGN, "good"],
} as const;

function actions(a: NonNullable<PanelProps["actions"]>, s: PanelState, onNote: () => void): Child[] {
  const say = (text: string) => (s.status = s.line!.textContent = text);
  const run = (what: string, task: () => Promise<unknown>) => () => {
    say("");
    task().catch((error: unknown) => {
      report(what, error);
      // Interpolated in place, not a catalogue function: the minifier wraps those in a call (the 20 KB budget).
      say(`Could not ${what}.`);
    });
  };
  const { note } = s;
  const copyReport = async () => {
    const text = await a.pageReport();
    try {
      await navigator.clipboard.writeText(text);
      say(words.REPORT_COPIED);
      if (s.report != null) {
        s.report = undefined;
        onNote();
      }
    } catch {
      // The clipboard refused (the page lost focus, a policy): the report to copy by hand.
      say(words.COPY_BLOCKED);
      s.report = text;
      s.focus = "report";
      onNote();
    }
  };
  return [
    h(
      "div",
      { class: "acts" },
      h("button", { class: "primary", onclick: byUser(run(words.OPEN_DRAFTS, a.openDrafts)) }, words.DRAFT_REPLY),
      // Only shows a note in our own panel: any click may.
      h(
        "button",
        {
          "aria-expanded": `${note != null}`,
          onclick: run(words.WRITE_NOTE, async () => ((s.note = await a.declineNote()), (s.focus = "note"), onNote())),
        },
        words.DECLINE_POLITELY,
      ),
      h("button", { onclick: byUser(run(words.MAKE_REPORT, copyReport)) }, words.REPORT_PAGE),
    ),
    note != null &&
      h(
        "label",
        { class: "note" },
        words.DECLINE_NOTE,
        h("textarea", { readOnly: true, rows: 6, value: note }),
        h(
          "button",
          {
            onclick: byUser(
              run(words.COPY_THE_NOTE, async () => (await navigator.clipboard.writeText(note), say(words.NOTE_COPIED))),
            ),
          },
          words.COPY_NOTE,
        ),
      ),
    s.report != null &&
      h(
        "label",
        { class: "note report" },
        words.PAGE_REPORT,
        h("textarea", {
          readOnly: true,
          rows: 6,
          value: s.report,
          onfocus: (e: Event) => (e.target as HTMLTextAreaElement).select(),
        }),
      ),
    (s.line = h("p", { class: "quiet", role: "status" }, s.status)),
  ];
}

/** What the list's panel adds about its row: how provisional the fit is, the message, the way in. */
function rowPart(row: NonNullable<PanelProps["row"]>, fit: Fit | null): Child[] {
  const used = fit?.factors.filter((f) => f.weight > 0).length ?? 0;
  const message = row.message && sliceWhole(row.message, MESSAGE_PREVIEW_CHARS);
  return [
    row.provisional && h("p", { class: "quiet" }, words.provisionalNote(used, fit?.factors.length ?? 0)),
    message &&
      section(
        words.MESSAGE,
        [h("li", { class: "msg" }, message, message.length < row.message!.length && "…")],
        "flags",
      ),
    h(
      "div",
      { class: "acts" },
      h("button", { onclick: row.open }, words.OPEN_INVITATION),
      h("button", { onclick: row.back }, words.BACK_TO_RANKING),
    ),
  ];
}

const ORDERS: Array<[RankOrder, string]> = [
  ["urgency", words.BY_URGENCY],
  ["fit", words.BY_FIT],
];

/** The list's ranking: an order switch and every invitation, each opening its own panel. */
function rankingPart(r: Ranking, now: Date, declineBelow?: number): Child[] {
  return [
    h(
      "div",
      { class: "acts", role: "group", "aria-label": words.RANK_GROUP },
      ...ORDERS.map(([order, label]) =>
        h("button", { "aria-pressed": `${r.order === order}`, onclick: () => r.onOrder(order) }, label),
      ),
    ),
    h(
      "ol",
      { class: "ranked" },
      r.entries.map((e) =>
        h(
          "li",
          null,
          h(
            "button",
            { class: "pick", onclick: () => r.onPick(e.id) },
            h(
              "span",
              { class: "t " + fitTone(e.fit, declineBelow) + (e.provisional && e.fit !== null ? " prov" : "") },
              fitWords(e.fit, e.provisional),
            ),
            h("span", { class: "urgency " + e.urgency.level }, urgencyLine(e.urgency, now)),
            h("span", { class: "val" }, e.title),
          ),
        ),
      ),
    ),
    h("p", { class: "quiet" }, words.RANKING_NOTE),
  ];
}

/** A factor's bar: a track as long as its weight, filled as far as its points (widths through CSSOM, not markup). */
const bar = ({ track, fill }: { track: string; fill: string }) =>
  h("span", { class: "bar", "aria-hidden": "true", style: `width:${track}` }, h("i", { style: `width:${fill}` }));

/** A titled list (the list left out when empty). */
const section = (title: Child, items: Child[], cls?: string) =>
  h("section", null, h("h3", null, title), items.length > 0 && h("ul", { class: cls }, items));

export function panelElement(p: PanelProps): HTMLElement {
  const { fit, urgency, collapsed, error, state } = p;
  // Expanding shows the body from its top, as a fresh one.
  if (collapsed) state.top = 0;
  const score = fitHook(fit?.score);
  const missing = missingLine(p.missing);
  return h(
    "aside",
    { class: collapsed ? "panel collapsed" : "panel", "aria-label": words.PANEL_LABEL },
    h(
      "header",
      null,
      h(
        "button",
        { class: "toggle", "aria-expanded": `${!collapsed}`, onclick: p.onToggle },
        h("b", null, words.NAME),
        p.ranking
          ? h("span", { class: "t none" }, p.ranking.entries.length + words.RANKED)
          : h(
              "span",
              { class: "t " + (error ? "none" : fitTone(fit?.score, p.declineBelow)) },
              h("span", { class: "sr" }, words.FIT_SR),
              error ? words.UNAVAILABLE : score === "unknown" ? words.NOT_SCORED : score,
            ),
        h("span", { class: "chev", "aria-hidden": "true" }, collapsed ? "‹" : "›"),
      ),
    ),
    !collapsed &&
      h(
        "div",
        { class: "body", onscroll: (e: Event) => (state.top = (e.target as HTMLElement).scrollTop) },
        p.title && h("h2", null, p.title),
        error && h("p", { class: "quiet" }, words.NOT_SCORED_PAGE),
        p.row && rowPart(p.row, fit),
        p.ranking && rankingPart(p.ranking, p.now, p.declineBelow),
        urgency &&
          section(
            h("span", { class: urgency.level }, urgencyLine(urgency, p.now)),
            reasonLines(urgency, p.now).map((r) => h("li", null, r)),
          ),
        !!fit?.factors.length &&
          section(
            words.FACTORS,
            // A factor without data drops out (weight 0): left out of the score, not scored as bad.
            fit.factors.map((f) =>
              h(
                "li",
                null,
                f.label,
                h("span", { class: "pts" }, f.weight ? factorShare(f.points, f.weight) : words.NOT_SCORED),
                // The numbers beside it say the same: the bar is for the eye only.
                f.weight > 0 && bar(factorBar(f.points, f.weight, Math.max(...fit.factors.map((g) => g.weight)))),
                f.value !== null &&
                  h(
                    "span",
                    { class: "val" },
                    typeof f.value === "boolean" ? (f.value ? words.YES : words.NO) : "" + f.value,
                  ),
              ),
            ),
            "factors",
          ),
        !!fit?.flags.length &&
          section(
            words.FLAGS,
            fit.flags.map((f) =>
              h(
                "li",
                { class: "flag " + SEVERITY[f.severity][1] },
                h("b", null, SEVERITY[f.severity][0], ":"),
                " ",
                f.text,
              ),
            ),
            "flags",
          ),
        missing && h("p", { class: "quiet" }, missing),
        p.actions && actions(p.actions, state, p.onNote),
      ),
  );
}

/**
 * Renders the panel into its host (false when building threw: the old content then stays). What a
 * user would lose with the old tree is put back: the body's scroll, and focus when it was in the
 * panel, on the control at the same place among the panel's controls (the toggle after a collapse
 * or an expand; the note, with its selection); a note that just arrived takes the focus instead
 * (which scrolls it into view). Neither is read from the layout: scrolling back (only when the body
 * was scrolled) is the one layout a render may cost.
 */
export function renderPanel(host: Host, p: PanelProps): boolean {
  const { root } = host;
  const { state } = p;
  const controls = () => host.root.querySelectorAll<HTMLTextAreaElement>("button,textarea");
  const was = root.activeElement as HTMLTextAreaElement | null;
  const at = was ? [...controls()].indexOf(was) : -1;
  const ok = host.show(() => panelElement(p));
  if (state.top) host.root.querySelector(".body")?.scrollTo(0, state.top);
  if (state.focus) {
    host.root.querySelector<HTMLElement>(`.${state.focus} textarea`)?.focus();
    state.focus = undefined;
  } else if (at >= 0) {
    const el = controls()[at];
    el?.focus({ preventScroll: true });
    el?.setSelectionRange?.(was!.selectionStart, was!.selectionEnd);
  }
  return ok;
}
