/**
 * The invitation log's store over its sharded layout: the move from the single `iw:log` item, writes
 * of only the shards that changed, the bounds, damaged shards, a new worker reading it again, and a
 * storage change (erase, import) making the worker forget its copy.
 */
import { describe, expect, it } from "vitest";
import { InvitationLogStore, type LogProblem } from "../../../src/background/invitation-log";
import { memoryStorage } from "../../../src/background/tab-pages";
import {
  LOG_KEY,
  LOG_META_KEY,
  LOG_SHARD_KEYS,
  LOG_SHARDS,
  logReplaced,
  logShardOf,
  noteOutcome,
  notePage,
  readLog,
} from "../../../src/shared/invitation-log";
import { applyImport, exportSettings } from "../../../src/shared/settings-import";
import { invitationPage, invitationRecord, job, logEntry as entry } from "../../fixtures/scoring/builders";
import { fakeStorage } from "../settings/fake-storage";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

/** `n` entries, ids 1…n, first seen a minute apart (id 1 the oldest). */
const many = (n: number) => Array.from({ length: n }, (_, i) => entry(String(i + 1), minutesAgo(n - i)));

type Changes = Record<string, { newValue?: unknown }>;

/** memoryStorage that counts reads and keeps each write's storage.onChanged-like changes. */
function watchedStorage(initial: Record<string, unknown> = {}) {
  const inner = memoryStorage(initial);
  const changes: Changes[] = [];
  let reads = 0;
  return {
    data: inner.data,
    changes,
    reads: () => reads,
    async get(keys?: string | string[] | null) {
      reads++;
      return inner.get(keys);
    },
    async set(items: Record<string, unknown>) {
      await inner.set(items);
      changes.push(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
    },
    async remove(keys: string | string[]) {
      const list = typeof keys === "string" ? [keys] : keys;
      const present = list.filter((k) => k in inner.data);
      await inner.remove(list);
      if (present.length) changes.push(Object.fromEntries(present.map((k) => [k, {}])));
    },
    /** "Erase all data": storage.local.clear(), and the change it reports. */
    clear(): Changes {
      const gone = Object.fromEntries(Object.keys(inner.data).map((k) => [k, {}]));
      for (const k of Object.keys(inner.data)) delete inner.data[k];
      return gone;
    },
  };
}

const shardItems = (data: Record<string, unknown>) => Object.keys(data).filter((k) => LOG_SHARD_KEYS.includes(k));

describe("the invitation log's stored layout", () => {
  it("moves the single iw:log item into its shards with the first change, keeping every entry and the sample mark", async () => {
    const entries = many(300);
    const storage = watchedStorage({ [LOG_KEY]: { entries: [...entries].reverse(), sample: true } });
    const log = new InvitationLogStore(storage);
    expect(await log.entries()).toEqual(entries);
    // Read only: still the whole item, which readers read while it is there.
    expect(storage.changes).toEqual([]);
    await log.update(NOW, (all) => all);
    // One write of every shard, then the whole item goes.
    expect(storage.changes.map((c) => Object.keys(c).length)).toEqual([LOG_SHARDS + 1, 1]);
    expect(LOG_KEY in storage.data).toBe(false);
    expect(storage.data[LOG_META_KEY]).toEqual({ sample: true });
    expect(shardItems(storage.data)).toHaveLength(LOG_SHARDS);
    for (const [n, key] of LOG_SHARD_KEYS.entries())
      for (const id of Object.keys(storage.data[key] as object)) expect(logShardOf(id)).toBe(n);
    // What the Insights page and a settings export read is the same log.
    expect(await readLog(storage)).toMatchObject({ entries, sample: true, dropped: 0, corrupt: false });
    // The worker's own writes never read as the log replaced under it.
    expect(storage.changes.some(logReplaced)).toBe(false);
  });

  it("an invitation page read on a full log writes the one shard holding it; an unchanged re-read writes nothing", async () => {
    const storage = watchedStorage({ [LOG_KEY]: { entries: many(5000) } });
    const log = new InvitationLogStore(storage);
    await log.update(NOW, (all) => all);
    const before = storage.changes.length;
    const page = invitationPage(invitationRecord("4321", { job: job({ title: "Shopify sync" }) }));
    await log.update(NOW, (entries) => notePage(entries, page, NOW.toISOString(), null));
    const written = storage.changes.slice(before);
    expect(written.map((c) => Object.keys(c))).toEqual([[LOG_SHARD_KEYS[logShardOf("4321")]]]);
    expect((await readLog(storage)).entries.find((e) => e.id === "4321")).toMatchObject({
      openedAt: NOW.toISOString(),
      title: "Shopify sync",
    });
    expect((await readLog(storage)).entries).toHaveLength(5000);
    // The same page again: opened earlier stands, nothing changed, nothing written.
    await log.update(NOW, (entries) => notePage(entries, page, new Date(NOW.getTime() + 60_000).toISOString(), null));
    expect(storage.changes.length).toBe(before + 1);
  });

  it("keeps its bounds: the newest `cap` first seen, nothing past the age, evicted entries gone from their shards", async () => {
    const storage = watchedStorage();
    const log = new InvitationLogStore(storage, { cap: 3, maxAgeMs: 60 * 60_000 });
    await log.update(NOW, () => [entry("1", minutesAgo(90)), ...many(4).slice(1)]);
    // "1" is past the age; of 2, 3, 4 all fit.
    expect((await log.entries()).map((e) => e.id)).toEqual(["2", "3", "4"]);
    await log.update(NOW, (entries) => [...entries, entry("5", minutesAgo(0))]);
    expect((await log.entries()).map((e) => e.id)).toEqual(["3", "4", "5"]);
    expect((await readLog(storage)).entries.map((e) => e.id)).toEqual(["3", "4", "5"]);
  });

  it("a damaged shard loses only what is damaged, says so once, and is written back clean", async () => {
    const good = many(200);
    const problems: LogProblem[] = [];
    const storage = watchedStorage({ [LOG_KEY]: { entries: good } });
    await new InvitationLogStore(storage).update(NOW, (all) => all);
    // Damage: one shard is no shard, another holds a bad entry and one filed under another id.
    const [broken, mixed] = [logShardOf("1"), logShardOf("2")];
    expect(broken).not.toBe(mixed);
    storage.data[LOG_SHARD_KEYS[broken]!] = "garbage";
    const lost = good.filter((e) => logShardOf(e.id) === broken).map((e) => e.id);
    const shard = storage.data[LOG_SHARD_KEYS[mixed]!] as Record<string, unknown>;
    shard["2"] = { ...good[1]!, reply: { kind: "maybe" } };
    shard["99999"] = good[2];

    const log = new InvitationLogStore(storage, { onProblem: async (p) => void problems.push(p) });
    const read = (await log.entries()).map((e) => e.id);
    expect(read).toEqual(good.map((e) => e.id).filter((id) => id !== "2" && !lost.includes(id)));
    expect(problems).toEqual([{ dropped: 2, corrupt: true }]);
    await log.entries();
    expect(problems).toHaveLength(1);
    // Written back as it now reads: a new worker reads it without a problem.
    const again: LogProblem[] = [];
    const next = new InvitationLogStore(storage, { onProblem: async (p) => void again.push(p) });
    expect((await next.entries()).map((e) => e.id)).toEqual(read);
    expect(again).toEqual([]);
  });

  it("keeps the log in memory after one read; a new worker reads it again from storage", async () => {
    const storage = watchedStorage();
    const first = new InvitationLogStore(storage);
    await first.update(NOW, () => many(10));
    await first.update(NOW, (entries) => noteOutcome(entries, "3", "hired", NOW.toISOString()).entries);
    const reads = storage.reads();
    await first.entries();
    await first.update(NOW, (entries) => [...entries, entry("11", minutesAgo(0))]);
    expect(storage.reads()).toBe(reads);

    // The browser stopped the worker: the next one starts with nothing in memory.
    const restarted = new InvitationLogStore(storage);
    const entries = await restarted.entries();
    expect(entries.map((e) => e.id)).toEqual([...many(10).map((e) => e.id), "11"]);
    expect(entries.find((e) => e.id === "3")!.outcome).toMatchObject({ kind: "hired", source: "user" });
  });

  it("forgets its copy when the log is erased, and never writes the erased entries back", async () => {
    const storage = watchedStorage();
    const log = new InvitationLogStore(storage);
    await log.update(NOW, () => many(50));
    const erased = storage.clear();
    expect(logReplaced(erased)).toBe(true);
    log.forget();
    await log.update(NOW, (entries) => [...entries, entry("77", minutesAgo(0))]);
    expect((await readLog(storage)).entries.map((e) => e.id)).toEqual(["77"]);
    expect(await log.entries()).toHaveLength(1);
  });

  it("a settings import replaces the log through the whole item; the worker then takes it in", async () => {
    const storage = fakeStorage();
    const log = new InvitationLogStore(storage.local);
    await log.update(NOW, () => many(5));
    // The export reads the shards.
    const file = await exportSettings(storage);
    expect(file.invitationLog?.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);

    const before = storage.local.snapshot();
    const imported = { ...file, invitationLog: [entry("42", minutesAgo(3))] };
    expect(await applyImport(imported, storage)).toMatchObject({ ok: true });
    expect(logReplaced({ [LOG_KEY]: { newValue: storage.local.raw(LOG_KEY) } })).toBe(true);
    expect(storage.local.snapshot()).not.toBe(before);
    // Readers see the import at once, before the worker moved it.
    expect((await readLog(storage.local)).entries.map((e) => e.id)).toEqual(["42"]);
    log.forget();
    expect((await log.entries()).map((e) => e.id)).toEqual(["42"]);
    await log.update(NOW, (entries) => noteOutcome(entries, "42", "hired", NOW.toISOString()).entries);
    expect(storage.local.raw(LOG_KEY)).toBeUndefined();
    expect((await readLog(storage.local)).entries.map((e) => e.id)).toEqual(["42"]);
  });
});
