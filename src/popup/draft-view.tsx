/**
 * The draft for one page: the letter with its live check, terms, answers and notes, each editable
 * (edits autosaved) and copyable; the reply marks on invitations; Insert on proposal forms.
 * Page text is rendered only as text children.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { checkLetter } from "../drafting/index";
import type { Draft } from "../shared/draft";
import { sendToBackground, type TabPageReply } from "../shared/messages";
import type { Job } from "../shared/records";
import type { Settings } from "../shared/settings";
import { applyEdits, type SavedEdits } from "../shared/saved-edits";
import { urgencyLine } from "../shared/urgency-words";
import { InsertPanel } from "./parts/insert-panel";
import { LetterCheckView } from "./parts/letter-check";
import { ReplyStatus } from "./parts/reply-status";
import { CopyButton, Section } from "./parts/section";
import { termsText, TermsView } from "./parts/terms";
import { POPUP } from "../shared/words/popup";

export type Loaded = {
  tabId: number | null;
  page: NonNullable<TabPageReply>;
  job: Job;
  settings: Settings;
  notices: string[];
  draft: Draft;
  key: string;
  edits: SavedEdits;
};

function profileEmpty(settings: Settings): boolean {
  const p = settings.profile;
  return !p.name.trim() && p.skills.length === 0 && p.portfolio.length === 0;
}

function fitLine(page: NonNullable<TabPageReply>): string | null {
  const parts: string[] = [];
  if (page.fit) {
    parts.push(page.fit.score == null ? POPUP.fitUnknown : POPUP.fit(Math.round(page.fit.score)));
    const red = page.fit.flags.filter((f) => f.severity === "red").length;
    if (red) parts.push(POPUP.redFlags(red));
    if (page.fit.suggestedAction === "decline") parts.push(POPUP.considerDeclining);
  }
  // The same words as the badge and the panel ("Reply today · reply in 5 h", "Late · 24 h passed").
  const urgency = urgencyLine(page.urgency, new Date());
  if (urgency) parts.push(urgency);
  return parts.length ? parts.join(" · ") : null;
}

export function DraftView(props: Loaded) {
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
  const flush = useCallback(() => {
    if (pending.current) void sendToBackground({ type: "save-edits", key, edits: pending.current });
    pending.current = null;
  }, [key]);
  const change = (next: (e: SavedEdits) => SavedEdits) =>
    setEdits((e) => {
      const edited = next(e);
      pending.current = edited;
      return edited;
    });
  useEffect(() => {
    const timer = setTimeout(flush, 300);
    return () => clearTimeout(timer);
  }, [edits, flush]);
  useEffect(() => {
    addEventListener("pagehide", flush);
    return () => removeEventListener("pagehide", flush);
  }, [flush]);

  const edit = (patch: Partial<SavedEdits>) => change((e) => ({ ...e, ...patch }));
  const canInsert = page.source === "tab" && page.parsed.kind === "apply" && tabId != null;
  const fit = fitLine(page);

  return (
    <main class="popup">
      <header class="head">
        <p class="eyebrow">
          {page.source === "last-invitation" ? POPUP.lastInvitation : POPUP.pageKind(page.parsed.kind)}
        </p>
        <h1 class="title">{job.title ?? POPUP.untitled}</h1>
        {fit && <p class="fit">{fit}</p>}
      </header>

      {profileEmpty(settings) && (
        <p class="hint" role="note">
          {POPUP.profileEmpty}{" "}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {POPUP.openOptions}
          </button>
        </p>
      )}
      {props.notices.map((n) => (
        <p class="hint" role="note" key={n}>
          {n}
        </p>
      ))}

      {page.parsed.kind === "invitation" && page.parsed.record.id && <ReplyStatus id={page.parsed.record.id} />}

      {canInsert && <InsertPanel tabId={tabId} draft={shown} />}

      <Section title={POPUP.coverLetter} id="letter" copy={shown.coverLetter}>
        <label for="letter-text" class="sr-only">
          {POPUP.coverLetterText}
        </label>
        <textarea
          id="letter-text"
          rows={12}
          value={shown.coverLetter}
          onInput={(e) => edit({ coverLetter: e.currentTarget.value })}
        />
        <LetterCheckView check={check} />
      </Section>

      <Section title={POPUP.terms} id="terms" copy={termsText(shown.terms)}>
        <TermsView terms={shown.terms} />
      </Section>

      {shown.answers.length > 0 && (
        <Section
          title={POPUP.questions}
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
              <CopyButton text={a.answer} label={POPUP.copyAnswer(i + 1)} />
            </div>
          ))}
        </Section>
      )}

      <Section title={POPUP.decline} id="decline" copy={shown.decline}>
        <p class="reason">
          {POPUP.declineReason} <strong>{shown.declineReason.label}</strong>
        </p>
        <label for="decline-text" class="sr-only">
          {POPUP.declineText}
        </label>
        <textarea
          id="decline-text"
          rows={6}
          value={shown.decline}
          onInput={(e) => edit({ decline: e.currentTarget.value })}
        />
      </Section>

      <Section title={POPUP.referral} id="referral" copy={shown.referral}>
        <label for="referral-text" class="sr-only">
          {POPUP.referralText}
        </label>
        <textarea
          id="referral-text"
          rows={3}
          value={shown.referral}
          onInput={(e) => edit({ referral: e.currentTarget.value })}
        />
      </Section>

      <Section title={POPUP.followUp} id="follow-up" copy={shown.followUp}>
        <label for="follow-up-text" class="sr-only">
          {POPUP.followUpText}
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
          {POPUP.discardEdits}
        </button>
        <span class="muted">{POPUP.local}</span>
        <a href="../insights/index.html" target="_blank" rel="noopener" data-testid="insights-link">
          {POPUP.insights}
        </a>
      </footer>
    </main>
  );
}
