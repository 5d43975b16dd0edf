/**
 * The invitation log behind the Insights page: one small entry per invitation the user's opened pages
 * showed — when it came, when it was first seen and opened, its fit when scored, the user's reply and,
 * when known, what it brought. Nothing is fetched to learn it: only pages the user opens, the popup's
 * marks and the Insights page's one-click outcomes.
 *
 * Bounded (LOG_CAP entries, LOG_MAX_AGE_MS of history, oldest first seen evicted first) and kept apart
 * from the record cache: the cache forgets a job's page after 30 days, the log keeps a few hundred bytes
 * of it for two years. The updates here are pure (entries in, entries out); the background's store
 * (src/background/invitation-log.ts) is the only writer, but for a settings import.
 *
 * Stored layout: the entries spread by id over LOG_SHARDS items (`iw:log:<n>`, each id → entry), so a
 * page read rewrites the one item holding its invitation (~6 KB with a full log), not the whole log
 * (~1.5 MB); `iw:log:meta` says whether it is sample data. `iw:log` holds a whole log written at once —
 * a settings import, or a version from before the shards: while present it is the log, and the worker
 * moves it into the shards when it next loads the log.
 */
import * as z from "zod/mini";
import { dateOrTimestamp, timestamp, type ParsedPage } from "./records";
import type { Fit } from "./score";
import { shardKeys, shardOf } from "./shards";

export const LOG_CAP = 5000;
export const LOG_MAX_AGE_MS = 2 * 365 * 24 * 3600 * 1000;
/** A whole log written at once (see the file comment); also the shards' prefix. */
export const LOG_KEY = "iw:log";
/** 256: a full log (5,000 entries of ~300 bytes) puts ~6 KB in each (the bytes a write costs, measured). */
export const LOG_SHARDS = 256;
export const LOG_SHARD_KEYS = shardKeys(LOG_KEY, LOG_SHARDS);
export const LOG_META_KEY = `${LOG_KEY}:meta`;
/** Every storage key the log may occupy: one `get` of these reads it. */
export const LOG_KEYS: readonly string[] = [LOG_KEY, LOG_META_KEY, ...LOG_SHARD_KEYS];
/** The shard an invitation's entry lives in. */
export const logShardOf = (id: string) => shardOf(id, LOG_SHARDS);

const unit = z.number().check(z.gte(0), z.lte(1));

/** The fit when scored: each factor's share of its weight earned (0–1), so factors compare across entries. */
export const LoggedFit = z.object({
  score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  confidence: unit,
  /** Scored from the list row alone (the invitation was not opened yet). */
  provisional: z.boolean(),
  factors: z.record(z.string().check(z.regex(/^[A-Za-z]{1,40}$/)), unit),
  at: timestamp,
});

export const ReplyKind = z.enum(["accepted", "declined"]);
export const LoggedReply = z.object({
  kind: ReplyKind,
  at: timestamp,
  /** "mark": the popup's "I accepted it"/"I declined it"; "page": the invitation page's own status (seen then). */
  source: z.enum(["mark", "page"]),
});

export const OutcomeKind = z.enum(["offer", "hired", "not-hired", "no-answer"]);
export const LoggedOutcome = z.object({
  kind: OutcomeKind,
  at: timestamp,
  /** "page": an offer for the job seen on the proposals page; "user": marked on the Insights page. */
  source: z.enum(["page", "user"]),
});

export const LogEntry = z.object({
  id: z.string().check(z.regex(/^\d{1,30}$/)),
  title: z.nullable(z.string().check(z.minLength(1), z.maxLength(300))),
  receivedAt: z.nullable(dateOrTimestamp),
  firstSeenAt: timestamp,
  openedAt: z.nullable(timestamp),
  fit: z.nullable(LoggedFit),
  reply: z.nullable(LoggedReply),
  outcome: z.nullable(LoggedOutcome),
});

/** The log as a settings file carries it (records.md §5's further sections): validated whole on import. */
export const InvitationLog = z.array(LogEntry).check(z.maxLength(LOG_CAP));

