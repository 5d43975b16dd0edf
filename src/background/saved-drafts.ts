/**
 * The popup's saved edits (src/shared/saved-edits.ts), written here only: at most DRAFTS_CAP drafts,
 * the least recently saved forgotten first, and a job's draft forgotten when the record cache evicts
 * the job and every invitation that refers to it. An index (key → saved at, ms) finds the oldest
 * without reading every draft.
 */
import * as z from "zod/mini";
import { draftKeyOfJob, loadEdits, noEdits, SavedEdits } from "../shared/saved-edits";
import type { StorageLike } from "./record-cache";

export const DRAFTS_CAP = 100;
const INDEX_KEY = "iw:drafts:index";
const Index = z.record(z.string(), z.number());

export class SavedDrafts {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly storage: StorageLike,
    private readonly cap = DRAFTS_CAP,
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async index(): Promise<Record<string, number>> {
    const checked = Index.safeParse((await this.storage.get(INDEX_KEY))[INDEX_KEY]);
    return checked.success ? checked.data : {};
  }

  /** A draft's saved edits (none: {}), validated like every stored value. */
  edits(key: string): Promise<SavedEdits> {
    return loadEdits(this.storage, key);
  }

  /** Saves a draft's edits (none: forgets it). The edits were validated with the request. */
  save(key: string, edits: SavedEdits | null, now: Date): Promise<void> {
    return this.exclusive(async () => {
      const index = await this.index();
      if (edits === null || noEdits(edits)) {
        delete index[key];
        await this.storage.remove(key);
        await this.storage.set({ [INDEX_KEY]: index });
        return;
      }
      const { savedAt: _ignored, ...rest } = SavedEdits.parse(edits);
      index[key] = now.getTime();
      const oldest = Object.keys(index).sort((a, b) => index[a]! - index[b]!);
      const dropped = oldest.slice(0, Math.max(0, oldest.length - this.cap));
      for (const k of dropped) delete index[k];
      await this.storage.set({ [key]: { ...rest, savedAt: now.toISOString() }, [INDEX_KEY]: index });
      if (dropped.length) await this.storage.remove(dropped);
    });
  }

  /** Forgets the drafts of jobs the record cache no longer knows. */
  forgetJobs(ciphertexts: readonly string[]): Promise<void> {
    if (ciphertexts.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      const keys = ciphertexts.map(draftKeyOfJob);
      const index = await this.index();
      for (const k of keys) delete index[k];
      await this.storage.remove(keys);
      await this.storage.set({ [INDEX_KEY]: index });
    });
  }
}
