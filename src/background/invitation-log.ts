/**
 * The invitation log's store (src/shared/invitation-log.ts says what it holds and how it is stored).
 * The worker is the log's only writer (but for a settings import, which writes a whole log and so
 * replaces it), so the log is read and validated once and then kept in memory: a page read changes
 * the entries in memory and writes only the shards whose entries changed — with a full log, one
 * ~6 KB item for an invitation page instead of re-reading, re-checking and rewriting ~1.5 MB.
 * The worker may be stopped by the browser at any time: a new one reads the log again when first used.
 *
 * A stored value that fails validation loses only its bad entries (a shard that is no shard, only
 * itself), says so once through `onProblem` (diagnostics), so the user hears why their history got
 * shorter, and is written back clean at once, so it is said once. Trimmed to its bounds on every write.
 */
import {
  bounded,
  byFirstSeen,
  LOG_CAP,
  LOG_KEY,
  LOG_KEYS,
  LOG_MAX_AGE_MS,
  LOG_META_KEY,
  LOG_SHARDS,
  logShardItems,
  logShardOf,
  parseLogItems,
  type LogEntry,
} from "../shared/invitation-log";
import type { StorageLike } from "./record-cache";

export interface LogProblem {
  /** Entries left out because they failed validation. */
  dropped: number;
  /** The whole log, or a shard of it, was no log and was read as empty. */
  corrupt: boolean;
}

export interface InvitationLogOptions {
  cap?: number;
  maxAgeMs?: number;
  onProblem?: (problem: LogProblem) => Promise<void>;
}

const ALL_SHARDS = Array.from({ length: LOG_SHARDS }, (_, n) => n);

interface Loaded {
  /** By id; the order is of no meaning (readers sort by first seen). */
  entries: Map<string, LogEntry>;
  sample: boolean;
}

export class InvitationLogStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** The log as last read or written; null until first used, and after `forget`. */
  private known: Loaded | null = null;
  /**
   * Read from the whole-log item: every shard is written from memory with the next change, and the
   * item then removed (one write of the whole log, not one to move it and another for the change).
   */
  private moving = false;

  constructor(
    private readonly storage: StorageLike,
    private readonly options: InvitationLogOptions = {},
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drops the log kept in memory: storage changed under it (see `logReplaced`). */
  forget(): void {
    this.known = null;
    this.moving = false;
  }

  private async load(): Promise<Loaded> {
    if (this.known) return this.known;
    const log = parseLogItems(await this.storage.get([...LOG_KEYS]));
    if (log.dropped > 0 || log.corrupt)
      await this.options.onProblem?.({ dropped: log.dropped, corrupt: log.corrupt }).catch(() => undefined);
    const loaded: Loaded = { entries: new Map(log.entries.map((e) => [e.id, e])), sample: log.sample };
    // A whole log (an import, or the layout before the shards) moves into the shards with the next
    // change (while it is there, it is what readers read); anything damaged is written clean at once.
    this.moving = log.whole;
    if (log.whole && (log.dropped > 0 || log.corrupt)) await this.move(log.entries, log.sample);
    else if (log.damaged.length) await this.storage.set(logShardItems(log.entries, log.damaged));
    this.known = loaded;
    return loaded;
  }

  /** Writes every shard (and the sample mark) from these entries, then removes the whole-log item. */
  private async move(entries: Iterable<LogEntry>, sample: boolean): Promise<void> {
    await this.storage.set({ ...logShardItems(entries, ALL_SHARDS), [LOG_META_KEY]: { sample } });
    await this.storage.remove(LOG_KEY);
    this.moving = false;
  }

  /** The entries, oldest first seen first. */
  entries(): Promise<LogEntry[]> {
    return this.exclusive(async () => [...(await this.load()).entries.values()].sort(byFirstSeen));
  }

  /**
   * Applies a change and writes what it changed, within the log's bounds. `change` gets the entries
   * in no particular order, and must not modify them (it returns new entries for the ones it changes).
   * Returns what `change` returned beside the entries.
   */
  update<T = void>(
    now: Date,
    change: (entries: LogEntry[]) => LogEntry[] | { entries: LogEntry[]; result: T },
  ): Promise<T | undefined> {
    return this.exclusive(async () => {
      const log = await this.load();
      const out = change([...log.entries.values()]);
      const [next, result] = Array.isArray(out) ? [out, undefined] : [out.entries, out.result];
      const kept = this.bounded(next, now);
      const entries = new Map(kept.map((e) => [e.id, e]));
      const shards = new Set<number>();
      for (const e of kept) {
        const old = log.entries.get(e.id);
        if (old !== e && (old === undefined || JSON.stringify(old) !== JSON.stringify(e))) shards.add(logShardOf(e.id));
      }
      for (const id of log.entries.keys()) if (!entries.has(id)) shards.add(logShardOf(id));
      if (shards.size > 0 || this.moving) {
        try {
          if (this.moving) await this.move(entries.values(), log.sample);
          else await this.storage.set(logShardItems(entries.values(), shards));
        } catch (error) {
          // Storage may now hold either version: read it again when next used.
          this.forget();
          throw error;
        }
      }
      this.known = { entries, sample: log.sample };
      return result;
    });
  }

  /** Within the bounds; the sort by first seen only when something has to go. */
  private bounded(entries: LogEntry[], now: Date): LogEntry[] {
    const cap = this.options.cap ?? LOG_CAP;
    const maxAgeMs = this.options.maxAgeMs ?? LOG_MAX_AGE_MS;
    // Timestamps are all of one ISO form (records.ts `timestamp`): they compare as strings.
    const since = new Date(now.getTime() - maxAgeMs).toISOString();
    if (entries.length <= cap && entries.every((e) => e.firstSeenAt >= since)) return entries;
    return bounded(entries, now, cap, maxAgeMs);
  }
}
