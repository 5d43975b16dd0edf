/** The options page: the user's settings, import/export and diagnostics. */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { readDiagnostics, readStorageNotices, type ParseMiss, type StorageNotice } from "../shared/diagnostics";
import { readSeenSkills } from "../shared/seen-skills";
import { defaultSettings, type Settings } from "../shared/settings";
import { discardRecovered, InvalidSettingsError, loadSettings, saveSettings, type RecoveredEntry } from "../shared/settings-store";
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

const SECTION_LINKS = [
  ["rates", "Rates"],
  ["profile", "Profile"],
  ["templates", "Templates"],
  ["scoring", "Scoring"],
  ["import-export", "Import / export"],
  ["diagnostics", "Diagnostics"],
] as const;

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

  const save = async () => {
    const problems = validate(draft);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      setShowErrors(true);
      const count = Object.keys(problems).length;
      setStatus(`Not saved: ${count} ${count === 1 ? "field needs" : "fields need"} attention.`);
      requestAnimationFrame(() => {
        const field = document.getElementById(fieldId(first.split(".")));
        field?.focus({ preventScroll: true });
        field?.scrollIntoView({ block: "center" });
      });
      return;
    }
    setSaving(true);
    try {
      const result = await saveSettings(draft);
      setSaveNotices(result.notices);
      setShowErrors(false);
      await reload(false);
      setStatus("Saved.");
    } catch (e) {
      setStatus(e instanceof InvalidSettingsError ? `Not saved: ${e.field}` : `Not saved: ${message(e)}`);
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
        <h1>Invitewise settings</h1>
        <p class="error" role="alert" data-testid="load-error">
          Settings could not be loaded: {loadError}
        </p>
      </main>
    );
  }
  if (!loaded) return <p class="loading" aria-busy="true">Loading settings…</p>;

  const saved = loaded.saved;
  // What the score and drafts need most, in the order to fill it: [field id, words].
  const toFill: Array<[string, string]> = [];
  if (!saved.profile.name.trim()) toFill.push(["profile-name", "your name"]);
  if (saved.profile.skills.length === 0) toFill.push(["profile-skills", "your skills"]);
  if (saved.rates.hourly === null) toFill.push(["rates-hourly", "your hourly rate"]);
  const notices = [...loaded.loadNotices, ...saveNotices];
  const errorCount = Object.keys(errors).length;

  return (
    <div class="page" data-testid="options-ready">
      <a class="skip" href="#main">
        Skip to settings
      </a>
      <header class="top">
        <h1>Invitewise settings</h1>
        <nav aria-label="Sections">
          <ul>
            {SECTION_LINKS.map(([id, text]) => (
              <li key={id}>
                <a href={`#${id}`}>{text}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <main id="main" tabIndex={-1}>
        <HostAccessNotice class="notice" />
        {toFill.length > 0 && (
          <section class="banner" data-testid="first-run" aria-labelledby="first-run-title">
            <h2 id="first-run-title">Start here</h2>
            <p>
              Fill in{" "}
              {toFill.map(([id, text], i) => (
                <span key={id}>
                  {i > 0 && (i === toFill.length - 1 ? " and " : ", ")}
                  <a href={`#f-${id}`}>{text}</a>
                </span>
              ))}{" "}
              first, then save: the fit score and the drafts use them. Until then the popup and the score work on defaults.
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
                  Discard the kept copy of {section} (export first to keep it)
                </button>
              ))}
            </div>
          )}
        </div>

        {errorCount > 0 && (
          <div class="error-summary" role="alert" data-testid="error-summary">
            <p>
              {errorCount} {errorCount === 1 ? "field needs" : "fields need"} attention:
            </p>
            <ul>
              {Object.entries(errors).map(([path, text]) => (
                <li key={path}>
                  <a href={`#${fieldId(path.split("."))}`}>
                    {path}: {text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}

        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
          aria-label="Settings"
        >
          <RatesSection ctx={ctx} rates={draft.rates} />
          <ProfileSection ctx={ctx} profile={draft.profile} seenSkills={seenSkills} />
          <TemplatesSection ctx={ctx} draft={draft} preview={previewJob} />
          <ScoringSection ctx={ctx} scoring={draft.scoring} defaults={defaults.scoring} />

          <div class="savebar">
            <button type="submit" class="primary" data-testid="save" disabled={saving}>
              {saving ? "Saving…" : "Save settings"}
            </button>
            <button type="button" data-testid="discard" disabled={!dirty || saving} onClick={() => (setDraft(saved), setShowErrors(false), setStatus("Changes discarded."))}>
              Discard changes
            </button>
            <p class="status" role="status" data-testid="save-status">
              {status || (dirty ? "Unsaved changes." : "")}
            </p>
          </div>
        </form>

        <ImportExportSection
          dirty={dirty}
          onImported={async (importNotices) => {
            await reload(true);
            setShowErrors(false);
            setSaveNotices(importNotices);
            setStatus("Imported and saved.");
          }}
          onError={setStatus}
        />
        <DiagnosticsSection
          entries={diagnostics}
          storage={storageNotices}
          onCleared={() => {
            setDiagnostics([]);
            setStorageNotices([]);
          }}
        />
      </main>
    </div>
  );
}
