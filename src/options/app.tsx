/**
 * The options page: the user's settings, their backup (export/import) and diagnostics, one section
 * on screen at a time (route.ts), with the saved/unsaved state always in view.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { readDiagnostics, readStorageNotices, type ParseMiss, type StorageNotice } from "../shared/diagnostics";
import { readSeenSkills } from "../shared/seen-skills";
import { defaultSettings, type Settings } from "../shared/settings";
import { discardRecovered, type RecoveredEntry } from "../shared/settings-recovery";
import { InvalidSettingsError, loadSettings, saveSettings } from "../shared/settings-store";
import type { FieldContext } from "./fields";
import { fieldId, setAt, validate, type Path } from "./form";
import { loadLastOpenedJob } from "./last-job";
import type { PreviewJob } from "./preview";
import { DiagnosticsSection } from "./sections/diagnostics";
import { ImportExportSection } from "./sections/import-export";
import { ProfileSection } from "./sections/profile";
import { RatesSection } from "./sections/rates";
import { ScoringSection } from "./sections/scoring";
import { TemplatesSection } from "./sections/templates";
import { HostAccessNotice } from "../shared/host-access";
import {
  headingId,
  isSettingsSection,
  sectionOfPath,
  SECTIONS,
  titleOf,
  useSectionRoute,
  type SectionId,
  type SettingsSectionId,
} from "./route";
import { OPTIONS } from "../shared/words/options";

/** The settings form: its fields are spread over four sections, its Save button sits in the save bar. */
const FORM_ID = "settings-form";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Loaded {
  saved: Settings;
  loadNotices: string[];
  recovered: RecoveredEntry[];
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Settings>(defaultSettings);
  const [showErrors, setShowErrors] = useState(false);
  const [saveNotices, setSaveNotices] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const [saving, setSaving] = useState(false);
  const [seenSkills, setSeenSkills] = useState<string[]>([]);
  const [diagnostics, setDiagnostics] = useState<ParseMiss[]>([]);
  const [storageNotices, setStorageNotices] = useState<StorageNotice[]>([]);
  const [previewJob, setPreviewJob] = useState<PreviewJob | null>(null);
  const defaults = useMemo(defaultSettings, []);
  const { shown, go } = useSectionRoute();
  const current = shown.section;
  // Where "back to your settings" leads from Diagnostics: the settings section seen last.
  const lastSettings = useRef<SettingsSectionId>("rates");
  if (isSettingsSection(current)) lastSettings.current = current;

  const reload = useCallback(async (resetDraft: boolean) => {
    const result = await loadSettings();
    setLoaded({ saved: result.settings, loadNotices: result.notices, recovered: result.recovered ?? [] });
    if (resetDraft) setDraft(result.settings);
  }, []);

  useEffect(() => {
    reload(true).catch((e) => setLoadError(message(e)));
    // Suggestions and diagnostics are extras: a failure there must not stop the page.
    readSeenSkills().then(setSeenSkills, (e) => console.warn("[invitewise] seen skills unavailable", e));
    readDiagnostics().then(setDiagnostics, (e) => console.warn("[invitewise] diagnostics unavailable", e));
    readStorageNotices().then(setStorageNotices, (e) => console.warn("[invitewise] storage notices unavailable", e));
    loadLastOpenedJob().then(setPreviewJob, (e) => console.warn("[invitewise] no job for the template preview", e));
  }, [reload]);

  const errors = useMemo(() => (showErrors ? validate(draft) : {}), [draft, showErrors]);
  const dirty = loaded !== null && !same(draft, loaded.saved);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener("beforeunload", warn);
    return () => removeEventListener("beforeunload", warn);
  }, [dirty]);

  const ctx: FieldContext = useMemo(
    () => ({
      errors,
      onChange(path: Path, value: unknown) {
        setDraft((d) => setAt(d, path, value));
        setStatus("");
      },
    }),
    [errors],
  );

  // Each navigation moves focus once, when its section is on screen: to the section's heading, or
  // to the field it was for (an error, a first-run link). A section is shown from the top of the page.
  const focusedFor = useRef(-1);
  useEffect(() => {
    if (!loaded || shown.focus === null || focusedFor.current === shown.n) return;
    focusedFor.current = shown.n;
    const target = document.getElementById(shown.focus);
    target?.focus({ preventScroll: true });
    if (shown.focus === headingId(shown.section)) scrollTo({ top: 0 });
    else target?.scrollIntoView({ block: "center" });
  }, [loaded, shown]);

  useEffect(() => {
    document.title = `${titleOf(current)} – Invitewise settings`;
  }, [current]);

  /** Shows a field in its section and focuses it. */
  const goToField = (path: string) => go(sectionOfPath(path) ?? lastSettings.current, fieldId(path.split(".")));

  const save = async () => {
    const problems = validate(draft);
    const paths = Object.keys(problems);
    if (paths.length > 0) {
      setShowErrors(true);
      setStatus(`Not saved: ${paths.length} ${paths.length === 1 ? "field needs" : "fields need"} attention.`);
      // The first problem of the section on screen, else the first of all, in its own section.
      goToField(paths.find((p) => sectionOfPath(p) === current) ?? paths[0]!);
      return;
    }
    setSaving(true);
    try {
      const result = await saveSettings(draft);
      setSaveNotices(result.notices);
      setShowErrors(false);
      await reload(false);
      setStatus(OPTIONS.saved);
    } catch (e) {
      setStatus(OPTIONS.notSaved(e instanceof InvalidSettingsError ? e.field : message(e)));
    } finally {
      setSaving(false);
    }
  };

  // Ctrl/Cmd+S saves, as in an editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        document.querySelector<HTMLButtonElement>("[data-testid=save]")?.click();
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  if (loadError) {
    return (
      <main class="page">
        <h1>{OPTIONS.title}</h1>
        <p class="error" role="alert" data-testid="load-error">
          {OPTIONS.loadFailed} {loadError}
        </p>
      </main>
    );
  }
  if (!loaded)
    return (
      <p class="loading" aria-busy="true">
        {OPTIONS.loading}
      </p>
    );

  const saved = loaded.saved;
  // What the score and drafts need most, in the order of the sections: [settings path, words].
  const toFill: Array<[string, string]> = [];
  const ask = OPTIONS.toFill;
  if (saved.rates.hourly === null) toFill.push(["rates.hourly", ask["rates.hourly"]]);
  if (!saved.profile.name.trim()) toFill.push(["profile.name", ask["profile.name"]]);
  if (saved.profile.skills.length === 0) toFill.push(["profile.skills", ask["profile.skills"]]);
  const notices = [...loaded.loadNotices, ...saveNotices];
  const errorCount = Object.keys(errors).length;
  const onSettings = current !== "diagnostics";
  const next = SECTIONS[SECTIONS.findIndex((s) => s.id === current) + 1];
  /** A link to a field that shows its section first (the field may be on another one). */
  const fieldLink = (path: string, text: string) => (
    <a
      href={`#${fieldId(path.split("."))}`}
      onClick={(e) => {
        e.preventDefault();
        goToField(path);
      }}
    >
      {text}
    </a>
  );
  const view = (id: SectionId) => ({ hidden: current !== id });

  return (
    <div class="page" data-testid="options-ready">
      <a
        class="skip"
        href={`#${current}`}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById(headingId(current))?.focus();
        }}
      >
        {OPTIONS.skipTo(titleOf(current))}
      </a>
      <header class="top">
        <h1>{OPTIONS.title}</h1>
      </header>

      <div class="layout">
        <nav class="sidenav" aria-label={OPTIONS.sections}>
          <ul>
            {SECTIONS.map(({ id, title, settings }) => {
              const unsaved = settings && !same(draft[id], saved[id]);
              const toFix = settings ? Object.keys(errors).filter((p) => sectionOfPath(p) === id).length : 0;
              return (
                // Diagnostics are no setting: listed apart.
                <li key={id} class={id === "diagnostics" ? "apart" : undefined}>
                  <a
                    href={`#${id}`}
                    data-testid={`nav-${id}`}
                    aria-current={id === current ? "page" : undefined}
                    onClick={(e) => {
                      // The same hash fires no hashchange: move focus to the heading all the same.
                      if (location.hash === `#${id}`) {
                        e.preventDefault();
                        go(id);
                      }
                    }}
                  >
                    <span>{title}</span>
                    {toFix > 0 && <span class="mark mark--error">{OPTIONS.toFix(toFix)}</span>}
                    {unsaved && <span class="mark">{OPTIONS.unsaved}</span>}
                  </a>
                </li>
              );
            })}
            {/* Its own page: what the invitations the user answered brought. */}
            <li class="apart">
              <a href="../insights/index.html" data-testid="nav-insights">
                <span>{OPTIONS.insights}</span>
              </a>
            </li>
          </ul>
        </nav>

        <main id="main">
          <HostAccessNotice class="notice" />
          {!onSettings && dirty && (
            <p class="notice" data-testid="unsaved-elsewhere">
              {OPTIONS.unsavedElsewhere}{" "}
              <a href={`#${lastSettings.current}`}>{OPTIONS.backTo(titleOf(lastSettings.current))}</a>{" "}
              {OPTIONS.toSaveOrDiscard}
            </p>
          )}
          <div hidden={!onSettings}>
            {toFill.length > 0 && (
              <section class="banner" data-testid="first-run" aria-labelledby="first-run-title">
                <h2 id="first-run-title">{OPTIONS.startHere}</h2>
                <p>
                  {OPTIONS.fillIn}{" "}
                  {toFill.map(([path, text], i) => (
                    <span key={path}>
                      {i > 0 && (i === toFill.length - 1 ? OPTIONS.and : ", ")}
                      {fieldLink(path, text)}
                    </span>
                  ))}{" "}
                  {OPTIONS.firstRunWhy}
                </p>
              </section>
            )}

            <div class="notices" role="status" aria-live="polite" data-testid="notices">
              {notices.length > 0 && (
                <ul>
                  {notices.map((n, i) => (
                    <li class="notice" key={i} data-testid="notice">
                      {n}
                    </li>
                  ))}
                </ul>
              )}
              {loaded.recovered.length > 0 && (
                <div class="row">
                  {[...new Set(loaded.recovered.map((r) => r.section))].map((section) => (
                    <button
                      type="button"
                      key={section}
                      data-testid={`discard-recovered-${section}`}
                      onClick={async () => {
                        await discardRecovered(section);
                        await reload(false);
                      }}
                    >
                      {OPTIONS.discardKept(section)}
                    </button>
                  ))}
                </div>
              )}
            </div>

            {errorCount > 0 && (
              <div class="error-summary" role="alert" data-testid="error-summary">
                <p>{OPTIONS.needAttention(errorCount)}</p>
                <ul>
                  {Object.entries(errors).map(([path, text]) => (
                    <li key={path}>{fieldLink(path, `${path}: ${text}`)}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>

          {/* Every settings section stays mounted (hidden when not shown): the draft and what is being typed survive a change of section. */}
          <form
            id={FORM_ID}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
            aria-label={OPTIONS.settings}
            hidden={!isSettingsSection(current)}
          >
            <div {...view("rates")}>
              <RatesSection ctx={ctx} rates={draft.rates} />
            </div>
            <div {...view("profile")}>
              <ProfileSection ctx={ctx} profile={draft.profile} seenSkills={seenSkills} />
            </div>
            <div {...view("templates")}>
              <TemplatesSection ctx={ctx} draft={draft} preview={previewJob} />
            </div>
            <div {...view("scoring")}>
              <ScoringSection ctx={ctx} scoring={draft.scoring} defaults={defaults.scoring} />
            </div>
          </form>
          {/* The first-run path, section after section. */}
          {isSettingsSection(current) && next?.settings && (
            <p class="pager">
              <a href={`#${next.id}`}>{OPTIONS.next(next.title)}</a>
            </p>
          )}

          <div {...view("backup")}>
            <ImportExportSection
              dirty={dirty}
              onImported={async (importNotices) => {
                await reload(true);
                setShowErrors(false);
                setSaveNotices(importNotices);
                setStatus(OPTIONS.imported);
              }}
              onError={setStatus}
              onErased={async () => {
                await reload(true);
                setShowErrors(false);
                setSaveNotices([]);
                setSeenSkills([]);
                setDiagnostics([]);
                setStorageNotices([]);
                setPreviewJob(null);
              }}
            />
          </div>
          {/* Diagnostics are no setting: no save bar there. */}
          <div {...view("diagnostics")}>
            <DiagnosticsSection
              entries={diagnostics}
              storage={storageNotices}
              onCleared={() => {
                setDiagnostics([]);
                setStorageNotices([]);
              }}
            />
          </div>

          {onSettings && (
            <div class={`savebar${dirty ? " savebar--dirty" : ""}`} data-testid="savebar">
              <p class="save-state" data-testid="save-state">
                <span class="save-dot" aria-hidden="true" />
                {dirty ? OPTIONS.unsavedChanges : OPTIONS.allSaved}
              </p>
              <button type="submit" form={FORM_ID} class="primary" data-testid="save" disabled={saving}>
                {saving ? OPTIONS.saving : OPTIONS.save}
              </button>
              <button
                type="button"
                data-testid="discard"
                disabled={!dirty || saving}
                onClick={() => (setDraft(saved), setShowErrors(false), setStatus(OPTIONS.discarded))}
              >
                {OPTIONS.discard}
              </button>
              <p class="status" role="status" data-testid="save-status">
                {status}
              </p>
            </div>
          )}
        </main>
      </div>
      {/* Last in the tab order: the privacy policy is shown under Export and import. */}
      <footer class="foot">
        <a href="#privacy" data-testid="footer-privacy">
          {OPTIONS.privacy}
        </a>
      </footer>
    </div>
  );
}
