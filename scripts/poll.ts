/** Test and demo helpers' one polling loop: what both browsers' harnesses wait with. */

/**
 * Calls `read` every 100 ms until it returns a truthy value, and returns it; after `timeout` ms,
 * throws naming `what` and the last value or error seen.
 */
export async function pollUntil<T>(what: string, read: () => Promise<T>, timeout = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let last: unknown;
    try {
      const value = await read();
      if (value) return value;
      last = `last value: ${JSON.stringify(value)}`;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what} timed out after ${timeout} ms (${last instanceof Error ? last.message : String(last)})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
