/** A visit's job skills count once, even when the worker is stopped and restarted in the middle of it. */
import { describe, expect, it } from "vitest";
import { COUNTED_VISITS_CAP, CountedVisits } from "../../../src/background/counted-visits";
import { memoryStorage } from "../../../src/background/tab-pages";

describe("counted visits", () => {
  it("says first time once per visit, across a worker restart (a new instance over the same session storage)", async () => {
    const session = memoryStorage();
    const before = new CountedVisits(session);
    expect(await before.firstTime("job 2026-03-09T12:00:00.000Z")).toBe(true);
    expect(await before.firstTime("job 2026-03-09T12:00:00.000Z")).toBe(false);
    const restarted = new CountedVisits(session);
    expect(await restarted.firstTime("job 2026-03-09T12:00:00.000Z")).toBe(false);
    expect(await restarted.firstTime("job 2026-03-09T13:00:00.000Z")).toBe(true);
  });

  it("stays bounded, and a corrupt stored list starts afresh", async () => {
    const session = memoryStorage();
    const visits = new CountedVisits(session);
    await Promise.all(Array.from({ length: COUNTED_VISITS_CAP + 20 }, (_, i) => visits.firstTime(`job ${i}`)));
    expect((session.data["iw:skills-counted"] as string[]).length).toBe(COUNTED_VISITS_CAP);
    expect(await visits.firstTime("job 0")).toBe(true); // the oldest were forgotten
    session.data["iw:skills-counted"] = "not a list";
    expect(await new CountedVisits(session).firstTime("job 1")).toBe(true);
  });
});
