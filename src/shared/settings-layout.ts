/**
 * Where settings live in extension storage (settings-store.ts explains the layout): the storage
 * areas, the keys, the envelopes, and reading both areas into one state. Shared by loading,
 * placement, recovery and import.
 */
import browser from "webextension-polyfill";
import { Settings } from "./settings";

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

export type Placement = "sync" | "local";

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);
export const json = (x: unknown) => JSON.stringify(x) ?? "undefined";
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface Envelope {
  savedAt: number;
  value?: unknown;
  storedIn?: "local";
}

export function asEnvelope(x: unknown): Envelope | null {
  if (x === undefined) return null;
  if (isRecord(x) && typeof x["savedAt"] === "number" && ("value" in x || x["storedIn"] === "local"))
    return {
      savedAt: x["savedAt"],
      value: x["value"],
      ...(x["storedIn"] === "local" && { storedIn: "local" as const }),
    };
  // A bare value (written by hand or by other code): still read, and validated like any other.
  return { savedAt: 0, value: x };
}

export interface StoredState {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  syncError: string | null;
}

export async function readState(storage: SettingsStorage): Promise<StoredState> {
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

export interface Resolved {
  found: boolean;
  raw: unknown;
  from: Placement | "default";
  notice?: string;
}

/** The newest copy of a section across both areas. Ties go to sync (the copy every browser sees). */
export function resolveSection(section: SectionName, state: StoredState): Resolved {
  const key = sectionKey(section);
  const s = asEnvelope(state.sync[key]);
  const l = asEnvelope(state.local[key]);
  if (s && s.storedIn !== "local" && (!l || s.savedAt >= l.savedAt)) return { found: true, raw: s.value, from: "sync" };
  if (l && (!s || l.savedAt >= s.savedAt)) return { found: true, raw: l.value, from: "local" };
  if (s && s.storedIn === "local") {
    // Another browser saved a newer copy too large to sync; it lives only there.
    const notice = `Your ${section} settings were last saved in another browser and were too large to sync here.`;
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

export function storedVersion(state: StoredState): number | undefined {
  for (const v of [state.sync[VERSION_KEY], state.local[VERSION_KEY]]) if (typeof v === "number") return v;
  return undefined;
}
