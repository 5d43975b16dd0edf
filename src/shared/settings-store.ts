/**
 * Reading and writing the user's settings in extension storage, so that nothing is lost.
 *
 * Layout: one item per settings section (`settings.rates`, `settings.profile`, …) plus
 * `settings.version`. Each item is an envelope `{ savedAt, value }`. Every section is written to
 * storage.local (this browser's copy, never over quota in practice) and then to storage.sync when it
 * fits — sync allows 8 KB per item and ~100 KB in all; a section that does not fit gets a pointer
 * `{ savedAt, storedIn: "local" }` in sync and a notice saying it will not follow the user to other
 * browsers. On read the newest envelope wins, so a failed sync write never hides a newer local copy.
 *
 * Every read is validated section by section: a section that fails falls back to its default with a
 * notice naming it, and its raw value is kept under `settings.corrupt.<section>` in storage.local and
 * exported under `recovered`, so the user can get it back.
 */
import * as z from "zod/mini";
import { describeIssue, Settings, SETTINGS_VERSION } from "./settings";
import { migrate, MIGRATIONS, type Migration } from "./settings-migrations";
import browser from "webextension-polyfill";

/** The part of a WebExtension StorageArea this module uses; tests pass in-memory fakes. */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
export interface SettingsStorage {
  sync: StorageAreaLike;
  local: StorageAreaLike;
}

/** The browser's own storage areas (tests pass in-memory fakes instead). */
export function extensionStorage(): SettingsStorage {
  return { sync: browser.storage.sync, local: browser.storage.local };
}

export type SectionName = Exclude<keyof Settings, "version">;
/** Taken from the schema so a section added to settings.ts is stored without touching this file. */
export const SECTIONS = Object.keys(Settings.shape).filter((k) => k !== "version") as SectionName[];

export const VERSION_KEY = "settings.version";
/** The single item the first version of this store wrote (whole settings object, in sync). */
export const LEGACY_KEY = "settings";
export const sectionKey = (section: string) => `settings.${section}`;
export const corruptKey = (section: string) => `settings.corrupt.${section}`;

/** Headroom under chrome.storage.sync.QUOTA_BYTES_PER_ITEM (8,192) and QUOTA_BYTES (102,400). */
export const SYNC_ITEM_LIMIT = 7_000;
export const SYNC_TOTAL_LIMIT = 90_000;
/** Damaged copies kept per section; older ones are dropped first. */
const MAX_RECOVERED_PER_SECTION = 5;

export type Placement = "sync" | "local";

export interface RecoveredEntry {
  section: string;
  /** The stored value exactly as found. */
  raw: unknown;
  /** Why it could not be read, naming the field. */
  error: string;
  /** When it was found (ISO). */
  at: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** Plain-language notices for the user, e.g. a corrupt stored value that fell back to its default. */
  notices: string[];
  /** True when nothing has ever been saved: the extension runs on defaults and should say what to fill first. */
  firstRun?: boolean;
  /** Where each section was read from. */
  sources?: Record<string, Placement | "default">;
  /** Damaged stored values kept for recovery (also in the export). */
  recovered?: RecoveredEntry[];
}

export interface SaveResult {
  /** Where each section now lives. */
  placement: Record<string, Placement>;
  /** What the user should know: sections kept on this browser only, and why. */
  notices: string[];
}

const SECTION_LABELS: Record<string, string> = {
  rates: "rates",
  profile: "profile",
  templates: "templates",
  scoring: "scoring",
};
const label = (section: string) => SECTION_LABELS[section] ?? section;

// ---------------------------------------------------------------------------------------------
// Helpers

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const json = (x: unknown) => JSON.stringify(x) ?? "undefined";
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Size the way Chrome counts it against the sync quota: key plus JSON value, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + json(value)).length;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

// ---------------------------------------------------------------------------------------------
// Envelopes and the state read from both areas

interface Envelope {
  savedAt: number;
  value?: unknown;
  storedIn?: "local";
}

