/**
 * Runs `fn` with the process in time zone `zone` (Node reads TZ afresh on each change), then puts the
 * zone back: for tests whose expected words are written for one zone, whichever zone the project
 * runs in (`unit` runs in UTC, `unit-nz` in Pacific/Auckland).
 */
export function inZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
