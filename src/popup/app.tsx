/**
 * The popup: the reply draft for the job in the current tab (or the last invitation opened), with
 * copy buttons, a live letter check, autosave of edits, and "Insert into proposal" on apply pages.
 * Page text is rendered only as text children.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { checkLetter, draftReply, DURATION_LABELS } from "../drafting/index";
import { draftInputFor } from "../drafting/input";
import type { Draft, DraftTerms } from "../shared/draft";
import type { InsertResult } from "../shared/content-messages";
import { sendToBackground, type TabPageReply } from "../shared/messages";
import type { Job } from "../shared/records";
import type { Settings } from "../shared/settings";
import { loadSettings } from "../shared/settings-store";
import { urgencyLine } from "../shared/urgency-words";
import { insertIntoTab, markInvitation, tabPage, targetTabId } from "./data";
import { notFilledText } from "./insert-reasons";
import { applyEdits, draftKey, loadEdits, type SavedEdits } from "../shared/saved-edits";
import { HostAccessNotice } from "../shared/host-access";

type Loaded = {
  tabId: number | null;
  page: NonNullable<TabPageReply>;
  job: Job;
  settings: Settings;
  notices: string[];
  draft: Draft;
  key: string;
  edits: SavedEdits;
};

type State =
  | { status: "loading" }
  | { status: "empty"; message: string }
  | { status: "error"; message: string }
  | ({ status: "ready" } & Loaded);

async function load(): Promise<State> {
  const tabId = await targetTabId(location.search);
  const reply = await tabPage(tabId);
  if (!reply.ok) return { status: "error", message: `Could not read the page: ${reply.error}` };
  if (!reply.data)
    return {
      status: "empty",
      message: "Open an invitation, a job or a proposal form on Upwork, then open Invitewise again.",
    };
  const page = reply.data;
  const input = draftInputFor(page.parsed, page.url);
  if (typeof input === "string")
    return {
      status: "empty",
      message: "Nothing to draft here: open an invitation, a job or a proposal form on Upwork.",
    };
  const { settings, notices } = await loadSettings();
  const draft = draftReply(input, settings);
  const key = draftKey(input.job, page.url);
  const edits = await loadEdits(browser.storage.local, key);
  return { status: "ready", tabId, page, job: input.job, settings, notices, draft, key, edits };
}

export function App() {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    load().then(setState, (e: unknown) =>
      setState({ status: "error", message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return (
    <>
      {/* First: without access to Upwork the rest can only be the last invitation read before. */}
      <div class="access">
        <HostAccessNotice class="hint" />
      </div>
      <Content state={state} />
    </>
  );
}

function Content({ state }: { state: State }) {
  if (state.status === "loading")
    return (
      <p class="status" role="status">
        Reading the page…
      </p>
    );
  if (state.status !== "ready") {
    return (
      <main class="popup">
        <h1 class="title">Invitewise</h1>
        <p class={state.status === "error" ? "status error" : "status"} role="status">
          {state.message}
        </p>
      </main>
    );
  }
  return <DraftView {...state} />;
}

function profileEmpty(settings: Settings): boolean {
  const p = settings.profile;
  return !p.name.trim() && p.skills.length === 0 && p.portfolio.length === 0;
}

function fitLine(page: NonNullable<TabPageReply>): string | null {
  const parts: string[] = [];
  if (page.fit) {
    parts.push(page.fit.score == null ? "Fit: not enough data" : `Fit ${Math.round(page.fit.score)}/100`);
    const red = page.fit.flags.filter((f) => f.severity === "red").length;
    if (red) parts.push(`${red} red flag${red > 1 ? "s" : ""}`);
    if (page.fit.suggestedAction === "decline") parts.push("consider declining politely");
  }
  // The same words as the badge and the panel ("Reply today · reply in 5 h", "Late · 24 h passed").
  const urgency = urgencyLine(page.urgency, new Date());
  if (urgency) parts.push(urgency);
  return parts.length ? parts.join(" · ") : null;
}

