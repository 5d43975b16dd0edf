/**
 * The bounded record cache over storage.local: what the user's opened pages said about jobs and
 * invitations, and what the user did with each invitation. Survives browser restarts (storage.local),
 * validated on read (a bad entry is dropped and removed, never a crash).
 *
 * Bounds: at most CACHE_CAP entries and CACHE_BYTES bytes (as storage counts them: key plus JSON).
 * One entry is a job or an invitation (its list row, its page and its state together); a page
 * with a long description is ~10 KB, a list row well under 1 KB. 4 MiB leaves most of
 * storage.local's 10 MB quota (no unlimitedStorage permission) to settings, drafts and diagnostics.
 *
 * What goes first when over a bound (evictionOrder): job pages and invitations past their job's
 * 30 days, then unanswered invitations still open, and last the invitations the user marked
 * accepted or declined (a mark cannot be read again from any page); within each, the least
 * recently seen, then the oldest received. So a 600-row list evicts its own oldest rows, never
 * the user's marks. A write that hits the storage quota anyway (other data filled it) evicts down
 * to half the budget and retries once, and says so (onStorageProblem → diagnostics).
 *
 * Layout: one storage item per entry (`iw:cache:e:<key>`) plus an index of key → what eviction
 * needs (last seen, size, job, mark, open until, reply clock), split by key into INDEX_SHARDS items
 * (`iw:cache:index:<n>`), so a page read writes its entry and the one shard that lists it — not
 * the whole cache, nor the whole 500-entry index (~80 KB, itself 30–100 ms of storage write). Storage is injected (a StorageArea-like object) so
 * tests run it over an in-memory fake.
 */
import * as z from "zod/mini";
import { InvitationItem, InvitationRecord, JobRecord, timestamp } from "../shared/records";
import type { ParsedPage } from "../shared/records";
import { InvitationState } from "../shared/score";
import { closedReason } from "../scoring/urgency";
import { shardKeys, shardOf } from "../shared/shards";

export const CACHE_CAP = 500;
export const CACHE_BYTES = 4 * 1024 * 1024;
/** A job post stays open 30 days (DOMAIN.md): an unanswered invitation older than that is history. */
const OPEN_DAYS_MS = 30 * 24 * 3600 * 1000;

export interface StorageLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The index of an older layout: one item for every entry (read once to migrate, then removed). */
const LEGACY_INDEX_KEY = "iw:cache:index";
const INDEX_SHARDS = 16;
const SHARD_KEYS = shardKeys(LEGACY_INDEX_KEY, INDEX_SHARDS);
const ALL_SHARDS: readonly number[] = SHARD_KEYS.map((_, n) => n);

/**
 * Whether a storage change took the index away under the cache ("Erase all data") or wrote an
 * older layout's (a restore): the worker then forgets the index it keeps and recounts.
 */
export function indexReplaced(changes: Record<string, { newValue?: unknown }>): boolean {
  return (
    SHARD_KEYS.some((k) => k in changes && changes[k]?.newValue === undefined) ||
    changes[LEGACY_INDEX_KEY]?.newValue !== undefined
  );
}
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

/** What eviction needs of an entry, kept in the index so it never reads the entries. */
const EntryMeta = z.object({
  /** Last seen (ms). */
  at: z.number(),
  /** Its size as storage counts it. */
  bytes: z.int().check(z.gte(0)),
  /** The job it belongs to (its drafts go with the last entry that refers to it). */
  job: z.optional(z.string()),
  /** Marked accepted or declined by the user. */
  marked: z.optional(z.literal(true)),
  /** Unanswered: until when its job is still open (ms). */
  openUntil: z.optional(z.number()),
  /**
   * An invitation with something left to do (not declined, replied, expired or hired): what its
   * reply clock runs from, so the toolbar count reads the index alone, never the entries.
   */
  clock: z.optional(z.object({ receivedAt: z.nullable(z.string()), firstSeenAt: z.nullable(z.string()) })),
});
type EntryMeta = z.infer<typeof EntryMeta>;
const Index = z.record(z.string(), EntryMeta);
type Index = z.infer<typeof Index>;

export type JobEntry = z.infer<typeof JobEntry>;
export type InvitationEntry = z.infer<typeof InvitationEntry>;
export type CacheEntry = z.infer<typeof CacheEntry>;

export const jobKey = (ciphertext: string) => `job:${ciphertext}`;
export const invitationKey = (id: string) => `inv:${id}`;
const entryKey = (e: CacheEntry) => (e.kind === "job" ? jobKey(e.ciphertext) : invitationKey(e.id));

const newState = (at: string | null): InvitationState => ({
  firstSeenAt: at,
  openedAt: null,
  replied: false,
  declined: false,
});

