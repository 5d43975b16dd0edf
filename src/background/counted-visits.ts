/**
 * Visits whose job skills were already counted (the options page's "skills seen on jobs"): a page is
 * re-read on every change, and its skills must count once per visit. Kept in storage.session, not in
 * the worker's memory: the worker may be stopped and restarted in the middle of a visit.
 */
import * as z from "zod/mini";
import type { StorageLike } from "./record-cache";

const KEY = "iw:skills-counted";
/** The most recent visits remembered; an older one re-read after this many others counts again. */
export const COUNTED_VISITS_CAP = 500;
const Visits = z.array(z.string().check(z.maxLength(200)));

export class CountedVisits {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly storage: StorageLike) {}

  /** True the first time a visit is seen (and remembers it); false for every later read of it. */
  firstTime(visit: string): Promise<boolean> {
    const run = this.queue.then(async () => {
      const checked = Visits.safeParse((await this.storage.get(KEY))[KEY]);
      const visits = checked.success ? checked.data : [];
      if (visits.includes(visit)) return false;
      await this.storage.set({ [KEY]: [...visits, visit].slice(-COUNTED_VISITS_CAP) });
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
