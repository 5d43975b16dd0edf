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
import type * as z from "zod/mini";
import { describeIssue, Settings, SETTINGS_VERSION } from "./settings";
import {
  extensionStorage,
  isRecord,
  LEGACY_KEY,
  readState,
  resolveSection,
  SECTIONS,
  storedVersion,
  type Placement,
  type SectionName,
  type SettingsStorage,
} from "./settings-layout";
import { migrate, MIGRATIONS, type Migration } from "./settings-migrations";
import { writeSections, type SaveResult } from "./settings-placement";
import { keepCorrupt, recoveredFrom, type RecoveredEntry } from "./settings-recovery";

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

export interface StoreOptions {
  storage?: SettingsStorage;
  /** Injectable for tests; the real chain lives in settings-migrations.ts. */
  migrations?: readonly Migration[];
}

function isOptions(x: unknown): x is StoreOptions {
  return isRecord(x) && !("sync" in x && "local" in x);
}
export function options(arg: SettingsStorage | StoreOptions | undefined): Required<StoreOptions> {
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
      for (const s of SECTIONS) {
        if (legacy[s] === undefined) continue;
        raws[s] = legacy[s];
        sources[s] = "sync";
      }
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
      `Your stored ${s} settings could not be read (${error}); defaults are in use for that section. The unreadable value is kept and included in Export under "recovered".`,
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
      `A damaged copy of your ${s} settings (found ${at}) is kept for recovery; Export includes it under "recovered".`,
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
