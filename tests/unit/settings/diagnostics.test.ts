import { describe, expect, it } from "vitest";
import {
  clearDiagnostics,
  DIAGNOSTICS_KEY,
  diagnosticsReport,
  MAX_DIAGNOSTICS,
  readDiagnostics,
  recordParseMisses,
} from "../../../src/shared/diagnostics";
import { MAX_SEEN_SKILLS, readSeenSkills, recordSeenSkills } from "../../../src/shared/seen-skills";
import { MemoryArea } from "./fake-storage";

describe("diagnostics log", () => {
  it("records kind, field names and date; newest first", async () => {
    const local = new MemoryArea();
    await recordParseMisses({ kind: "job", missing: ["client.totalSpent"], at: "2025-12-11T09:00:00.000Z" }, local);
    await recordParseMisses(
      { kind: "invitation", missing: ["job.budget", "activity.proposals"], at: "2025-12-11T10:00:00.000Z" },
      local,
    );
    expect(await readDiagnostics(local)).toEqual([
      { kind: "invitation", missing: ["job.budget", "activity.proposals"], at: "2025-12-11T10:00:00.000Z" },
      { kind: "job", missing: ["client.totalSpent"], at: "2025-12-11T09:00:00.000Z" },
    ]);
  });

  it("records a page with nothing missing when a field came through a fallback or the page state disagreed (field health)", async () => {
    const local = new MemoryArea();
    await recordParseMisses(
      {
        kind: "job",
        missing: [],
        fallbacks: ["client.totalSpent", "a label: $12K"],
        disagreements: ["client.openJobs"],
        at: "2025-12-11T09:00:00.000Z",
      },
      local,
    );
    const [entry] = await readDiagnostics(local);
    expect(entry).toEqual({
      kind: "job",
      missing: [],
      fallbacks: ["client.totalSpent"],
      disagreements: ["client.openJobs"],
      at: "2025-12-11T09:00:00.000Z",
    });
    const report = diagnosticsReport([entry!]);
    expect(report).toContain("read through a fallback: client.totalSpent");
    expect(report).toContain("page and page state disagree: client.openJobs");
    expect(report).not.toContain("$12K");
  });

  it("keeps only the last 50, even when recorded concurrently", async () => {
    const local = new MemoryArea();
    await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        recordParseMisses(
          { kind: "job", missing: [`field${i}`], at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() },
          local,
        ),
      ),
    );
    const list = await readDiagnostics(local);
    expect(list).toHaveLength(MAX_DIAGNOSTICS);
    expect(list[0]!.missing).toEqual(["field69"]);
    expect(list.at(-1)!.missing).toEqual(["field20"]);
  });

  it("never stores page text or URLs: only identifiers get through", async () => {
    const local = new MemoryArea();
    await recordParseMisses(
      {
        kind: "https://www.upwork.com/jobs/~01?ref=x",
        missing: [
          "client.city",
          "Dana's secret client in Rome",
          "https://www.upwork.com/nx/proposals?x=1",
          "job.title",
        ],
      },
      local,
    );
    const stored = JSON.stringify(local.raw(DIAGNOSTICS_KEY));
    expect(stored).not.toMatch(/upwork|secret|Rome|\?/);
    expect((await readDiagnostics(local))[0]).toMatchObject({ kind: "other", missing: ["client.city", "job.title"] });
    // Nothing valid: nothing recorded.
    await recordParseMisses({ kind: "job", missing: ["free text here"] }, local);
    expect(await readDiagnostics(local)).toHaveLength(1);
  });

  it("keeps list positions in field paths, and drops a stored entry that fails its schema", async () => {
    const local = new MemoryArea();
    await recordParseMisses(
      { kind: "invitations", missing: ["invitations[3].profile", "count"], at: "2025-12-11T09:00:00.000Z" },
      local,
    );
    expect((await readDiagnostics(local))[0]!.missing).toEqual(["invitations[3].profile", "count"]);
    const good = local.raw(DIAGNOSTICS_KEY) as unknown[];
    await local.set({
      [DIAGNOSTICS_KEY]: [
        { kind: "job", missing: ["<b>page text</b>"], at: "2025-12-11T10:00:00.000Z" },
        { kind: "job", missing: "x" },
        ...good,
      ],
    });
    expect(await readDiagnostics(local)).toEqual([
      { kind: "invitations", missing: ["invitations[3].profile", "count"], at: "2025-12-11T09:00:00.000Z" },
    ]);
  });

  it("a re-read of the same visit replaces its entry: fields that arrived later are not reported", async () => {
    const local = new MemoryArea();
    const at = "2025-12-11T09:00:00.000Z";
    await recordParseMisses({ kind: "job", missing: ["client.totalSpent", "activity"], at }, local);
    await recordParseMisses({ kind: "job", missing: ["client.industry"], at }, local);
    expect(await readDiagnostics(local)).toEqual([{ kind: "job", missing: ["client.industry"], at }]);
    await recordParseMisses({ kind: "job", missing: [], at }, local);
    expect(await readDiagnostics(local)).toEqual([]);
    // Another visit (another moment) is a new entry.
    await recordParseMisses({ kind: "job", missing: ["client.city"], at }, local);
    await recordParseMisses({ kind: "job", missing: ["client.city"], at: "2025-12-11T10:00:00.000Z" }, local);
    expect(await readDiagnostics(local)).toHaveLength(2);
  });

  it("does not throw into the caller when storage fails", async () => {
    const local = new MemoryArea();
    local.failWith = "boom";
    await expect(recordParseMisses({ kind: "job", missing: ["job.title"] }, local)).resolves.toBeUndefined();
    local.failWith = null;
    await recordParseMisses({ kind: "job", missing: ["job.title"] }, local);
    expect(await readDiagnostics(local)).toHaveLength(1);
  });

  it("the report lists entries, no settings, and clear empties the log", async () => {
    const local = new MemoryArea();
    await recordParseMisses({ kind: "job", missing: ["client.rating"], at: "2025-12-11T09:00:00.000Z" }, local);
    const text = diagnosticsReport(await readDiagnostics(local), {
      version: "0.1.0",
      userAgent: "UA",
      now: new Date("2025-12-12T00:00:00Z"),
    });
    expect(text).toContain("Extension version: 0.1.0");
    expect(text).toContain("- 2025-12-11T09:00:00.000Z job: client.rating");
    await clearDiagnostics(local);
    expect(await readDiagnostics(local)).toEqual([]);
  });
});

describe("seen skills", () => {
  it("merges case-insensitively, orders by how often seen", async () => {
    const local = new MemoryArea();
    await recordSeenSkills(["React Native", "TypeScript"], local);
    await recordSeenSkills(["react native", "  Expo.io ", ""], local);
    const skills = await readSeenSkills(local);
    expect(skills[0]).toBe("React Native");
    expect([...skills].sort()).toEqual(["Expo.io", "React Native", "TypeScript"]);
  });

  it("is bounded, dropping the least recently seen", async () => {
    const local = new MemoryArea();
    for (let i = 0; i < MAX_SEEN_SKILLS + 30; i += 10)
      await recordSeenSkills(
        Array.from({ length: 10 }, (_, j) => `skill ${i + j}`),
        local,
      );
    const skills = await readSeenSkills(local);
    expect(skills).toHaveLength(MAX_SEEN_SKILLS);
    expect(skills).toContain(`skill ${MAX_SEEN_SKILLS + 29}`);
  });
});
