/**
 * The settings file (records.md §5): export, and import in two steps — a preview listing every change,
 * then the save once the user confirmed. An invalid file changes nothing.
 */
import { describeIssue, Settings } from "./settings";
import { errorText, extensionStorage, isRecord, json, type SettingsStorage } from "./settings-layout";
import { migrate } from "./settings-migrations";
import { InvitationLog, LOG_KEY, readLog, storedForm, type LogEntry } from "./invitation-log";
import type { SaveResult } from "./settings-placement";
import type { RecoveredEntry } from "./settings-recovery";
import { loadSettings, options, saveSettings, type StoreOptions } from "./settings-store";

/**
 * The settings file of records.md §5 (version, rates, profile) plus the project's own sections, and
 * the invitation log (`invitationLog`, src/shared/invitation-log.ts) when it holds anything. On
 * import a file without `invitationLog` leaves the current log alone; one with it replaces the log
 * (a restore), after validating every entry like the rest of the file.
 */
export type SettingsExport = Settings & {
  recovered?: Record<string, Array<Omit<RecoveredEntry, "section">>>;
  invitationLog?: LogEntry[];
};

export async function exportSettings(storage: SettingsStorage = extensionStorage()): Promise<SettingsExport> {
  const { settings, recovered = [] } = await loadSettings(storage);
  // §5 keys first, in the documented order; then the project's sections.
  const { version, rates, profile, ...own } = settings;
  const file: SettingsExport = { version, rates, profile, ...own };
  if (recovered.length) {
    file.recovered = {};
    for (const { section, ...rest } of recovered) (file.recovered[section] ??= []).push(rest);
  }
  const log = await readLog(storage.local);
  if (log.entries.length) file.invitationLog = log.entries;
  return file;
}

export interface SettingsChange {
  /** Dotted path, e.g. "rates.hourly" or "profile.portfolio.2.title". */
  path: string;
  /** `undefined` when the field is new. */
  from: unknown;
  /** `undefined` when the field is removed. */
  to: unknown;
}

export type ImportPreview =
  | {
      ok: true;
      settings: Settings;
      changes: SettingsChange[];
      migrated: string[];
      /** The invitation log the file carries; null when it carries none (the current log stays). */
      invitationLog: LogEntry[] | null;
    }
  | { ok: false; error: string };

const isList = (x: unknown): x is unknown[] => Array.isArray(x);

/** Every leaf that differs. Lists of plain values (skills) count as one value; lists of objects are compared item by item. */
export function diffSettings(from: unknown, to: unknown, path = "", out: SettingsChange[] = []): SettingsChange[] {
  const join = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (isRecord(from) && isRecord(to)) {
    for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) diffSettings(from[k], to[k], join(k), out);
  } else if (isList(from) && isList(to) && [...from, ...to].some((x) => typeof x === "object" && x !== null)) {
    for (let i = 0; i < Math.max(from.length, to.length); i++) diffSettings(from[i], to[i], join(i), out);
  } else if (json(from) !== json(to)) {
    out.push({ path, from, to });
  }
  return out;
}

/** Parses and validates a settings file without changing anything; lists what applying it would change. */
export async function previewImport(
  /** The file's text, or its value already parsed. */
  input: unknown,
  arg?: SettingsStorage | StoreOptions,
): Promise<ImportPreview> {
  const { storage, migrations } = options(arg);
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `The file is not valid JSON (${errorText(e)})` };
    }
  }
  if (!isRecord(value)) return { ok: false, error: "(root): expected a settings object" };
  const migrated = migrate(value, migrations);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const { recovered: _ignored, invitationLog: rawLog, ...file } = migrated.value;
  const parsed = Settings.safeParse(file);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, file) };
  let invitationLog: LogEntry[] | null = null;
  if (rawLog !== undefined) {
    const log = InvitationLog.safeParse(rawLog);
    if (!log.success) return { ok: false, error: describeIssue(log.error.issues[0]!, rawLog, "invitationLog") };
    invitationLog = log.data;
  }
  const current = await loadSettings({ storage, migrations });
  const changes = diffSettings(current.settings, parsed.data);
  if (invitationLog) {
    const now = (await readLog(storage.local)).entries;
    if (json(now) !== json(invitationLog))
      changes.push({
        path: "invitationLog",
        from: `${now.length} invitations logged`,
        to: `${invitationLog.length} invitations logged`,
      });
  }
  return { ok: true, settings: parsed.data, changes, migrated: migrated.applied, invitationLog };
}

/** Validates again and saves; an invalid file changes nothing. Call after the user confirmed the preview. */
export async function applyImport(
  /** The file's text, or its value already parsed. */
  input: unknown,
  arg?: SettingsStorage | StoreOptions,
): Promise<{ ok: true; changes: SettingsChange[]; save: SaveResult } | { ok: false; error: string }> {
  const { storage, migrations } = options(arg);
  const preview = await previewImport(input, { storage, migrations });
  if (!preview.ok) return preview;
  const save = await saveSettings(preview.settings, storage);
  // Written here, not by the worker: an import is the user restoring the log as a whole. The whole-log
  // item replaces the log at once; the worker moves it into its shards when it next uses the log.
  if (preview.invitationLog) await storage.local.set({ [LOG_KEY]: storedForm(preview.invitationLog) });
  return { ok: true, changes: preview.changes, save };
}
