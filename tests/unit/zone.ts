/**
 * Runs `fn` with the process in time zone `zone` (Node reads TZ afresh on each change), then puts the
 * zone back (once its promise settles, for an async `fn`): for tests whose expected words are written
 * for one zone, whichever zone the project runs in (`unit` runs in UTC, `unit-nz` in Pacific/Auckland).
 */
export function inZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  const restore = () => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  };
  process.env.TZ = zone;
  try {
    const result = fn();
    if (result instanceof Promise) return result.finally(restore) as T;
    restore();
    return result;
  } catch (error) {
    restore();
    throw error;
  }
}
