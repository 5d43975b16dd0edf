/**
 * Writing settings sections: each to storage.local first (never over quota in practice), then to
 * storage.sync when it fits the sync quotas, smallest sections first; a section that does not fit
 * leaves a pointer in sync and a notice that it stays in this browser.
 */
import { SETTINGS_VERSION } from "./settings";
import {
  asEnvelope,
  errorText,
  json,
  resolveSection,
  sectionKey,
  VERSION_KEY,
  type Placement,
  type SectionName,
  type SettingsStorage,
  type StoredState,
} from "./settings-layout";

/** Headroom under chrome.storage.sync.QUOTA_BYTES_PER_ITEM (8,192) and QUOTA_BYTES (102,400). */
export const SYNC_ITEM_LIMIT = 7_000;
export const SYNC_TOTAL_LIMIT = 90_000;
export interface SaveResult {
  /** Where each section now lives. */
  placement: Record<string, Placement>;
  /** What the user should know: sections kept on this browser only, and why. */
  notices: string[];
}

/** Size the way Chrome counts it against the sync quota: key plus JSON value, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + json(value)).length;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

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

export async function writeSections(
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
        `Your ${s} settings could not be saved to browser sync (${errorText(e)}); they are saved in this browser only.`,
      );
    }
  }
  for (const s of Object.keys(values)) {
    if (placement[s] === "local" && bytes[s]! > SYNC_ITEM_LIMIT) {
      notices.push(
        `Your ${s} settings are ${kb(bytes[s]!)}, more than browser sync holds per item (8 KB), so they are saved in this browser only and will not follow you to other browsers.`,
      );
    } else if (placement[s] === "local" && !notices.some((n) => n.startsWith(`Your ${s} settings could not`))) {
      notices.push(
        `Browser sync is nearly full, so your ${s} settings are saved in this browser only and will not follow you to other browsers.`,
      );
    }
  }
  if (changed.length) await storage.sync.set({ [VERSION_KEY]: SETTINGS_VERSION }).catch(() => undefined);
  return { placement, notices };
}