function DraftView(props: Loaded) {
  const { page, job, settings, draft, key, tabId } = props;
  const [edits, setEdits] = useState<SavedEdits>(props.edits);
  const shown = useMemo(() => applyEdits(draft, edits), [draft, edits]);
  const check = useMemo(
    () => checkLetter(shown.coverLetter, job, settings.profile),
    [shown.coverLetter, job, settings.profile],
  );

  // Autosave: debounced while typing, and flushed when the popup closes. The pending edits are set
  // with the change itself, not in an effect: effects run after paint, and a popup closed within
  // that frame would lose the last keystroke.
  const pending = useRef<SavedEdits | null>(null);
  const flush = () => {
    if (pending.current) void sendToBackground({ type: "save-edits", key, edits: pending.current });
    pending.current = null;
  };
  const change = (next: (e: SavedEdits) => SavedEdits) =>
    setEdits((e) => {
      const edited = next(e);
      pending.current = edited;
      return edited;
    });
  useEffect(() => {
    const timer = setTimeout(flush, 300);
    return () => clearTimeout(timer);
  }, [edits]);
  useEffect(() => {
    addEventListener("pagehide", flush);
    return () => removeEventListener("pagehide", flush);
  }, []);

  const edit = (patch: Partial<SavedEdits>) => change((e) => ({ ...e, ...patch }));
  const canInsert = page.source === "tab" && page.parsed.kind === "apply" && tabId != null;
  const fit = fitLine(page);

  return (
    <main class="popup">
      <header class="head">
        <p class="eyebrow">
          {page.source === "last-invitation" ? "The last invitation you opened" : pageLabel(page.parsed.kind)}
        </p>
        <h1 class="title">{job.title ?? "Untitled job"}</h1>
        {fit && <p class="fit">{fit}</p>}
      </header>

      {profileEmpty(settings) && (
        <p class="hint" role="note">
          Fill your profile in Options for a personal draft.{" "}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Open Options
          </button>
        </p>
      )}
      {props.notices.map((n) => (
        <p class="hint" role="note" key={n}>
          {n}
        </p>
      ))}

      {page.parsed.kind === "invitation" && <ReplyStatus id={page.parsed.record.id} />}

      {canInsert && <InsertPanel tabId={tabId} draft={shown} />}

      <Section title="Cover letter" id="letter" copy={shown.coverLetter}>
        <label for="letter-text" class="sr-only">
          Cover letter text
        </label>
        <textarea
          id="letter-text"
          rows={12}
          value={shown.coverLetter}
          onInput={(e) => edit({ coverLetter: e.currentTarget.value })}
        />
        <LetterCheckView check={check} />
      </Section>

      <Section title="Terms" id="terms" copy={termsText(shown.terms)}>
        <TermsView terms={shown.terms} />
      </Section>

      {shown.answers.length > 0 && (
        <Section
          title="Screening questions"
          id="answers"
          copy={shown.answers.map((a) => `${a.question}\n${a.answer}`).join("\n\n")}
        >
          {shown.answers.map((a, i) => (
            <div class="answer" key={a.question}>
              <label for={`answer-${i}`}>{a.question}</label>
              <textarea
                id={`answer-${i}`}
                rows={4}
                value={a.answer}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  change((prev) => ({ ...prev, answers: { ...prev.answers, [a.question]: value } }));
                }}
              />
              <CopyButton text={a.answer} label={`Copy answer ${i + 1}`} />
            </div>
          ))}
        </Section>
      )}

      <Section title="Decline" id="decline" copy={shown.decline}>
        <p class="reason">
          Reason to choose: <strong>{shown.declineReason.label}</strong>
        </p>
        <label for="decline-text" class="sr-only">
          Decline note
        </label>
        <textarea
          id="decline-text"
          rows={6}
          value={shown.decline}
          onInput={(e) => edit({ decline: e.currentTarget.value })}
        />
      </Section>

      <Section title="Referral (optional)" id="referral" copy={shown.referral}>
        <label for="referral-text" class="sr-only">
          Referral note
        </label>
        <textarea
          id="referral-text"
          rows={3}
          value={shown.referral}
          onInput={(e) => edit({ referral: e.currentTarget.value })}
        />
      </Section>

      <Section title="Follow-up after submitting" id="follow-up" copy={shown.followUp}>
        <label for="follow-up-text" class="sr-only">
          Follow-up note
        </label>
        <textarea
          id="follow-up-text"
          rows={6}
          value={shown.followUp}
          onInput={(e) => edit({ followUp: e.currentTarget.value })}
        />
      </Section>

      <footer class="foot">
        <button
          type="button"
          class="secondary"
          onClick={() => change(() => ({}))}
          disabled={Object.keys(edits).length === 0}
        >
          Discard my edits
        </button>
        <span class="muted">Drafted in your browser; nothing is sent anywhere.</span>
      </footer>
    </main>
  );
}

function pageLabel(kind: string): string {
  return kind === "apply" ? "Proposal form" : kind === "invitation" ? "Invitation" : "Job";
}