export type LoggedFit = z.infer<typeof LoggedFit>;
export type LoggedReply = z.infer<typeof LoggedReply>;
export type LoggedOutcome = z.infer<typeof LoggedOutcome>;
export type OutcomeKind = z.infer<typeof OutcomeKind>;
export type LogEntry = z.infer<typeof LogEntry>;

/** What the worker's assessment said about the page just read (the `page-parsed` reply's parts). */
export interface PageScores {
  fit: Fit | null;
  invitations: Array<{ id: string; detail: { fit: Fit; provisional: boolean } | null }> | null;
}

function loggedFit(fit: Fit, provisional: boolean, at: string): LoggedFit {
  const factors: Record<string, number> = {};
  for (const f of fit.factors)
    if (f.weight > 0 && /^[A-Za-z]{1,40}$/.test(f.id))
      factors[f.id] = Math.round(Math.min(1, Math.max(0, f.points / f.weight)) * 100) / 100;
  return { score: fit.score, confidence: fit.confidence, provisional, factors, at };
}

/** The same assessment, whenever made: a re-read that scores the same changes nothing to write. */
const sameFit = (a: LoggedFit, b: LoggedFit) =>
  a.score === b.score &&
  a.confidence === b.confidence &&
  a.provisional === b.provisional &&
  JSON.stringify(a.factors) === JSON.stringify(b.factors);

/**
 * A page's fit replaces a row's provisional one; a provisional one never replaces a page's; the same
 * fit scored again keeps the moment it was first scored so.
 */
const betterFit = (old: LoggedFit | null, next: LoggedFit | null) =>
  next === null || next.score === null
    ? old
    : old && ((!old.provisional && next.provisional) || sameFit(old, next))
      ? old
      : next;

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const clip = (s: string | null | undefined) => (s ? s.slice(0, 300) : null);

function blank(id: string, at: string): LogEntry {
  return {
    id,
    title: null,
    receivedAt: null,
    firstSeenAt: at,
    openedAt: null,
    fit: null,
    reply: null,
    outcome: null,
  };
}

/** Normalised job titles: "Offer: X" on the proposals page names the job X. */
export const titleKey = (title: string) => title.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The log after a page read: an invitations list's rows, an invitation page (opened; its status is a
 * reply), and the offers the proposals page lists (their job titles), each joined to its invitation.
 */
export function notePage(
  entries: readonly LogEntry[],
  parsed: ParsedPage,
  readAt: string,
  scores: PageScores | null,
  offerTitles: readonly string[] = [],
): LogEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const upsert = (id: string, change: (e: LogEntry) => LogEntry) => {
    const old = byId.get(id) ?? blank(id, readAt);
    byId.set(id, change({ ...old, firstSeenAt: earlier(old.firstSeenAt, readAt)! }));
  };
  if (parsed.kind === "invitations") {
    const details = new Map((scores?.invitations ?? []).map((r) => [r.id, r.detail]));
    for (const row of parsed.record.invitations) {
      const detail = details.get(row.id);
      upsert(row.id, (e) => ({
        ...e,
        title: clip(row.jobTitle) ?? e.title,
        receivedAt: row.receivedAt ?? e.receivedAt,
        fit: betterFit(e.fit, detail ? loggedFit(detail.fit, detail.provisional, readAt) : null),
      }));
    }
  } else if (parsed.kind === "invitation" && parsed.record.id) {
    // (A page without its id — a saved file without its address — cannot be joined to the log.)
    const { record } = parsed;
    upsert(parsed.record.id, (e) => ({
      ...e,
      title: clip(record.job.title) ?? e.title,
      openedAt: earlier(e.openedAt, readAt),
      fit: betterFit(e.fit, scores?.fit ? loggedFit(scores.fit, false, readAt) : null),
      // The page's status is a reply the user made on Upwork; when is known only to "by now".
      reply:
        e.reply ??
        (record.status === "accepted" || record.status === "declined"
          ? { kind: record.status, at: readAt, source: "page" }
          : null),
    }));
  }
  if (offerTitles.length) {
    const offered = new Set(offerTitles.map(titleKey));
    for (const e of byId.values())
      if (e.title && offered.has(titleKey(e.title)) && (e.outcome === null || e.outcome.source === "page"))
        byId.set(e.id, { ...e, outcome: e.outcome ?? { kind: "offer", at: readAt, source: "page" } });
  }
  return [...byId.values()];
}

