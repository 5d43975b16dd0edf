/**
 * A small log of pages that parsed with missing fields, fields read only through a fallback anchor,
 * or fields where the page and its embedded state disagree (field health: a renamed attribute shows
 * up here before its fallback breaks too), for the options page's Diagnostics section
 * and its "copy report". It holds field names only — never page text, never URLs — so a report can be
 * pasted into a public bug tracker without leaking anything about the user's jobs or clients.
 */
import * as z from "zod/mini";
import { FIELD, KIND, fieldNames } from "./field-names";
import { extensionStorage, type StorageAreaLike } from "./settings-layout";

export const DIAGNOSTICS_KEY = "diagnostics.parseMisses";
export const MAX_DIAGNOSTICS = 50;
/** Fields per entry; a page missing more than this is reported with the first ones and a count. */
const MAX_FIELDS = 40;

export interface ParseMiss {
  /** Page kind (records.md §2): "invitation", "job", … */
  kind: string;
  /** Dotted field paths that were left null/[] because nothing matched, e.g. "client.totalSpent". */
  missing: string[];
  /** Fields read through a fallback anchor (not their table's first). */
  fallbacks?: string[];
  /** Fields where the visible text and the page state disagree (the text was kept). */
  disagreements?: string[];
  /** When the page was read (ISO). */
  at: string;
  /** How many field names were dropped because the entry was over MAX_FIELDS. */
  more?: number;
}

/** A stored entry, checked on read: the options page renders these. */
const StoredMiss = z.object({
  kind: z.string().check(z.regex(KIND)),
  missing: z.array(z.string().check(z.maxLength(80), z.regex(FIELD))),
  fallbacks: z.optional(z.array(z.string().check(z.maxLength(80), z.regex(FIELD)))),
  disagreements: z.optional(z.array(z.string().check(z.maxLength(80), z.regex(FIELD)))),
  at: z.iso.datetime(),
  more: z.optional(z.int().check(z.gte(1))),
});

/** The moment as ISO; now when missing or invalid. */
function isoOf(at: string | number | Date | undefined): string {
  const date = at === undefined ? new Date() : new Date(at);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

export interface PageHealth {
  kind: string;
  missing: readonly string[];
  fallbacks?: readonly string[];
  disagreements?: readonly string[];
  at?: string | number | Date;
}

function clean(entry: PageHealth): ParseMiss | null {
  const kind = KIND.test(entry.kind) ? entry.kind : "other";
  const fields = fieldNames(entry.missing);
  const fallbacks = fieldNames(entry.fallbacks).slice(0, MAX_FIELDS);
  const disagreements = fieldNames(entry.disagreements).slice(0, MAX_FIELDS);
  if (fields.length + fallbacks.length + disagreements.length === 0) return null;
  const at = isoOf(entry.at);
  const out: ParseMiss = { kind, missing: fields.slice(0, MAX_FIELDS), at };
  if (fields.length > MAX_FIELDS) out.more = fields.length - MAX_FIELDS;
  if (fallbacks.length) out.fallbacks = fallbacks;
  if (disagreements.length) out.disagreements = disagreements;
  return out;
}

/** The stored log, entry by entry: a bad entry is dropped, never the whole log. */
function readList(value: unknown): ParseMiss[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e) => {
    const checked = StoredMiss.safeParse(e);
    return checked.success ? [checked.data] : [];
  });
}

// The background may record several pages at once; chaining the read-modify-write keeps every entry.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Records one page that parsed with missing fields (`at`: when the page was read, which identifies
 * the visit). Keeps the last MAX_DIAGNOSTICS entries in storage.local. Entries with no valid field
 * name are not recorded. Never throws into the caller's page work.
 */
