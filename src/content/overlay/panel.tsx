/** The docked panel: score with each factor's share, flags, urgency and its reasons, unread fields, actions. */
import { Component, h, type ComponentChild } from "preact";
import { report } from "../watch";
import type { Fit, Urgency } from "../../shared/score";
import { factorShare, fitHook, fitTone, missingLine, urgencyLine } from "./format";
import type { Backend } from "./backend";

export interface PanelProps {
  title: string | null;
  fit: Fit | null;
  urgency: Urgency | null;
  missing: readonly string[];
  /** Our code or the background failed: say so quietly. */
  error: boolean;
  now: Date;
  collapsed: boolean;
  onToggle(): void;
  /** "Draft reply" (opens the drafting: the popup, or the popup page in a tab) and the decline note. */
  actions: Pick<Backend, "openDrafts" | "declineNote"> | null;
}

/** A flag's words and its tone (the flag takes the fit bands' colours). */
const SEVERITY = { red: ["Red flag", "poor"], amber: ["Caution", "fair"], green: ["Good sign", "good"] } as const;

/** A class, not hooks: preact/hooks would cost the content script another kilobyte. */
class Actions extends Component<{ a: NonNullable<PanelProps["actions"]> }, { note?: string; status?: string }> {
  run = (what: string, task: () => Promise<unknown>) => () => {
    this.setState({ status: "" });
    task().catch((error: unknown) => {
      report(what, error);
      this.setState({ status: `Could not ${what}.` });
    });
  };
  render() {
    const { a } = this.props;
    const { note } = this.state;
    return [
      h(
        "div",
        { class: "acts" },
        h("button", { class: "primary", onClick: this.run("open the drafts", a.openDrafts) }, "Draft reply"),
        h("button", { "aria-expanded": note != null, onClick: this.run("write the decline note", async () => this.setState({ note: await a.declineNote() })) }, "Decline politely"),
      ),
      note != null &&
        h(
          "label",
          { class: "note" },
          "Decline note",
          // Focus moves to the note when it appears (which also scrolls it into view in the panel).
          h("textarea", { readOnly: true, rows: 6, value: note, ref: (el: HTMLTextAreaElement | null) => el?.focus() }),
          h("button", { onClick: this.run("copy the note", async () => (await navigator.clipboard.writeText(note), this.setState({ status: "Decline note copied." }))) }, "Copy note"),
        ),
      h("p", { class: "quiet", role: "status" }, this.state.status),
    ];
  }
}

/** A titled list (the list left out when empty). */
const section = (title: ComponentChild, items: ComponentChild[], cls?: string) => h("section", null, h("h3", null, title), items.length > 0 && h("ul", { class: cls }, items));

export function Panel(p: PanelProps) {
  const { fit, urgency, collapsed, error } = p;
  const score = fitHook(fit?.score);
  const missing = missingLine(p.missing);
  return h(
    "aside",
    { class: collapsed ? "panel collapsed" : "panel", "aria-label": "Invitewise: client fit and urgency" },
    h(
      "header",
      null,
      h(
        "button",
        { class: "toggle", "aria-expanded": !collapsed, onClick: p.onToggle },
        h("b", null, "Invitewise"),
        h("span", { class: "t " + (error ? "none" : fitTone(fit?.score)) }, h("span", { class: "sr" }, "fit "), error ? "unavailable" : score == "unknown" ? "not scored" : score),
        h("span", { class: "chev", "aria-hidden": "true" }, collapsed ? "‹" : "›"),
      ),
    ),
    !collapsed &&
      h(
        "div",
        { class: "body" },
        p.title && h("h2", null, p.title),
        error && h("p", { class: "quiet" }, "Invitewise could not score this page."),
        urgency && section(h("span", { class: urgency.level }, urgencyLine(urgency, p.now)), urgency.reasons.map((r) => h("li", null, r))),
        !!fit?.factors.length &&
          section(
          "Score factors (points of weight)",
          // A factor without data drops out (weight 0): left out of the score, not scored as bad.
          fit.factors.map((f) =>
            h(
              "li",
              null,
              f.label,
              h("span", { class: "pts" }, f.weight ? factorShare(f.points, f.weight) : "not scored"),
              f.value !== null && h("span", { class: "val" }, typeof f.value == "boolean" ? (f.value ? "yes" : "no") : f.value),
            ),
          ),
          "factors",
        ),
        !!fit?.flags.length &&
          section(
          "Flags",
          fit.flags.map((f) => h("li", { class: "flag " + SEVERITY[f.severity][1] }, h("b", null, SEVERITY[f.severity][0], ":"), " ", f.text)),
          "flags",
        ),
        missing && h("p", { class: "quiet" }, missing),
        p.actions && h(Actions, { a: p.actions }),
      ),
  );
}
