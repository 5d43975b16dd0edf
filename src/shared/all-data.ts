/**
 * Everything Invitewise keeps, in every storage area it may write (storage.local, storage.sync,
 * storage.session): read whole for "Export all data", emptied whole for "Erase all data"
 * (PRIVACY.md). Generic over keys on purpose: whatever a part of the extension stores — settings,
 * page records, saved drafts, diagnostics, an invitation log — is covered without this module
 * knowing its layout, so a new store can never be left out of an erase.
 */
import * as z from "zod/mini";
import browser from "webextension-polyfill";

export const AREAS = ["local", "sync", "session"] as const;
export type AreaName = (typeof AREAS)[number];

/** The part of a WebExtension StorageArea this module uses; tests pass in-memory fakes. */
export interface WholeArea {
  get(keys: null): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}
/** An area the browser lacks (storage.session before Chrome 102 / Firefox 115) is simply absent. */
export type Areas = Partial<Record<AreaName, WholeArea>>;

export function extensionAreas(): Areas {
  const storage = browser.storage as unknown as Partial<Record<AreaName, WholeArea>>;
  const areas: Areas = {};
  for (const name of AREAS) if (storage[name]) areas[name] = storage[name];
  return areas;
}

export const ALL_DATA_FORMAT = "invitewise-all-data";
const AreaContent = z.record(z.string(), z.unknown());
/** The export file: each area's items exactly as stored, keyed by storage key. */
export const AllData = z.object({
  format: z.literal(ALL_DATA_FORMAT),
  exportedAt: z.string(),
  extensionVersion: z.string(),
  areas: z.object({
    local: z.optional(AreaContent),
    sync: z.optional(AreaContent),
    session: z.optional(AreaContent),
  }),
});
export type AllData = z.infer<typeof AllData>;

/** Every item of every area, as stored. */
export async function readAllData(areas: Areas, extensionVersion: string, now = new Date()): Promise<AllData> {
  const out: AllData = { format: ALL_DATA_FORMAT, exportedAt: now.toISOString(), extensionVersion, areas: {} };
  for (const name of AREAS) {
    const area = areas[name];
    if (area) out.areas[name] = await area.get(null);
  }
  return out;
}

export interface EraseResult {
  /** The areas emptied. */
  erased: AreaName[];
  /** Keys still present after the erase (something wrote in between twice over): the erase failed. */
  left: Partial<Record<AreaName, string[]>>;
}

/**
 * Empties every area, then reads each back to prove it is empty. A write landing between the clear
 * and the check (the background finishing a page read) is cleared by one more pass; what survives
 * that is reported, never hidden.
 */
export async function eraseAllData(areas: Areas): Promise<EraseResult> {
  const names = AREAS.filter((name) => areas[name]);
  let left: Partial<Record<AreaName, string[]>> = {};
  for (let pass = 0; pass < 2; pass++) {
    left = {};
    for (const name of names) await areas[name]!.clear();
    for (const name of names) {
      const keys = Object.keys(await areas[name]!.get(null));
      if (keys.length > 0) left[name] = keys;
    }
    if (Object.keys(left).length === 0) break;
  }
  return { erased: names, left };
}

/** How many items each area holds (what the options page says will be erased). */
export async function countAllData(areas: Areas): Promise<Partial<Record<AreaName, number>>> {
  const counts: Partial<Record<AreaName, number>> = {};
  for (const name of AREAS) {
    const area = areas[name];
    if (area) counts[name] = Object.keys(await area.get(null)).length;
  }
  return counts;
}
