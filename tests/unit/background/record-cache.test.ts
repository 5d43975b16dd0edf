/** The record cache over an in-memory storage: eviction, validation on read, surviving a restart. */
import { describe, expect, it } from "vitest";
import { RecordCache } from "../../../src/background/record-cache";
import { memoryStorage } from "../../../src/background/tab-pages";
import { invitationPage, invitationRecord, invitationsPage, item, jobPage } from "../../fixtures/scoring/builders";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 12, minute)).toISOString();
const cipher = (n: number) => `~02${String(n).padStart(4, "0")}`;

describe("RecordCache", () => {
  it("evicts the least recently seen entry past the cap", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage, { cap: 3 });
    for (let i = 1; i <= 3; i++) await cache.record(jobPage(cipher(i)), "u", at(i));
    await cache.record(jobPage(cipher(1)), "u", at(4)); // job 1 seen again: job 2 is now the oldest
    await cache.record(jobPage(cipher(4)), "u", at(5));
    expect(await cache.size()).toBe(3);
    expect(await cache.job(cipher(2))).toBeNull();
    expect(storage.data[`iw:cache:e:job:${cipher(2)}`]).toBeUndefined();
    for (const n of [1, 3, 4]) expect((await cache.job(cipher(n)))?.ciphertext).toBe(cipher(n));
  });

  it("drops a bad entry on read instead of crashing, and removes it from storage", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage);
    await cache.record(jobPage(cipher(1)), "u", at(1));
    await cache.record(jobPage(cipher(2)), "u", at(2));
    storage.data[`iw:cache:e:job:${cipher(1)}`] = { kind: "job", ciphertext: cipher(1), page: { url: 5 } };
    expect(await cache.job(cipher(1))).toBeNull();
    expect(cache.dropped).toBe(1);
    expect(storage.data[`iw:cache:e:job:${cipher(1)}`]).toBeUndefined();
    expect(await cache.size()).toBe(1);
    expect((await cache.job(cipher(2)))?.page.readAt).toBe(at(2));
  });

  it("rebuilds a corrupt index from the valid entries", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage);
    await cache.record(jobPage(cipher(1)), "u", at(1));
    // One shard of the index corrupt: the whole index is rebuilt from the entries.
    const shard = Object.keys(storage.data).find((k) => k.startsWith("iw:cache:index:"))!;
    storage.data[shard] = "garbage";
    storage.data["iw:cache:e:job:~02bad"] = { nonsense: true };
    // The running instance keeps the index it wrote; a restarted worker reads storage and rebuilds.
    expect(await cache.size()).toBe(1);
    const restarted = new RecordCache(storage);
    expect(await restarted.size()).toBe(1);
    expect((await restarted.job(cipher(1)))?.page.readAt).toBe(at(1));
  });

  it("survives a restart: a new instance over the same storage knows records, states and the last invitation", async () => {
    const storage = memoryStorage();
    const first = new RecordCache(storage);
    await first.record(
      invitationsPage([item("11", at(0)), item("12", null)]),
      "https://www.upwork.com/nx/proposals/",
      at(1),
    );
    await first.record(
      invitationPage(invitationRecord("12")),
      "https://www.upwork.com/nx/proposals/interview/uid/12",
      at(2),
    );
    await first.setState("11", "declined", at(3));

    const second = new RecordCache(storage);
    const e11 = await second.invitation("11");
    const e12 = await second.invitation("12");
    expect(e11?.state).toEqual({ firstSeenAt: at(1), openedAt: null, replied: false, declined: true });
    expect(e11?.item?.receivedAt).toBe(at(0));
    expect(e12?.state).toMatchObject({ firstSeenAt: at(1), openedAt: at(2) });
    expect(e12?.item?.id).toBe("12"); // the list row is kept when the page is read
    expect((await second.lastInvitation())?.id).toBe("12");
    expect((await second.allInvitations()).map((e) => e.id).sort()).toEqual(["11", "12"]);
  });

  it("keeps the page when the invitation is listed again", async () => {
    const cache = new RecordCache(memoryStorage());
    await cache.record(invitationPage(invitationRecord("5")), "u", at(1));
    await cache.record(invitationsPage([item("5", at(0))]), "u", at(2));
    const e = await cache.invitation("5");
    expect(e?.page?.readAt).toBe(at(1));
    expect(e?.state.firstSeenAt).toBe(at(1));
  });
});

