/**
 * In-memory StorageArea fakes. Values go through JSON like the real storage (so no shared references),
 * and the sync fake enforces Chrome's quotas the way chrome.storage.sync does: it rejects the whole
 * `set` call when an item is over QUOTA_BYTES_PER_ITEM or the total would pass QUOTA_BYTES.
 */
import type { SettingsStorage, StorageAreaLike } from "../../../src/shared/settings-layout";

export const QUOTA_BYTES_PER_ITEM = 8_192;
export const QUOTA_BYTES = 102_400;

const bytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

export class MemoryArea implements StorageAreaLike {
  data = new Map<string, string>();
  writes = 0;
  /** Set to make every call reject, like sync when the user is signed out of a broken profile. */
  failWith: string | null = null;

  constructor(readonly quota: { perItem?: number; total?: number } = {}) {}

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    if (this.failWith) throw new Error(this.failWith);
    const wanted =
      keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === "string" ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = JSON.parse(this.data.get(k)!);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    const { perItem, total } = this.quota;
    if (perItem !== undefined) {
      for (const [k, v] of Object.entries(items))
        if (bytes(k, v) > perItem) throw new Error("QUOTA_BYTES_PER_ITEM quota exceeded");
    }
    if (total !== undefined) {
      const next = new Map(this.data);
      for (const [k, v] of Object.entries(items)) next.set(k, JSON.stringify(v));
      let sum = 0;
      for (const [k, v] of next) sum += new TextEncoder().encode(k + v).length;
      if (sum > total) throw new Error("QUOTA_BYTES quota exceeded");
    }
    this.writes++;
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }

  async remove(keys: string | string[]): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    for (const k of typeof keys === "string" ? [keys] : keys) this.data.delete(k);
  }

  raw(key: string): unknown {
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }

  put(key: string, value: unknown): void {
    this.data.set(key, JSON.stringify(value));
  }

  snapshot(): string {
    return JSON.stringify([...this.data.entries()].sort());
  }
}

export function fakeStorage(): SettingsStorage & { sync: MemoryArea; local: MemoryArea } {
  return { sync: new MemoryArea({ perItem: QUOTA_BYTES_PER_ITEM, total: QUOTA_BYTES }), local: new MemoryArea() };
}
