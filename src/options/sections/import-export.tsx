import { useState } from "preact/hooks";
import { applyImport, exportSettings, previewImport, type SettingsChange } from "../../shared/settings-import";
import { headingId, titleOf } from "../route";
import { YourDataPanel } from "./your-data";
import { BACKUP } from "../../shared/words/options";

const show = (v: unknown) =>
  v === undefined ? BACKUP.unset : typeof v === "string" ? (v === "" ? BACKUP.empty : v) : JSON.stringify(v);

type State =
  | { step: "idle" }
  | { step: "error"; error: string }
  | { step: "preview"; text: string; fileName: string; changes: SettingsChange[]; migrated: string[] };

export function ImportExportSection({
  dirty,
  onImported,
  onError,
  onErased,
}: {
  dirty: boolean;
  onImported(notices: string[]): void;
  onError(message: string): void;
  /** Every storage area was emptied: the page drops what it shows of the old data. */
  onErased(): Promise<void> | void;
}) {
  const [state, setState] = useState<State>({ step: "idle" });
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const download = async () => {
    try {
      const file = await exportSettings();
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `invitewise-settings-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      onError(BACKUP.exportFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const preview = await previewImport(text);
      setState(
        preview.ok
          ? { step: "preview", text, fileName: file.name, changes: preview.changes, migrated: preview.migrated }
          : { step: "error", error: preview.error },
      );
    } catch (e) {
      setState({ step: "error", error: BACKUP.unreadable(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async (text: string) => {
    setBusy(true);
    try {
      const result = await applyImport(text);
      if (!result.ok) return setState({ step: "error", error: result.error });
      setState({ step: "idle" });
      setInputKey((k) => k + 1);
      onImported(result.save.notices);
    } catch (e) {
      onError(BACKUP.importFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setState({ step: "idle" });
    setInputKey((k) => k + 1);
  };

  return (
    <section id="backup" aria-labelledby={headingId("backup")} data-testid="section-import-export">
      <h2 id={headingId("backup")} tabIndex={-1}>
        {titleOf("backup")}
      </h2>
      <p class="intro">
        {BACKUP.introStart} <code>--settings</code> {BACKUP.introMiddle} <code>recovered</code>
        {BACKUP.introEnd}
      </p>
      <button type="button" data-testid="export" onClick={download}>
        {BACKUP.export}
      </button>
      <div class={`field field--wide${state.step === "error" ? " field--invalid" : ""}`}>
        <label for="import-file">{BACKUP.import}</label>
        <input
          key={inputKey}
          id="import-file"
          data-testid="import-file"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          aria-describedby={state.step === "error" ? "import-file-hint import-error" : "import-file-hint"}
          aria-invalid={state.step === "error" ? true : undefined}
          onChange={(e) => choose(e.currentTarget)}
        />
        <p class="hint" id="import-file-hint">
          {BACKUP.previewFirst}
          {dirty ? BACKUP.replacesEdits : ""}
        </p>
        {state.step === "error" && (
          <p class="error" id="import-error" role="alert" data-testid="import-error">
            {BACKUP.notImported(state.error)}
          </p>
        )}
      </div>
      {state.step === "preview" && (
        <div class="import-preview" data-testid="import-preview" role="region" aria-labelledby="import-preview-title">
          <h3 id="import-preview-title">
            {state.changes.length === 0
              ? BACKUP.matches(state.fileName)
              : BACKUP.changes(state.fileName, state.changes.length)}
          </h3>
          {state.migrated.length > 0 && <p>{BACKUP.migrated(state.migrated)}</p>}
          {state.changes.length > 0 && (
            <div class="table-scroll" tabIndex={0} aria-label={BACKUP.changesTable}>
              <table data-testid="import-changes">
                <thead>
                  <tr>
                    <th scope="col">{BACKUP.setting}</th>
                    <th scope="col">{BACKUP.now}</th>
                    <th scope="col">{BACKUP.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row">
                        <code>{c.path}</code>
                      </th>
                      <td class="cell-text">{show(c.from)}</td>
                      <td class="cell-text">{show(c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              data-testid="import-apply"
              disabled={busy || state.changes.length === 0}
              onClick={() => apply(state.text)}
            >
              {BACKUP.apply}
            </button>
            <button type="button" data-testid="import-cancel" onClick={cancel}>
              {BACKUP.cancel}
            </button>
          </div>
        </div>
      )}
      <YourDataPanel onErased={onErased} />
    </section>
  );
}
