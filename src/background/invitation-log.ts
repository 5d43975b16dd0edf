/**
 * The invitation log's store (src/shared/invitation-log.ts says what it holds): one storage.local item,
 * read-modify-written one change at a time, trimmed to its bounds on every write. A stored value that
 * fails validation loses only its bad entries (a corrupt item reads as an empty log), and says so once
 * through `onProblem` (diagnostics), so the user hears why their history got shorter.
 */
import {
  bounded,
  LOG_CAP,
  LOG_KEY,
  LOG_MAX_AGE_MS,
  parseStoredLog,
  storedForm,
  type LogEntry,
} from "../shared/invitation-log";
import type { StorageLike } from "./record-cache";

export interface LogProblem {
  /** Entries left out because they failed validation (the whole log when it was no log). */
  dropped: number;
  corrupt: boolean;
}

export interface InvitationLogOptions {
  cap?: number;
  maxAgeMs?: number;
  onProblem?: (problem: LogProblem) => Promise<void>;
}

export class InvitationLogStore {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly storage: StorageLike,
    private readonly options: InvitationLogOptions = {},
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load() {
    const log = parseStoredLog((await this.storage.get(LOG_KEY))[LOG_KEY]);
    if (log.dropped > 0 || log.corrupt)
      await this.options.onProblem?.({ dropped: log.dropped, corrupt: log.corrupt }).catch(() => undefined);
    return log;
  }

  /** The entries, oldest first seen first. */
  entries(): Promise<LogEntry[]> {
    return this.exclusive(async () => (await this.load()).entries);
  }

  /** Applies a change and writes the log back within its bounds. Returns what `change` returned beside the entries. */
  update<T = void>(
    now: Date,
    change: (entries: LogEntry[]) => LogEntry[] | { entries: LogEntry[]; result: T },
  ): Promise<T | undefined> {
    return this.exclusive(async () => {
      const log = await this.load();
      const out = change(log.entries);
      const [next, result] = Array.isArray(out) ? [out, undefined] : [out.entries, out.result];
      const kept = bounded(next, now, this.options.cap ?? LOG_CAP, this.options.maxAgeMs ?? LOG_MAX_AGE_MS);
      await this.storage.set({ [LOG_KEY]: storedForm(kept, log.sample) });
      return result;
    });
  }
}