/** The popup's mark ("replied" is "I accepted it"): it names the reply, and the earlier moment stands. */
export function noteReply(
  entries: readonly LogEntry[],
  id: string,
  state: "replied" | "declined",
  at: string,
): LogEntry[] {
  const kind = state === "replied" ? "accepted" : "declined";
  const old = entries.find((e) => e.id === id);
  const reply = (prev: LoggedReply | null): LoggedReply =>
    prev && prev.kind === kind && prev.at <= at ? prev : { kind, at, source: "mark" };
  if (!old) return [...entries, { ...blank(id, at), reply: reply(null) }];
  return entries.map((e) => (e.id === id ? { ...e, reply: reply(e.reply) } : e));
}

/** The Insights page's one-click outcome (null: forget it). Unknown ids change nothing. */
export function noteOutcome(
  entries: readonly LogEntry[],
  id: string,
  kind: OutcomeKind | null,
  at: string,
): { entries: LogEntry[]; found: boolean } {
  const found = entries.some((e) => e.id === id);
  return {
    found,
    entries: entries.map((e) => (e.id === id ? { ...e, outcome: kind ? { kind, at, source: "user" } : null } : e)),
  };
}

/** Oldest first seen first; ids (digits) break ties, so the order does not depend on how entries were stored. */
export function byFirstSeen(a: LogEntry, b: LogEntry): number {
  if (a.firstSeenAt !== b.firstSeenAt) return a.firstSeenAt < b.firstSeenAt ? -1 : 1;
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Within the bounds: nothing first seen over LOG_MAX_AGE_MS ago, and the newest `cap` first seen. */
export function bounded(entries: readonly LogEntry[], now: Date, cap = LOG_CAP, maxAgeMs = LOG_MAX_AGE_MS) {
  const since = now.getTime() - maxAgeMs;
  const kept = entries.filter((e) => Date.parse(e.firstSeenAt) >= since);
  kept.sort(byFirstSeen);
  return kept.slice(Math.max(0, kept.length - cap));
}

/** The stored form: `sample` marks a log the demo seeded (the Insights page says so). */
export interface StoredLog {
  entries: LogEntry[];
  sample: boolean;
  /** Entries that failed validation and were left out. */
  dropped: number;
  /** The stored value (the whole log, or one of its shards) was not a log at all, and was read as empty. */
  corrupt: boolean;
}

/** The log as its storage items hold it (see `parseLogItems`). */
export interface StoredLogItems extends StoredLog {
  /** Read from the whole-log item (`iw:log`): the shards are to be written from it. */
  whole: boolean;
  /** Shards with something left out: to be written again as they now read. */
  damaged: number[];
}

/** Reads a whole log (the `iw:log` item) entry by entry: a bad entry is left out, never the whole log. */
export function parseStoredLog(raw: unknown): StoredLog {
  if (raw === undefined) return { entries: [], sample: false, dropped: 0, corrupt: false };
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { entries?: unknown }).entries))
    return { entries: [], sample: false, dropped: 0, corrupt: true };
  const value = raw as { entries: unknown[]; sample?: unknown };
  const entries: LogEntry[] = [];
  for (const e of value.entries) {
    const checked = LogEntry.safeParse(e);
    if (checked.success) entries.push(checked.data);
  }
  return {
    entries,
    sample: value.sample === true,
    dropped: value.entries.length - entries.length,
    corrupt: false,
  };
}

/** The whole-log item's form (a settings import writes it so). */
export const storedForm = (entries: readonly LogEntry[], sample = false) =>
  sample ? { entries, sample: true } : { entries };