export function recordParseMisses(entry: PageHealth, local: StorageAreaLike = extensionStorage().local): Promise<void> {
  const item = clean(entry);
  const visit = entry.at === undefined ? null : isoOf(entry.at);
  const run = queue.then(async () => {
    const list = readList((await local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
    // A page re-read during the same visit (same kind and moment of reading: late sections arrived)
    // replaces that visit's entry, so a field that showed up later is not reported missing.
    const last = list.at(-1);
    const sameVisit = visit !== null && last?.kind === (item?.kind ?? entry.kind) && last.at === visit;
    const kept = sameVisit ? list.slice(0, -1) : list;
    if (!item && !sameVisit) return;
    await local.set({ [DIAGNOSTICS_KEY]: (item ? [...kept, item] : kept).slice(-MAX_DIAGNOSTICS) });
  });
  queue = run.catch(() => undefined);
  return run.catch((e) => console.warn("[invitewise] diagnostics not recorded", e));
}

/** Newest first. */
export async function readDiagnostics(local: StorageAreaLike = extensionStorage().local): Promise<ParseMiss[]> {
  return readList((await local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]).reverse();
}

/**
 * Storage trouble the background met: a write of the record cache that hit the browser's quota
 * (something else filled storage.local), how many entries it evicted to retry, and whether the
 * retry stored the page.
 */
export const STORAGE_NOTICES_KEY = "diagnostics.storage";
const MAX_STORAGE_NOTICES = 20;
const CacheNotice = z.object({
  at: z.iso.datetime(),
  evicted: z.int().check(z.gte(0), z.lte(1_000_000)),
  retried: z.enum(["ok", "failed"]),
});
/** The invitation log read back damaged: its bad entries (or the whole item, `corrupt`) were left out. */
const LogNotice = z.object({
  at: z.iso.datetime(),
  store: z.literal("invitation-log"),
  dropped: z.int().check(z.gte(0), z.lte(1_000_000)),
  corrupt: z.boolean(),
});
export const StorageNotice = z.union([CacheNotice, LogNotice]);
export type StorageNotice = z.infer<typeof StorageNotice>;

const readNotices = (value: unknown): StorageNotice[] =>
  Array.isArray(value)
    ? value.flatMap((e) => {
        const checked = StorageNotice.safeParse(e);
        return checked.success ? [checked.data] : [];
      })
    : [];

/** Records one storage notice (the last MAX_STORAGE_NOTICES are kept). Never throws: storage may be full. */
export function recordStorageNotice(
  notice: StorageNotice,
  local: StorageAreaLike = extensionStorage().local,
): Promise<void> {
  const run = queue.then(async () => {
    const list = readNotices((await local.get(STORAGE_NOTICES_KEY))[STORAGE_NOTICES_KEY]);
    await local.set({ [STORAGE_NOTICES_KEY]: [...list, notice].slice(-MAX_STORAGE_NOTICES) });
  });
  queue = run.catch(() => undefined);
  return run.catch((e) => console.warn("[invitewise] storage notice not recorded", e));
}

/** Newest first. */
export async function readStorageNotices(local: StorageAreaLike = extensionStorage().local): Promise<StorageNotice[]> {
  return readNotices((await local.get(STORAGE_NOTICES_KEY))[STORAGE_NOTICES_KEY]).reverse();
}

/** The background's to call (the options page asks it): it is the only writer of the log. */
export async function clearDiagnostics(local: StorageAreaLike = extensionStorage().local): Promise<void> {
  await local.remove([DIAGNOSTICS_KEY, STORAGE_NOTICES_KEY]);
}

/** Plain text for a bug report: environment and field names only. */
export function diagnosticsReport(
  entries: readonly ParseMiss[],
  env: { version?: string; userAgent?: string; now?: Date } = {},
  storage: readonly StorageNotice[] = [],
): string {
  const lines = [
    "Invitewise diagnostics report",
    `Extension version: ${env.version ?? "unknown"}`,
    `Browser: ${env.userAgent ?? "unknown"}`,
    `Generated: ${(env.now ?? new Date()).toISOString()}`,
    "",
    entries.length
      ? `Pages read with missing fields, fallbacks or disagreements (${entries.length}, newest first):`
      : "No pages with missing fields recorded.",
    ...entries.map(
      (e) =>
        `- ${e.at} ${e.kind}: ${e.missing.join(", ") || "nothing missing"}${e.more ? ` (+${e.more} more)` : ""}` +
        (e.fallbacks?.length ? `; read through a fallback: ${e.fallbacks.join(", ")}` : "") +
        (e.disagreements?.length ? `; page and page state disagree: ${e.disagreements.join(", ")}` : ""),
    ),
    ...(storage.length ? ["", `Storage full (${storage.length}, newest first):`] : []),
    ...storage.map((n) =>
      "store" in n
        ? `- ${n.at} invitation log read back damaged: ${n.corrupt ? "unreadable, started empty" : `${n.dropped} entries left out`}`
        : `- ${n.at} record cache hit the storage quota: ${n.evicted} entries evicted, retry ${n.retried === "ok" ? "stored the page" : "failed"}`,
    ),
  ];
  return lines.join("\n");
}
