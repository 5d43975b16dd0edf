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
 */
import * as z from "zod/mini";
import { dateOrTimestamp, timestamp, type ParsedPage } from "./records";
import type { Fit } from "./score";

export const LOG_CAP = 5000;
export const LOG_MAX_AGE_MS = 2 * 365 * 24 * 3600 * 1000;
export const LOG_KEY = "iw:log";

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

/** A page's fit replaces a row's provisional one; a provisional one never replaces a page's. */
const betterFit = (old: LoggedFit | null, next: LoggedFit | null) =>
  next === null || next.score === null ? old : old && !old.provisional && next.provisional ? old : next;

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

/** Within the bounds: nothing first seen over LOG_MAX_AGE_MS ago, and the newest `cap` first seen. */
export function bounded(entries: readonly LogEntry[], now: Date, cap = LOG_CAP, maxAgeMs = LOG_MAX_AGE_MS) {
  const since = now.getTime() - maxAgeMs;
  const kept = entries.filter((e) => Date.parse(e.firstSeenAt) >= since);
  kept.sort((a, b) => (a.firstSeenAt < b.firstSeenAt ? -1 : a.firstSeenAt > b.firstSeenAt ? 1 : 0));
  return kept.slice(Math.max(0, kept.length - cap));
}

/** The stored form: `sample` marks a log the demo seeded (the Insights page says so). */
export interface StoredLog {
  entries: LogEntry[];
  sample: boolean;
  /** Entries that failed validation and were left out. */
  dropped: number;
  /** The stored value was not a log at all (and was read as empty). */
  corrupt: boolean;
}

/** Reads the stored log entry by entry: a bad entry is left out, never the whole log. */
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

export const storedForm = (entries: readonly LogEntry[], sample = false) =>
  sample ? { entries, sample: true } : { entries };

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