describe("record cache index", () => {
  const isShard = (k: string) => k.startsWith("iw:cache:index:");

  it("is read from storage once per instance: later page reads and counts use the copy it keeps", async () => {
    const storage = memoryStorage();
    let indexReads = 0;
    const counting = {
      ...storage,
      get: (keys?: string | string[] | null) => {
        if (Array.isArray(keys) && keys.some(isShard)) indexReads++;
        return storage.get(keys);
      },
    };
    const cache = new RecordCache(counting);
    for (let i = 1; i <= 5; i++) await cache.record(jobPage(cipher(i)), "u", at(i));
    expect(await cache.size()).toBe(5);
    expect(await cache.openClocks()).toEqual([]);
    expect(indexReads).toBe(1);
    // What it kept is what it stored: a new instance over the same storage agrees.
    expect(await new RecordCache(storage).size()).toBe(5);
  });

  it("a page read writes its entry and the one index shard that lists it, not the whole index", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage);
    await cache.record(invitationsPage(Array.from({ length: 40 }, (_, i) => item(String(100 + i), at(0)))), "u", at(1));
    const writes: string[][] = [];
    const watched = new RecordCache({
      ...storage,
      set: (items) => (writes.push(Object.keys(items)), storage.set(items)),
    });
    await watched.record(jobPage(cipher(1)), "u", at(2));
    // The first write of a new instance (the index read whole and complete): one entry, one shard.
    expect(writes).toHaveLength(1);
    expect(writes[0]!.filter(isShard)).toHaveLength(1);
    expect(writes[0]!.filter((k) => k.startsWith("iw:cache:e:"))).toEqual([`iw:cache:e:job:${cipher(1)}`]);
    const restarted = new RecordCache(storage);
    expect(await restarted.size()).toBe(41);
    expect((await restarted.job(cipher(1)))?.page.readAt).toBe(at(2));
    expect(await restarted.invitation("139")).not.toBeNull();
  });

  it("a list read again as it was rewrites no entry, only when its rows were last seen", async () => {
    const storage = memoryStorage();
    const cache = new RecordCache(storage);
    const rows = Array.from({ length: 30 }, (_, i) => item(String(200 + i), at(0)));
    await cache.record(invitationsPage(rows), "u", at(1));
    const writes: string[][] = [];
    const watched = new RecordCache({
      ...storage,
      set: (items) => (writes.push(Object.keys(items)), storage.set(items)),
    });
    await watched.record(invitationsPage(rows), "u", at(5));
    expect(writes.flat().filter((k) => k.startsWith("iw:cache:e:"))).toEqual([]);
    // One row changed (its title): that entry alone is written.
    const changed = rows.map((r, i) => (i === 3 ? { ...r, jobTitle: "Renamed" } : r));
    await watched.record(invitationsPage(changed), "u", at(6));
    expect(writes.flat().filter((k) => k.startsWith("iw:cache:e:"))).toEqual(["iw:cache:e:inv:203"]);
    const restarted = new RecordCache(storage);
    expect((await restarted.invitation("203"))?.item?.jobTitle).toBe("Renamed");
    // Seen again counts for eviction: the index holds the later read as the rows' last-seen time.
    const shards = Object.entries(storage.data).filter(([k]) => k.startsWith("iw:cache:index:"));
    const meta = Object.assign({}, ...shards.map(([, v]) => v)) as Record<string, { at: number }>;
    expect(meta["inv:200"]!.at).toBe(Date.parse(at(6)));
    expect(meta["inv:203"]!.at).toBe(Date.parse(at(6)));
  });
});