function asEnvelope(x: unknown): Envelope | null {
  if (x === undefined) return null;
  if (isRecord(x) && typeof x["savedAt"] === "number" && ("value" in x || x["storedIn"] === "local"))
    return x as unknown as Envelope;
  // A bare value (written by hand or by other code): still read, and validated like any other.
  return { savedAt: 0, value: x };
}

interface StoredState {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  syncError: string | null;
}

async function readState(storage: SettingsStorage): Promise<StoredState> {
  // Named keys only: storage.local also holds diagnostics and the record cache.
  const keys = [VERSION_KEY, LEGACY_KEY, ...SECTIONS.map(sectionKey), ...SECTIONS.map(corruptKey)];
  let sync: Record<string, unknown> = {};
  let syncError: string | null = null;
  try {
    sync = (await storage.sync.get(keys)) ?? {};
  } catch (e) {
    syncError = errorText(e);
  }
  const local = (await storage.local.get(keys)) ?? {};
  return { sync, local, syncError };
}

interface Resolved {
  found: boolean;
  raw: unknown;
  from: Placement | "default";
  notice?: string;
}

/** The newest copy of a section across both areas. Ties go to sync (the copy every browser sees). */
function resolveSection(section: SectionName, state: StoredState): Resolved {
  const key = sectionKey(section);
  const s = asEnvelope(state.sync[key]);
  const l = asEnvelope(state.local[key]);
  if (s && s.storedIn !== "local" && (!l || s.savedAt >= l.savedAt)) return { found: true, raw: s.value, from: "sync" };
  if (l && (!s || l.savedAt >= s.savedAt)) return { found: true, raw: l.value, from: "local" };
  if (s && s.storedIn === "local") {
    // Another browser saved a newer copy too large to sync; it lives only there.
    const notice = `Your ${label(section)} settings were last saved in another browser and were too large to sync here.`;
    if (l)
      return { found: true, raw: l.value, from: "local", notice: `${notice} This browser's older copy is in use.` };
    return {
      found: false,
      raw: undefined,
      from: "default",
      notice: `${notice} Defaults are in use until you save them here.`,
    };
  }
  return { found: false, raw: undefined, from: "default" };
}

