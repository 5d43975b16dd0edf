/** The docked panel: score with each factor's share, flags, urgency and its reasons, unread fields, actions. */
import { Component } from "preact";
import { report } from "../watch";
import type { Fit, Urgency } from "../../shared/score";
import { factorShare, fitHook, fitTone, LEVEL_LABEL, missingLine, timeLeft } from "./format";

export interface PanelActions {
  /** Opens the drafting for this job (the popup, or the popup page in a tab). */
  draft(): Promise<void>;
  /** The polite decline note, ready to copy. */
  declineNote(): Promise<string>;
}

export interface PanelProps {
  title: string | null;
  fit: Fit | null;
  urgency: Urgency | null;
  missing: readonly string[];
  /** Our code or the background failed: say so quietly. */
  error: boolean;
  /** Still waiting for the background's answer. */
  pending: boolean;
  now: Date;
  collapsed: boolean;
  onToggle(): void;
  actions: PanelActions | null;
}

/** A flag's words and its tone (the flag takes the fit bands' colours). */
const SEVERITY = { red: ["Red flag", "poor"], amber: ["Caution", "fair"], green: ["Good sign", "good"] } as const;

/** A class, not hooks: preact/hooks would cost the content script another kilobyte. */
class Actions extends Component<{ actions: PanelActions }, { note: string | null; status: string }> {
  override state = { note: null as string | null, status: "" };
  /** Focus moves to the note when it appears (which also scrolls it into view in the panel). */
  focusNote = (el: HTMLTextAreaElement | null) => el?.focus();
  run = (what: string, task: () => Promise<unknown>) => () => {
    this.setState({ status: "" });
    task().catch((error: unknown) => {
      report(what, error);
      this.setState({ status: `Could not ${what}.` });
    });
  };
  render() {
    const { actions } = this.props;
    const { note, status } = this.state;
    return (
      <>
        <div class="acts">
          <button class="primary" onClick={this.run("open the drafts", actions.draft)}>
            Draft reply
          </button>
          <button
           
            aria-expanded={note !== null}
            onClick={this.run("write the decline note", async () => this.setState({ note: await actions.declineNote() }))}
          >
            Decline politely
          </button>
        </div>
        {note !== null && (
          <label class="note">
            Decline note
            <textarea readOnly rows={6} value={note} ref={this.focusNote} />
            <button
             
              onClick={this.run("copy the note", async () => {
                await navigator.clipboard.writeText(note);
                this.setState({ status: "Decline note copied." });
              })}
            >
              Copy note
            </button>
          </label>
        )}
        <p class="quiet" role="status">
          {status}
        </p>
      </>
    );
  }
}

export function Panel(props: PanelProps) {
  const { fit, urgency, collapsed } = props;
  const score = fitHook(fit?.score);
  const left = urgency && urgency.level !== "closed" ? timeLeft(urgency.replyBy, props.now) : null;
  const missing = missingLine(props.missing);
  return (
    <aside class={collapsed ? "panel collapsed" : "panel"} aria-label="Invitewise: client fit and urgency">
      <header>
        <button class="toggle" aria-expanded={!collapsed} onClick={props.onToggle}>
          <b>Invitewise</b>
          <span class={`t ${props.error ? "none" : fitTone(fit?.score)}`}>
            <span class="sr">fit </span>
            {props.error ? "unavailable" : props.pending ? "…" : score === "unknown" ? "not scored" : score}
          </span>
          <span class="chev" aria-hidden="true">
            {collapsed ? "‹" : "›"}
          </span>
        </button>
      </header>
      {!collapsed && (
        <div class="body">
          {props.title && <h2>{props.title}</h2>}
          {props.error && <p class="quiet">Invitewise could not score this page.</p>}
          {urgency && (
            <section>
              <h3>
                <span class={urgency.level}>{LEVEL_LABEL[urgency.level]}</span>
                {left && ` · ${left}`}
              </h3>
              {urgency.reasons.length > 0 && (
                <ul>
                  {urgency.reasons.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {fit && fit.factors.length > 0 && (
            <section>
              <h3>Score factors (points of weight)</h3>
              <ul class="factors">
                {fit.factors.map((f) => (
                  <li key={f.id}>
                    <span>{f.label}</span>
                    <span class="pts">{factorShare(f.points, f.weight)}</span>
                    {f.value !== null && <span class="val">{typeof f.value === "boolean" ? (f.value ? "yes" : "no") : String(f.value)}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {fit && fit.flags.length > 0 && (
            <section>
              <h3>Flags</h3>
              <ul class="flags">
                {fit.flags.map((flag) => (
                  <li key={flag.id} class={`flag ${SEVERITY[flag.severity][1]}`}>
                    <b>{SEVERITY[flag.severity][0]}:</b> {flag.text}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {missing && <p class="quiet">{missing}</p>}
          {props.actions && <Actions actions={props.actions} />}
        </div>
      )}
    </aside>
  );
}
