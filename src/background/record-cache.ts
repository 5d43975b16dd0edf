/**
 * The bounded record cache over storage.local: what the user's opened pages said about jobs and
 * invitations, and what the user did with each invitation. Survives browser restarts (storage.local),
 * validated on read (a bad entry is dropped and removed, never a crash), least recently seen evicted.
 *
 * Cap: 500 entries (CACHE_CAP). One entry is a job or an invitation (its list row, its page and its
 * state together); a page record with a long description and five history entries is under ~10 KB,
 * so 500 stay under 5 MB — half of storage.local's 10 MB quota without the unlimitedStorage
 * permission, leaving room for settings. 500 is also months of invitations for a busy freelancer.
 *
 * Layout: one storage item per entry (`iw:cache:e:<key>`) plus an index (`iw:cache:index`) of
 * key → last seen (ms), so a page read writes one entry and the index, not the whole cache.
 * Storage is injected (a StorageArea-like object) so tests run it over an in-memory fake.
 */
import * as z from "zod/mini";
import { InvitationItem, InvitationRecord, JobRecord, timestamp } from "../shared/records";
import type { ParsedPage } from "../shared/records";
import { InvitationState } from "../shared/score";

export const CACHE_CAP = 500;

export interface StorageLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const INDEX_KEY = "iw:cache:index";
const ENTRY_PREFIX = "iw:cache:e:";
const LAST_INVITATION_KEY = "iw:cache:last-invitation";

const PageMeta = { url: z.string(), readAt: timestamp, missing: z.array(z.string()) };

export const JobEntry = z.object({
  kind: z.literal("job"),
  ciphertext: z.string().check(z.minLength(2)),
  page: z.object({ ...PageMeta, record: JobRecord }),
});

export const InvitationEntry = z.object({
  kind: z.literal("invitation"),
  id: z.string().check(z.regex(/^\d+$/)),
  /** The row of the invitations list, as last seen there. */
  item: z.nullable(InvitationItem),
  /** The invitation page, as last read. */
  page: z.nullable(z.object({ ...PageMeta, record: InvitationRecord })),
  state: InvitationState,
});

export const CacheEntry = z.discriminatedUnion("kind", [JobEntry, InvitationEntry]);
const Index = z.record(z.string(), z.number());

export type JobEntry = z.infer<typeof JobEntry>;
export type InvitationEntry = z.infer<typeof InvitationEntry>;
export type CacheEntry = z.infer<typeof CacheEntry>;

export const jobKey = (ciphertext: string) => `job:${ciphertext}`;
export const invitationKey = (id: string) => `inv:${id}`;
const entryKey = (e: CacheEntry) => (e.kind === "job" ? jobKey(e.ciphertext) : invitationKey(e.id));

const newState = (at: string | null): InvitationState => ({ firstSeenAt: at, openedAt: null, replied: false, declined: false });

export class RecordCache {
  private readonly cap: number;
  /** Serialises read-modify-write of the index: messages arrive concurrently. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Entries dropped as invalid since this instance started (for tests and diagnostics). */
  dropped = 0;