function Section(props: { title: string; id: string; copy: string; children: preact.ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${props.id}-heading`}>
      <div class="section-head">
        <h2 id={`${props.id}-heading`}>{props.title}</h2>
        <CopyButton text={props.copy} label={`Copy ${props.title.toLowerCase()}`} />
      </div>
      {props.children}
    </section>
  );
}

function CopyButton(props: { text: string; label: string }) {
  const [done, setDone] = useState<"" | "Copied" | "Copy failed">("");
  return (
    <button
      type="button"
      class="copy"
      aria-label={props.label}
      onClick={() => {
        navigator.clipboard.writeText(props.text).then(
          () => setDone("Copied"),
          () => setDone("Copy failed"),
        );
        setTimeout(() => setDone(""), 1500);
      }}
    >
      {done || "Copy"}
    </button>
  );
}

function LetterCheckView({ check }: { check: ReturnType<typeof checkLetter> }) {
  return (
    <div class="check" aria-live="polite" data-iw-check>
      <p class="counts">
        {check.chars} characters · {check.words} words
      </p>
      <p class="preview-label">What the client sees first:</p>
      <blockquote class="preview">{check.preview}</blockquote>
      {(check.keywords.covered.length > 0 || check.keywords.missing.length > 0) && (
        <p class="keywords">
          Keywords:{" "}
          {check.keywords.covered.map((k) => (
            <span class="kw ok" key={k}>
              ✓ {k}
            </span>
          ))}
          {check.keywords.missing.map((k) => (
            <span class="kw missing" key={k}>
              ✗ {k}
            </span>
          ))}
        </p>
      )}
      {check.issues.length > 0 ? (
        <ul class="issues">
          {check.issues.map((i, n) => (
            <li key={`${i.id}-${n}`} data-issue={i.id}>
              {i.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">No issues found.</p>
      )}
    </div>
  );
}

const KIND_LABELS: Record<DraftTerms["kind"], string> = {
  hourly: "Hourly",
  fixed: "Fixed price, by project",
  milestone: "Fixed price, by milestone",
};

function money(n: number): string {
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export function termsText(terms: DraftTerms): string {
  const lines = [KIND_LABELS[terms.kind]];
  if (terms.kind === "hourly") lines.push(terms.rate != null ? `Rate: ${money(terms.rate)}/hr` : "Rate: [your rate]");
  else lines.push(terms.amount != null ? `Bid: ${money(terms.amount)}` : "Bid: [your bid]");
  terms.milestones.forEach((m, i) => lines.push(`Milestone ${i + 1}: ${m.description} — ${money(m.amount)}`));
  if (terms.duration) lines.push(`Duration: ${DURATION_LABELS[terms.duration]}`);
  return lines.join("\n");
}

function TermsView({ terms }: { terms: DraftTerms }) {
  return (
    <div class="terms">
      <p>
        <strong>{KIND_LABELS[terms.kind]}</strong>
        {terms.kind === "hourly"
          ? ` · ${terms.rate != null ? `${money(terms.rate)}/hr` : "no rate"}`
          : ` · ${terms.amount != null ? money(terms.amount) : "no bid"}`}
        {terms.duration ? ` · ${DURATION_LABELS[terms.duration]}` : ""}
      </p>
      {terms.milestones.length > 0 && (
        <ol class="milestones">
          {terms.milestones.map((m, i) => (
            <li key={i}>
              {m.description} — <strong>{money(m.amount)}</strong>
            </li>
          ))}
        </ol>
      )}
      {terms.notes.length > 0 && (
        <ul class="notes">
          {terms.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Upwork's 24 hours end with a reply (Accept or Decline; Ignore is not one). Invitewise never watches
 * the user's clicks on Upwork, so the user says so here, and the toolbar count drops.
 */
function ReplyStatus(props: { id: string }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const mark = (state: "replied" | "declined") => async () => {
    const reply = await markInvitation(props.id, state);
    if (!reply.ok) return setStatus({ text: `Could not save that: ${reply.error}`, error: true });
    const left =
      reply.pending === 0
        ? "No invitation is"
        : reply.pending === 1
          ? "1 invitation is"
          : `${reply.pending} invitations are`;
    setStatus({ text: `Marked as ${state}. ${left} still waiting for a reply within 24 hours.` });
  };
  return (
    <section class="reply-status" aria-labelledby="reply-status-heading">
      <h2 id="reply-status-heading" class="sr-only">
        Your reply on Upwork
      </h2>
      <p class="muted">Answered this invitation on Upwork?</p>
      <div class="row">
        <button type="button" class="secondary" onClick={mark("replied")}>
          I accepted it
        </button>
        <button type="button" class="secondary" onClick={mark("declined")}>
          I declined it
        </button>
      </div>
      {status && (
        <p class={status.error ? "status error" : "status"} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}

function InsertPanel(props: { tabId: number; draft: Draft }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult | { error: string } | null>(null);
  return (
    <section class="insert" aria-labelledby="insert-heading">
      <h2 id="insert-heading" class="sr-only">
        Insert into the proposal form
      </h2>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const { coverLetter, terms, answers } = props.draft;
          const reply = await insertIntoTab(props.tabId, { coverLetter, terms, answers });
          setResult(reply.ok ? reply.data : { error: reply.error });
          setBusy(false);
        }}
      >
        {busy ? "Inserting…" : "Insert into proposal"}
      </button>
      <p class="muted">Fills the form on the page; you review and submit it yourself.</p>
      {result && "error" in result && (
        <p class="status error" role="alert">
          {result.error}
        </p>
      )}
      {result && !("error" in result) && (
        <div role="status" data-iw-insert-result>
          {result.filled.length > 0 && <p>Filled: {result.filled.join(", ")}.</p>}
          {result.notFilled.length > 0 && (
            <>
              <p>Not filled:</p>
              <ul class="issues">
                {result.notFilled.map((n) => (
                  <li key={n.field}>
                    <strong>{n.field}</strong>: {notFilledText(n)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
