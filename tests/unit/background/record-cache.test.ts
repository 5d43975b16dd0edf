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
    storage.data["iw:cache:index"] = "garbage";
    storage.data["iw:cache:e:job:~02bad"] = { nonsense: true };
    expect(await cache.size()).toBe(1);
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