  constructor(
    private readonly storage: StorageLike,
    options: { cap?: number } = {},
  ) {
    this.cap = options.cap ?? CACHE_CAP;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index, rebuilt from the stored entries when it is missing or corrupt. */
  private async index(): Promise<Record<string, number>> {
    const raw = (await this.storage.get(INDEX_KEY))[INDEX_KEY];
    const parsed = Index.safeParse(raw);
    if (parsed.success) return parsed.data;
    const all = await this.storage.get(null);
    const rebuilt: Record<string, number> = {};
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith(ENTRY_PREFIX)) continue;
      const entry = CacheEntry.safeParse(v);
      if (entry.success) rebuilt[k.slice(ENTRY_PREFIX.length)] = 0;
    }
    return rebuilt;
  }

  /** Reads entries by key; invalid ones are removed from storage and the index, and skipped. */
  private async read(keys: string[]): Promise<Map<string, CacheEntry>> {
    const out = new Map<string, CacheEntry>();
    if (keys.length === 0) return out;
    const raw = await this.storage.get(keys.map((k) => ENTRY_PREFIX + k));
    const bad: string[] = [];
    for (const key of keys) {
      const value = raw[ENTRY_PREFIX + key];
      if (value === undefined) continue;
      const entry = CacheEntry.safeParse(value);
      if (entry.success && entryKey(entry.data) === key) out.set(key, entry.data);
      else bad.push(key);
    }
    if (bad.length) {
      this.dropped += bad.length;
      await this.storage.remove(bad.map((k) => ENTRY_PREFIX + k));
      const index = await this.index();
      for (const k of bad) delete index[k];
      await this.storage.set({ [INDEX_KEY]: index });
    }
    return out;
  }

  /** Writes entries, marks them seen at `seenAt`, and evicts the least recently seen past the cap. */
  private async write(entries: CacheEntry[], seenAt: number): Promise<void> {
    if (entries.length === 0) return;
    const index = await this.index();
    const items: Record<string, unknown> = {};
    for (const e of entries) {
      const key = entryKey(e);
      items[ENTRY_PREFIX + key] = e;
      index[key] = Math.max(index[key] ?? 0, seenAt);
    }
    const keys = Object.keys(index);
    const evicted: string[] = [];
    if (keys.length > this.cap) {
      keys.sort((a, b) => index[a]! - index[b]! || a.localeCompare(b));
      for (const k of keys.slice(0, keys.length - this.cap)) {
        evicted.push(k);
        delete index[k];
        delete items[ENTRY_PREFIX + k];
      }
    }
    await this.storage.set({ ...items, [INDEX_KEY]: index });
    if (evicted.length) await this.storage.remove(evicted.map((k) => ENTRY_PREFIX + k));
  }

  /** Remembers a parsed page: job and invitation pages, and the rows of an invitations list. */
  record(parsed: ParsedPage, url: string, readAt: string): Promise<void> {
    return this.exclusive(async () => {
      const seen = Date.parse(readAt);
      if (parsed.kind === "job" && parsed.record.job.ciphertext) {
        const entry: JobEntry = { kind: "job", ciphertext: parsed.record.job.ciphertext, page: { url, readAt, missing: parsed.missing, record: parsed.record } };
        await this.write([entry], seen);
      } else if (parsed.kind === "invitation") {
        const key = invitationKey(parsed.record.id);
        const old = (await this.read([key])).get(key);
        const prev = old?.kind === "invitation" ? old : null;
        const state = prev?.state ?? newState(readAt);
        const entry: InvitationEntry = {
          kind: "invitation",
          id: parsed.record.id,
          item: prev?.item ?? null,
          page: { url, readAt, missing: parsed.missing, record: parsed.record },
          state: { ...state, firstSeenAt: state.firstSeenAt ?? readAt, openedAt: readAt },
        };
        await this.write([entry], seen);
        await this.storage.set({ [LAST_INVITATION_KEY]: parsed.record.id });
      } else if (parsed.kind === "invitations") {
        const items = parsed.record.invitations;
        const existing = await this.read(items.map((i) => invitationKey(i.id)));
        const entries = items.map((item): InvitationEntry => {
          const old = existing.get(invitationKey(item.id));
          const prev = old?.kind === "invitation" ? old : null;
          return { kind: "invitation", id: item.id, item, page: prev?.page ?? null, state: prev?.state ?? newState(readAt) };
        });
        await this.write(entries, seen);
      }
    });
  }

  // Reads go through the same queue: dropping a bad entry rewrites the index.
  async invitation(id: string): Promise<InvitationEntry | null> {
    return (await this.invitations([id])).get(id) ?? null;
  }

  invitations(ids: string[]): Promise<Map<string, InvitationEntry>> {
    return this.exclusive(async () => {
      const found = await this.read(ids.map(invitationKey));
      const out = new Map<string, InvitationEntry>();
      for (const e of found.values()) if (e.kind === "invitation") out.set(e.id, e);
      return out;
    });
  }

  job(ciphertext: string): Promise<JobEntry | null> {
    return this.exclusive(async () => {
      const e = (await this.read([jobKey(ciphertext)])).get(jobKey(ciphertext));
      return e?.kind === "job" ? e : null;
    });
  }

  /** Every cached invitation (the badge counts over them). */
  allInvitations(): Promise<InvitationEntry[]> {
    return this.exclusive(async () => {
      const keys = Object.keys(await this.index()).filter((k) => k.startsWith("inv:"));
      return [...(await this.read(keys)).values()].filter((e): e is InvitationEntry => e.kind === "invitation");
    });
  }

  /** The last invitation page the user opened, if still cached. */
  async lastInvitation(): Promise<InvitationEntry | null> {
    const id = (await this.storage.get(LAST_INVITATION_KEY))[LAST_INVITATION_KEY];
    return typeof id === "string" && /^\d+$/.test(id) ? this.invitation(id) : null;
  }

  /** Marks an invitation replied or declined (creating its entry if the cache has none). */
  setState(id: string, state: "replied" | "declined", at: string): Promise<void> {
    return this.exclusive(async () => {
      const key = invitationKey(id);
      const old = (await this.read([key])).get(key);
      const prev = old?.kind === "invitation" ? old : null;
      const entry: InvitationEntry = prev ?? { kind: "invitation", id, item: null, page: null, state: newState(at) };
      entry.state = { ...entry.state, [state]: true };
      await this.write([entry], Date.parse(at));
    });
  }

  /** How many entries the cache holds. */
  async size(): Promise<number> {
    return Object.keys(await this.index()).length;
  }
}