const encoder = new TextEncoder();

function metaOf(entry: CacheEntry, at: number): EntryMeta {
  const key = entryKey(entry);
  const meta: EntryMeta = {
    at,
    bytes: encoder.encode(key).length + ENTRY_PREFIX.length + encoder.encode(JSON.stringify(entry)).length,
  };
  const job = entry.kind === "job" ? entry.ciphertext : entry.page?.record.job.ciphertext;
  if (job) meta.job = job;
  if (entry.kind === "invitation") {
    const record = entry.page?.record;
    if (!closedReason({ state: entry.state, status: record?.status ?? null, activity: record?.activity ?? null }))
      meta.clock = { receivedAt: entry.item?.receivedAt ?? null, firstSeenAt: entry.state.firstSeenAt };
    if (entry.state.replied || entry.state.declined) meta.marked = true;
    else {
      const received = Date.parse(entry.item?.receivedAt ?? entry.state.firstSeenAt ?? "");
      if (Number.isFinite(received)) meta.openUntil = received + OPEN_DAYS_MS;
    }
  }
  return meta;
}

/** 0: jobs and history, 1: unanswered and still open, 2: marked by the user. */
const tier = (meta: EntryMeta, now: number) =>
  meta.marked ? 2 : meta.openUntil !== undefined && meta.openUntil > now ? 1 : 0;

/** Keys in the order they are evicted: lowest tier first, then least recently seen, then oldest received. */
export function evictionOrder(index: Index, now: number): string[] {
  return Object.keys(index).sort((a, b) => {
    const [x, y] = [index[a]!, index[b]!];
    return (
      tier(x, now) - tier(y, now) ||
      x.at - y.at ||
      (x.openUntil ?? 0) - (y.openUntil ?? 0) ||
      (a < b ? -1 : a > b ? 1 : 0)
    );
  });
}

const isQuotaError = (error: unknown) =>
  /quota/i.test(error instanceof Error ? `${error.name} ${error.message}` : String(error));

/** What a write did when it hit the storage quota (for diagnostics). */
export interface StorageProblem {
  evicted: number;
  retried: "ok" | "failed";
}

export interface RecordCacheOptions {
  cap?: number;
  bytes?: number;
  /** Jobs no entry refers to any more (their saved drafts can go). */
  onJobsForgotten?: (ciphertexts: string[]) => Promise<void>;
  onStorageProblem?: (problem: StorageProblem) => Promise<void>;
}

export class RecordCache {
  private readonly cap: number;
  private readonly budget: number;
  /** Serialises read-modify-write of the index: messages arrive concurrently. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Entries dropped as invalid since this instance started (for tests and diagnostics). */
  dropped = 0;
  /**
   * The index as last read or written. This instance is the cache's only writer (the worker's one
   * cache; the CLI's own in memory), so after its first read the index is never read or validated
   * again: every page read's write and toolbar count then cost no 500-entry get and check. Dropped
   * when a write fails (storage may then hold either version): the next use reads it again.
   */
  private known: Index | null = null;
  /** Shards storage does not hold as `known` has them (all, after a rebuild or a migration): written with the next write. */
  private stale = new Set<number>();