/**
 * Reads the log from its storage items (LOG_KEYS, as one `get` returned them), entries oldest first
 * seen first: the whole-log item when present, else the shards, each entry checked on its own — a
 * bad entry, or a shard that is no shard, loses only itself.
 */
export function parseLogItems(items: Record<string, unknown>): StoredLogItems {
  if (items[LOG_KEY] !== undefined) {
    const whole = parseStoredLog(items[LOG_KEY]);
    whole.entries.sort(byFirstSeen);
    return { ...whole, whole: true, damaged: [] };
  }
  const entries: LogEntry[] = [];
  const damaged: number[] = [];
  let dropped = 0;
  let corrupt = false;
  LOG_SHARD_KEYS.forEach((key, n) => {
    const raw = items[key];
    if (raw === undefined) return;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      corrupt = true;
      damaged.push(n);
      return;
    }
    const before = dropped;
    for (const [id, value] of Object.entries(raw)) {
      const checked = LogEntry.safeParse(value);
      // An entry filed under another id, or in another shard, would be found twice or never written again.
      if (checked.success && checked.data.id === id && logShardOf(id) === n) entries.push(checked.data);
      else dropped++;
    }
    if (dropped > before) damaged.push(n);
  });
  const meta = items[LOG_META_KEY] as { sample?: unknown } | undefined;
  entries.sort(byFirstSeen);
  return { entries, sample: meta?.sample === true, dropped, corrupt, whole: false, damaged };
}

/** Storage items for the given shards, each holding the entries of `entries` that belong to it. */
export function logShardItems(
  entries: Iterable<LogEntry>,
  shards: Iterable<number>,
): Record<string, Record<string, LogEntry>> {
  const items: Record<string, Record<string, LogEntry>> = {};
  for (const n of shards) items[LOG_SHARD_KEYS[n]!] = {};
  for (const e of entries) {
    const shard = items[LOG_SHARD_KEYS[logShardOf(e.id)]!];
    if (shard) shard[e.id] = e;
  }
  return items;
}

/** The log as stored, read in one go (the Insights page, a settings export). */
export async function readLog(storage: {
  get(keys: string[]): Promise<Record<string, unknown>>;
}): Promise<StoredLogItems> {
  return parseLogItems(await storage.get([...LOG_KEYS]));
}

/**
 * Whether a storage change replaced the log under the worker's copy: a whole log written (an
 * import), or shards taken away ("Erase all data"). The worker's own writes do neither.
 */
export function logReplaced(changes: Record<string, { newValue?: unknown }>): boolean {
  return (
    changes[LOG_KEY]?.newValue !== undefined ||
    [LOG_META_KEY, ...LOG_SHARD_KEYS].some((k) => k in changes && changes[k]?.newValue === undefined)
  );
}

/** Whether a storage change touched the log at all (the Insights page reads it again). */
export const logChanged = (changes: Record<string, unknown>) => LOG_KEYS.some((k) => k in changes);

/** The log as CSV (RFC 4180: quoted where needed, CRLF), one row per invitation. */
export function logToCsv(entries: readonly LogEntry[]): string {
  const head = [
    "id",
    "title",
    "received_at",
    "first_seen_at",
    "opened_at",
    "fit_score",
    "fit_confidence",
    "fit_provisional",
    "reply",
    "replied_at",
    "reply_source",
    "outcome",
    "outcome_at",
    "outcome_source",
  ];
  const cell = (v: string | number | boolean | null | undefined) => {
    if (v === null || v === undefined) return "";
    let s = String(v);
    // A spreadsheet runs a cell that starts with = + - @ as a formula: a page's title must stay text.
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = entries.map((e) =>
    [
      e.id,
      e.title,
      e.receivedAt,
      e.firstSeenAt,
      e.openedAt,
      e.fit?.score,
      e.fit?.confidence,
      e.fit?.provisional,
      e.reply?.kind,
      e.reply?.at,
      e.reply?.source,
      e.outcome?.kind,
      e.outcome?.at,
      e.outcome?.source,
    ]
      .map(cell)
      .join(","),
  );
  return [head.join(","), ...rows].join("\r\n") + "\r\n";
}
