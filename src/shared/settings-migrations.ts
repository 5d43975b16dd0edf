/**
 * Schema migrations for stored and imported settings.
 *
 * A migration turns a settings object of version `from` into one of version `from + 1`. Stored
 * settings and imported files both go through `migrate` before validation, so a file exported by an
 * older Invitewise still imports and an old browser profile still loads.
 *
 * Version 1 is the first published format (records.md §5), so there is nothing to migrate yet.
 * (The storage *layout* change — one `settings` item → one item per section — is handled by the
 * store, because the content of that old item was already version 1.)
 */
import { SETTINGS_VERSION } from "./settings";

export type SettingsObject = Record<string, unknown>;

export interface Migration {
  /** The version this migration reads; it produces `from + 1`. */
  from: number;
  /** One line for the notice the user sees, e.g. "templates moved out of profile". */
  describe: string;
  up(value: SettingsObject): SettingsObject;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrateResult = { ok: true; value: SettingsObject; applied: string[] } | { ok: false; error: string };

/** The version a stored or imported settings object declares; a missing version counts as 1. */
export function versionOf(value: SettingsObject): number | null {
  const v = value["version"];
  if (v === undefined) return 1;
  return typeof v === "number" && Number.isInteger(v) ? v : null;
}

/**
 * Brings `value` up to `target` one step at a time. Refuses a version newer than `target` (a newer
 * Invitewise wrote it; guessing would lose data) and a gap in the chain.
 */
export function migrate(
  value: SettingsObject,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrateResult {
  const start = versionOf(value);
  if (start === null)
    return { ok: false, error: `version: not a version number (${JSON.stringify(value["version"])})` };
  if (start > target)
    return { ok: false, error: `version: ${start} is newer than this Invitewise understands (${target})` };
  let current: SettingsObject = structuredClone(value);
  const applied: string[] = [];
  for (let v = start; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, error: `version: no migration from version ${v}` };
    current = { ...step.up(current), version: v + 1 };
    applied.push(`${v} → ${v + 1}: ${step.describe}`);
  }
  return { ok: true, value: { ...current, version: target }, applied };
}