  constructor(
    private readonly storage: StorageLike,
    private readonly options: RecordCacheOptions = {},
  ) {
    this.cap = options.cap ?? CACHE_CAP;
    this.budget = options.bytes ?? CACHE_BYTES;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drops the index kept in memory: storage changed under the cache (see `indexReplaced`). */
  forgetIndex(): void {
    this.known = null;
  }

  /** The index (read once, then kept: see `known`); rebuilt from the stored entries when it is missing, corrupt or of an older layout. */
  private async index(): Promise<Index> {
    return (this.known ??= await this.stored());
  }

  private async stored(): Promise<Index> {
    const shards = await this.storage.get(SHARD_KEYS);
    const merged: Index = {};
    let complete = true;
    for (const k of SHARD_KEYS) {
      const shard = Index.safeParse(shards[k]);
      if (shard.success) Object.assign(merged, shard.data);
      else complete = false;
    }
    if (complete) return merged;
    // A shard missing or corrupt: the whole index is taken from the older layout or rebuilt, and written again whole.
    this.stale = new Set(ALL_SHARDS);
    const raw = (await this.storage.get(LEGACY_INDEX_KEY))[LEGACY_INDEX_KEY];
    const parsed = Index.safeParse(raw);
    if (parsed.success) return parsed.data;
    const all = await this.storage.get(null);
    // The older layout kept only when each was seen (key → ms).
    const seen = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const rebuilt: Index = {};
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith(ENTRY_PREFIX)) continue;
      const entry = CacheEntry.safeParse(v);
      const key = k.slice(ENTRY_PREFIX.length);
      const at = seen[key];
      if (entry.success) rebuilt[key] = metaOf(entry.data, typeof at === "number" && Number.isFinite(at) ? at : 0);
    }
    return rebuilt;
  }

  /** Storage items for the index shards listing `keys`, plus the stale ones. */
  private shardItems(index: Index, keys: Iterable<string>): Record<string, Index> {
    const wanted = new Set(this.stale);
    for (const k of keys) wanted.add(shardOf(k, INDEX_SHARDS));
    const items: Record<string, Index> = {};
    for (const n of wanted) items[SHARD_KEYS[n]!] = {};
    for (const [k, meta] of Object.entries(index)) {
      const shard = items[SHARD_KEYS[shardOf(k, INDEX_SHARDS)]!];
      if (shard) shard[k] = meta;
    }
    return items;
  }

  /** Writes items with the index shards they change; once storage holds every shard, the older layout's index goes. */
  private async setIndexed(items: Record<string, unknown>, index: Index, keys: Iterable<string>): Promise<void> {
    const whole = this.stale.size === INDEX_SHARDS;
    try {
      await this.storage.set({ ...items, ...this.shardItems(index, keys) });
    } catch (error) {
      this.known = null;
      throw error;
    }
    this.stale.clear();
    if (whole) await this.storage.remove(LEGACY_INDEX_KEY);
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
      await this.setIndexed({}, index, bad);
    }
    return out;
  }

  /**
   * Takes keys off the index in eviction order while `over` holds, never one in `keep`.
   * Returns the keys taken.
   */
  private evict(
    index: Index,
    now: number,
    over: (count: number, bytes: number) => boolean,
    keep: ReadonlySet<string> = new Set(),
  ): string[] {
    let count = Object.keys(index).length;
    let bytes = Object.values(index).reduce((sum, m) => sum + m.bytes, 0);
    const taken: string[] = [];
    // Within bounds (nearly every write): no 500-key sort.
    if (!over(count, bytes)) return taken;
    for (const key of evictionOrder(index, now)) {
      if (!over(count, bytes)) break;
      if (keep.has(key)) continue;
      count -= 1;
      bytes -= index[key]!.bytes;
      taken.push(key);
      delete index[key];
    }
    return taken;
  }

  /** Removes evicted entries, and tells the owner of drafts which jobs nothing refers to now. */
  private async drop(evicted: string[], jobsBefore: Map<string, string | undefined>, index: Index): Promise<void> {
    if (evicted.length === 0) return;
    await this.storage.remove(evicted.map((k) => ENTRY_PREFIX + k));
    const still = new Set(Object.values(index).map((m) => m.job));
    const gone = [...new Set(evicted.map((k) => jobsBefore.get(k)))].filter((j): j is string => !!j && !still.has(j));
    if (gone.length) await this.options.onJobsForgotten?.(gone).catch(() => undefined);
  }

  /** Writes entries, marks them seen at `seenAt`, and evicts past the bounds (see the file comment). */
  private async write(
    entries: CacheEntry[],
    seenAt: number,
    extra: Record<string, unknown> = {},
    stored: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.writeIndexed(entries, seenAt, extra, stored);
    } catch (error) {
      this.known = null;
      throw error;
    }
  }

  /** `stored`: keys of entries storage holds as they are (only their index meta changes). */
  private async writeIndexed(
    entries: CacheEntry[],
    seenAt: number,
    extra: Record<string, unknown>,
    stored: ReadonlySet<string>,
  ): Promise<void> {
    const index = await this.index();
    const jobsBefore = new Map(Object.entries(index).map(([k, m]) => [k, m.job]));
    const items: Record<string, unknown> = { ...extra };
    for (const e of entries) {
      const key = entryKey(e);
      const at = Math.max(index[key]?.at ?? 0, seenAt);
      const known = stored.has(key) ? index[key] : undefined;
      if (known) index[key] = { ...known, at };
      else {
        items[ENTRY_PREFIX + key] = e;
        index[key] = metaOf(e, at);
      }
      jobsBefore.set(key, jobsBefore.get(key) ?? index[key].job);
    }
    const evicted = this.evict(index, seenAt, (count, bytes) => count > this.cap || bytes > this.budget);
    for (const k of evicted) delete items[ENTRY_PREFIX + k];
    const changed = [...entries.map(entryKey), ...evicted];
    try {
      await this.setIndexed(items, index, changed);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // Something else filled storage.local: make room from what is ours and try once more.
      const written = new Set(entries.map(entryKey).filter((k) => k in index));
      const freed = this.evict(index, seenAt, (_count, bytes) => bytes > this.budget / 2, written);
      await this.storage.remove(freed.map((k) => ENTRY_PREFIX + k));
      evicted.push(...freed);
      try {
        await this.setIndexed(items, index, [...changed, ...freed]);
      } catch (again) {
        await this.options.onStorageProblem?.({ evicted: freed.length, retried: "failed" }).catch(() => undefined);
        throw again;
      }
      await this.options.onStorageProblem?.({ evicted: freed.length, retried: "ok" }).catch(() => undefined);
    }
    await this.drop(evicted, jobsBefore, index);
  }

  /** Remembers a parsed page: job and invitation pages, and the rows of an invitations list. */
  record(parsed: ParsedPage, url: string, readAt: string): Promise<void> {
    return this.exclusive(async () => {
      const seen = Date.parse(readAt);
      if (parsed.kind === "job" && parsed.record.job.ciphertext) {
        const entry: JobEntry = {
          kind: "job",
          ciphertext: parsed.record.job.ciphertext,
          page: { url, readAt, missing: parsed.missing, record: parsed.record },
        };
        await this.write([entry], seen);
      } else if (parsed.kind === "invitation" && parsed.record.id) {
        // (An invitation page without an id — a saved file without its address — has nothing to key it by.)
        const { id } = parsed.record;
        const key = invitationKey(id);
        const old = (await this.read([key])).get(key);
        const prev = old?.kind === "invitation" ? old : null;
        const state = prev?.state ?? newState(readAt);
        const entry: InvitationEntry = {
          kind: "invitation",
          id,
          item: prev?.item ?? null,
          page: { url, readAt, missing: parsed.missing, record: parsed.record },
          state: { ...state, firstSeenAt: state.firstSeenAt ?? readAt, openedAt: readAt },
        };
        // The last invitation goes in the same write: one storage round trip per page read.
        await this.write([entry], seen, { [LAST_INVITATION_KEY]: id });
      } else if (parsed.kind === "invitations") {
        const items = parsed.record.invitations;
        const existing = await this.read(items.map((i) => invitationKey(i.id)));
        // A row as it was stored already is only seen again: its entry is not written again (a
        // 200-row list re-read would rewrite ~200 KB), only its last-seen time in the index.
        const same = new Set<string>();
        const entries = items.map((item): InvitationEntry => {
          const key = invitationKey(item.id);
          const old = existing.get(key);
          const prev = old?.kind === "invitation" ? old : null;
          const entry: InvitationEntry = {
            kind: "invitation",
            id: item.id,
            item,
            page: prev?.page ?? null,
            state: prev?.state ?? newState(readAt),
          };
          if (prev && JSON.stringify(prev) === JSON.stringify(entry)) same.add(key);
          return entry;
        });
        await this.write(entries, seen, {}, same);
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

  async job(ciphertext: string): Promise<JobEntry | null> {
    return (await this.jobs([ciphertext])).get(ciphertext) ?? null;
  }

  /** Cached job pages by ciphertext (those not cached are absent). */
  jobs(ciphertexts: string[]): Promise<Map<string, JobEntry>> {
    return this.exclusive(async () => {
      const found = await this.read(ciphertexts.map(jobKey));
      const out = new Map<string, JobEntry>();
      for (const e of found.values()) if (e.kind === "job") out.set(e.ciphertext, e);
      return out;
    });
  }

  /** The cached invitations whose page names this job (found through the index, read alone). */
  invitationsOfJob(ciphertext: string): Promise<InvitationEntry[]> {
    return this.exclusive(async () => {
      const index = await this.index();
      const keys = Object.keys(index).filter((k) => k.startsWith("inv:") && index[k]!.job === ciphertext);
      return [...(await this.read(keys)).values()].filter((e): e is InvitationEntry => e.kind === "invitation");
    });
  }

  /** Every cached invitation. */
  allInvitations(): Promise<InvitationEntry[]> {
    return this.exclusive(async () => {
      const keys = Object.keys(await this.index()).filter((k) => k.startsWith("inv:"));
      return [...(await this.read(keys)).values()].filter((e): e is InvitationEntry => e.kind === "invitation");
    });
  }

  /** The reply clocks of the invitations with something left to do (from the index alone). */
  openClocks(): Promise<Array<NonNullable<EntryMeta["clock"]>>> {
    return this.exclusive(async () => Object.values(await this.index()).flatMap((m) => (m.clock ? [m.clock] : [])));
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

  /** How many entries the cache holds, and their bytes. */
  async size(): Promise<number> {
    return Object.keys(await this.index()).length;
  }

  async bytes(): Promise<number> {
    return Object.values(await this.index()).reduce((sum, m) => sum + m.bytes, 0);
  }
}
