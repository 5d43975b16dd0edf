/**
 * Damaged stored settings are never thrown away: each unreadable value is kept under
 * `settings.corrupt.<section>` in storage.local (a few per section) and exported under `recovered`,
 * until the user discards it.
 */
import {
  corruptKey,
  extensionStorage,
  isRecord,
  json,
  type SettingsStorage,
  type StorageAreaLike,
  type StoredState,
} from "./settings-layout";

/** Damaged copies kept per section; older ones are dropped first. */
const MAX_RECOVERED_PER_SECTION = 5;

export interface RecoveredEntry {
  section: string;
  /** The stored value exactly as found. */
  raw: unknown;
  /** Why it could not be read, naming the field. */
  error: string;
  /** When it was found (ISO). */
  at: string;
}

export function recoveredFrom(local: Record<string, unknown>, section: string): RecoveredEntry[] {
  const list = local[corruptKey(section)];
  return Array.isArray(list) ? (list.filter((e) => isRecord(e) && "raw" in e) as RecoveredEntry[]) : [];
}

/** Keeps a damaged value once (same raw value is not stored twice); returns true when it was new. */
export async function keepCorrupt(local: StorageAreaLike, state: StoredState, entry: RecoveredEntry): Promise<boolean> {
  const list = recoveredFrom(state.local, entry.section);
  if (list.some((e) => json(e.raw) === json(entry.raw))) return false;
  const next = [...list, entry].slice(-MAX_RECOVERED_PER_SECTION);
  await local.set({ [corruptKey(entry.section)]: next });
  state.local[corruptKey(entry.section)] = next;
  return true;
}

/** The user has recovered what they needed: drop the kept damaged copies of one section. */
export async function discardRecovered(section: string, storage: SettingsStorage = extensionStorage()): Promise<void> {
  await storage.local.remove(corruptKey(section));
}