function storedVersion(state: StoredState): number | undefined {
  for (const v of [state.sync[VERSION_KEY], state.local[VERSION_KEY]]) if (typeof v === "number") return v;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Recovered (damaged) values

function recoveredFrom(local: Record<string, unknown>, section: string): RecoveredEntry[] {
  const list = local[corruptKey(section)];
  return Array.isArray(list) ? (list.filter((e) => isRecord(e) && "raw" in e) as RecoveredEntry[]) : [];
}

/** Keeps a damaged value once (same raw value is not stored twice); returns true when it was new. */
async function keepCorrupt(local: StorageAreaLike, state: StoredState, entry: RecoveredEntry): Promise<boolean> {
  const list = recoveredFrom(state.local, entry.section);
  if (list.some((e) => json(e.raw) === json(entry.raw))) return false;
  const next = [...list, entry].slice(-MAX_RECOVERED_PER_SECTION);
  await local.set({ [corruptKey(entry.section)]: next });
  state.local[corruptKey(entry.section)] = next;
  return true;
}

export async function listRecovered(storage: SettingsStorage = extensionStorage()): Promise<RecoveredEntry[]> {
  const local = await storage.local.get(SECTIONS.map(corruptKey));
  return SECTIONS.flatMap((s) => recoveredFrom(local, s));
}

/** The user has recovered what they needed: drop the kept damaged copies of one section. */
export async function discardRecovered(section: string, storage: SettingsStorage = extensionStorage()): Promise<void> {
  await storage.local.remove(corruptKey(section));
}

// ---------------------------------------------------------------------------------------------
// Load

export interface StoreOptions {
  storage?: SettingsStorage;
  /** Injectable for tests; the real chain lives in settings-migrations.ts. */
  migrations?: readonly Migration[];
}

function isOptions(x: unknown): x is StoreOptions {
  return isRecord(x) && !("sync" in x && "local" in x);
}
function options(arg: SettingsStorage | StoreOptions | undefined): Required<StoreOptions> {
  if (arg === undefined) return { storage: extensionStorage(), migrations: MIGRATIONS };
  if (isOptions(arg)) return { storage: arg.storage ?? extensionStorage(), migrations: arg.migrations ?? MIGRATIONS };
  return { storage: arg, migrations: MIGRATIONS };
}

export async function loadSettings(arg?: SettingsStorage | StoreOptions): Promise<LoadedSettings> {
  const { storage, migrations } = options(arg);
  const state = await readState(storage);
  const notices: string[] = [];
  if (state.syncError)
    notices.push(
      `Browser sync storage could not be read (${state.syncError}); settings saved in this browser are in use.`,
    );

  // Gather the raw value of each section, from the current layout or the legacy single item.
  const raws: Partial<Record<SectionName, unknown>> = {};
  const sources: Record<string, Placement | "default"> = {};
  let version = storedVersion(state);
  const legacy = version === undefined ? state.sync[LEGACY_KEY] : undefined;
  let rewrite = false;
  if (legacy !== undefined) {
    rewrite = true;
    if (isRecord(legacy)) {
      version = typeof legacy["version"] === "number" ? legacy["version"] : 1;
      for (const s of SECTIONS) if (legacy[s] !== undefined) ((raws[s] = legacy[s]), (sources[s] = "sync"));
    } else {
      // Not even an object: keep it whole for recovery; every section takes its default.
      const entry = {
        section: "settings",
        raw: legacy,
        error: "(root): expected a settings object",
        at: new Date().toISOString(),
      };
      await keepCorrupt(storage.local, state, entry);
      notices.push(
        'Your stored settings could not be read; defaults are in use. The unreadable value is kept and included in Export under "recovered".',
      );
    }
  } else {
    for (const s of SECTIONS) {
      const r = resolveSection(s, state);
      sources[s] = r.from;
      if (r.notice) notices.push(r.notice);
      if (r.found) raws[s] = r.raw;
    }
  }
  const firstRun = legacy === undefined && version === undefined && Object.keys(raws).length === 0;

  // Migrate old versions (the whole object at once, as a migration may move data between sections).
  const present = SECTIONS.filter((s) => s in raws);
  if (version !== undefined && version !== SETTINGS_VERSION && present.length > 0) {
    const migrated = migrate({ ...raws, version }, migrations);
    if (migrated.ok) {
      if (migrated.applied.length)
        notices.push(`Your settings were updated to the current format (version ${version} → ${SETTINGS_VERSION}).`);
      for (const s of SECTIONS) if (migrated.value[s] !== undefined) raws[s] = migrated.value[s];
      rewrite = true;
    } else if (version > SETTINGS_VERSION) {
      // A newer Invitewise (another browser, via sync) wrote these: read what we can, write nothing back.
      notices.push(
        `Your settings were saved by a newer version of Invitewise (format ${version}); what this version understands is in use.`,
      );
    } else {
      notices.push(
        `Your settings could not be updated from format ${version} (${migrated.error}); defaults are in use, and the old values are kept in Export under "recovered".`,
      );
      for (const s of present) {
        await keepCorrupt(storage.local, state, {
          section: s,
          raw: raws[s],
          error: migrated.error,
          at: new Date().toISOString(),
        });
        delete raws[s];
        sources[s] = "default";
      }
    }
  }

  // Validate every section on its own, so one bad section never costs the others.
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  const newlyCorrupt = new Set<string>();
  for (const s of SECTIONS) {
    const schema = Settings.shape[s] as z.ZodMiniType;
    const result = schema.safeParse(raws[s]);
    if (result.success) {
      out[s] = result.data;
      continue;
    }
    const error = describeIssue(result.error.issues[0]!, raws[s], s);
    out[s] = schema.parse(undefined);
    sources[s] = "default";
    newlyCorrupt.add(s);
    await keepCorrupt(storage.local, state, { section: s, raw: raws[s], error, at: new Date().toISOString() });
    notices.push(
      `Your stored ${label(s)} settings could not be read (${error}); defaults are in use for that section. The unreadable value is kept and included in Export under "recovered".`,
    );
  }
  const settings = Settings.parse(out);

  const recovered = [...SECTIONS, "settings"].flatMap((s) => recoveredFrom(state.local, s));
  for (const s of new Set(recovered.map((e) => e.section))) {
    if (newlyCorrupt.has(s)) continue;
    const at = recovered
      .filter((e) => e.section === s)
      .at(-1)
      ?.at.slice(0, 10);
    notices.push(
      `A damaged copy of your ${label(s)} settings (found ${at}) is kept for recovery; Export includes it under "recovered".`,
    );
  }

  if (rewrite) {
    // Write the migrated layout back; damaged sections are left out so their defaults are not saved over them.
    const valid = Object.fromEntries(SECTIONS.filter((s) => !newlyCorrupt.has(s) && s in raws).map((s) => [s, out[s]]));
    const saved = await writeSections(storage, valid, state);
    notices.push(...saved.notices);
    if (legacy !== undefined) await storage.sync.remove(LEGACY_KEY).catch(() => undefined);
  }

  return { settings, notices, firstRun, sources, recovered };
}

// ---------------------------------------------------------------------------------------------
// Save

let lastSavedAt = 0;
/** Strictly increasing, so two saves in the same millisecond still order correctly. */
function nextSavedAt(): number {
  lastSavedAt = Math.max(Date.now(), lastSavedAt + 1);
  return lastSavedAt;
}

/** Chooses sync or local per section: the smallest sections go to sync first, within both limits. */
export function planPlacement(
  values: Record<string, unknown>,
  savedAt = 0,
): { placement: Record<string, Placement>; bytes: Record<string, number> } {
  const bytes: Record<string, number> = {};
  for (const [s, value] of Object.entries(values)) bytes[s] = itemBytes(sectionKey(s), { savedAt, value });
  let total = itemBytes(VERSION_KEY, SETTINGS_VERSION);
  const placement: Record<string, Placement> = {};
  for (const s of Object.keys(values).sort((a, b) => bytes[a]! - bytes[b]!)) {
    const size = bytes[s]!;
    if (size <= SYNC_ITEM_LIMIT && total + size <= SYNC_TOTAL_LIMIT) {
      placement[s] = "sync";
      total += size;
    } else placement[s] = "local";
  }
  return { placement, bytes };
}

async function writeSections(
  storage: SettingsStorage,
  values: Record<string, unknown>,
  state: StoredState,
): Promise<SaveResult> {
  const savedAt = nextSavedAt();
  const { placement, bytes } = planPlacement(values, savedAt);
  const notices: string[] = [];
  // Sections already saved identically (same value, same place) are skipped: sync allows few writes per minute.
  const changed = Object.keys(values).filter((s) => {
    const current = resolveSection(s as SectionName, state);
    const syncEnv = asEnvelope(state.sync[sectionKey(s)]);
    const samePlace = placement[s] === "local" ? syncEnv?.storedIn === "local" : current.from === "sync";
    return !(current.found && samePlace && json(current.raw) === json(values[s]));
  });

  // This browser's copy first: it never hits the sync quota, so the value is safe before sync is tried.
  if (changed.length)
    await storage.local.set({
      ...Object.fromEntries(changed.map((s) => [sectionKey(s), { savedAt, value: values[s] }])),
      [VERSION_KEY]: SETTINGS_VERSION,
    });
  for (const s of changed) {
    const key = sectionKey(s);
    try {
      await storage.sync.set({
        [key]: placement[s] === "sync" ? { savedAt, value: values[s] } : { savedAt, storedIn: "local" },
      });
    } catch (e) {
      placement[s] = "local";
      notices.push(
        `Your ${label(s)} settings could not be saved to browser sync (${errorText(e)}); they are saved in this browser only.`,
      );
    }
  }
  for (const s of Object.keys(values)) {
    if (placement[s] === "local" && bytes[s]! > SYNC_ITEM_LIMIT) {
      notices.push(
        `Your ${label(s)} settings are ${kb(bytes[s]!)}, more than browser sync holds per item (8 KB), so they are saved in this browser only and will not follow you to other browsers.`,
      );
    } else if (placement[s] === "local" && !notices.some((n) => n.startsWith(`Your ${label(s)} settings could not`))) {
      notices.push(
        `Browser sync is nearly full, so your ${label(s)} settings are saved in this browser only and will not follow you to other browsers.`,
      );
    }
  }
  if (changed.length) await storage.sync.set({ [VERSION_KEY]: SETTINGS_VERSION }).catch(() => undefined);
  return { placement, notices };
}

export class InvalidSettingsError extends Error {
  constructor(readonly field: string) {
    super(`Settings not saved: ${field}`);
  }
}

/** Validates and saves every section. Throws InvalidSettingsError (naming the field) before writing anything. */
export async function saveSettings(
  settings: Settings,
  storage: SettingsStorage = extensionStorage(),
): Promise<SaveResult> {
  const parsed = Settings.safeParse(settings);
  if (!parsed.success) throw new InvalidSettingsError(describeIssue(parsed.error.issues[0]!, settings));
  const state = await readState(storage);
  return writeSections(storage, Object.fromEntries(SECTIONS.map((s) => [s, parsed.data[s]])), state);
}

// ---------------------------------------------------------------------------------------------
// Export and import

/** The settings file of records.md §5 (version, rates, profile) plus the project's own sections. */
export type SettingsExport = Settings & { recovered?: Record<string, Array<Omit<RecoveredEntry, "section">>> };

export async function exportSettings(storage: SettingsStorage = extensionStorage()): Promise<SettingsExport> {
  const { settings, recovered = [] } = await loadSettings(storage);
  // §5 keys first, in the documented order; then the project's sections.
  const { version, rates, profile, ...own } = settings;
  const file: SettingsExport = { version, rates, profile, ...own };
  if (recovered.length) {
    file.recovered = {};
    for (const { section, ...rest } of recovered) (file.recovered[section] ??= []).push(rest);
  }
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
  { ok: true; settings: Settings; changes: SettingsChange[]; migrated: string[] } | { ok: false; error: string };

/** Every leaf that differs. Lists of plain values (skills) count as one value; lists of objects are compared item by item. */
export function diffSettings(from: unknown, to: unknown, path = "", out: SettingsChange[] = []): SettingsChange[] {
  const join = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (isRecord(from) && isRecord(to)) {
    for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) diffSettings(from[k], to[k], join(k), out);
  } else if (
    Array.isArray(from) &&
    Array.isArray(to) &&
    [...from, ...to].some((x) => typeof x === "object" && x !== null)
  ) {
    for (let i = 0; i < Math.max(from.length, to.length); i++) diffSettings(from[i], to[i], join(i), out);
  } else if (json(from) !== json(to)) {
    out.push({ path, from, to });
  }
  return out;
}

/** Parses and validates a settings file without changing anything; lists what applying it would change. */
export async function previewImport(
  input: string | unknown,
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
  const { recovered: _ignored, ...file } = migrated.value;
  const parsed = Settings.safeParse(file);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, file) };
  const current = await loadSettings({ storage, migrations });
  return {
    ok: true,
    settings: parsed.data,
    changes: diffSettings(current.settings, parsed.data),
    migrated: migrated.applied,
  };
}

/** Validates again and saves; an invalid file changes nothing. Call after the user confirmed the preview. */
export async function applyImport(
  input: string | unknown,
  arg?: SettingsStorage | StoreOptions,
): Promise<{ ok: true; changes: SettingsChange[]; save: SaveResult } | { ok: false; error: string }> {
  const { storage, migrations } = options(arg);
  const preview = await previewImport(input, { storage, migrations });
  if (!preview.ok) return preview;
  const save = await saveSettings(preview.settings, storage);
  return { ok: true, changes: preview.changes, save };
}
