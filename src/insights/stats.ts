/**
 * What the Insights page shows, computed from the invitation log alone (pure: entries and a clock in,
 * figures out): invitations per week, time to reply (median and the share answered within 24 h, the
 * figure Upwork counts), replies and outcomes by fit band, and the clients behind the best outcomes.
 */
import type { LogEntry } from "../shared/invitation-log";

export const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Fit bands: the lowest reads "decline" at the default threshold (40). */
export const BANDS = [
  { id: "0-39", label: "0–39", min: 0, max: 39.999 },
  { id: "40-54", label: "40–54", min: 40, max: 54.999 },
  { id: "55-69", label: "55–69", min: 55, max: 69.999 },
  { id: "70-100", label: "70–100", min: 70, max: 100 },
] as const;
export const UNSCORED = { id: "unscored", label: "Not scored" } as const;

/** Reply-time buckets, in hours (upper bounds, included: 24 h is within 24 h; the last is open). */
export const REPLY_BUCKETS = [
  { label: "< 1 h", upTo: 1 },
  { label: "1–4 h", upTo: 4 },
  { label: "4–12 h", upTo: 12 },
  { label: "12–24 h", upTo: 24 },
  { label: "1–2 days", upTo: 48 },
  { label: "2–7 days", upTo: 168 },
  { label: "over 7 days", upTo: Infinity },
] as const;

/** What the reply clock runs from: a precise time received, else when first seen (a bare date says too little). */
export function clockStart(e: LogEntry): number {
  const received = e.receivedAt && e.receivedAt.length > 10 ? Date.parse(e.receivedAt) : NaN;
  const seen = Date.parse(e.firstSeenAt);
  return Number.isFinite(received) ? Math.min(received, seen) : seen;
}

/** Milliseconds from the clock's start to the reply (never negative); null when unanswered. */
export function replyTime(e: LogEntry): number | null {
  return e.reply ? Math.max(0, Date.parse(e.reply.at) - clockStart(e)) : null;
}

export function bandOf(e: LogEntry): string {
  const score = e.fit?.score;
  if (score === null || score === undefined) return UNSCORED.id;
  return BANDS.find((b) => score >= b.min && score <= b.max)?.id ?? UNSCORED.id;
}

/** Monday 00:00 UTC of the week holding `t`, as YYYY-MM-DD. */
export function weekOf(t: number): string {
  const d = new Date(t);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface BandRow {
  id: string;
  label: string;
  total: number;
  accepted: number;
  declined: number;
  unanswered: number;
  offers: number;
  hired: number;
  notHired: number;
  noAnswer: number;
}

export interface BestClient {
  id: string;
  title: string | null;
  score: number | null;
  outcome: "offer" | "hired";
  /** Factor ids the client scored well on (at least 70% of the factor's weight). */
  strong: string[];
}

export interface FactorShare {
  id: string;
  /** Mean share of the factor's weight earned by the clients behind offers and hires, and by the others. */
  best: number;
  others: number;
}

export interface Insights {
  total: number;
  /** Up to the last 52 weeks with invitations, every week between shown (zero when none). */
  weeks: Array<{ week: string; count: number }>;
  reply: {
    answered: number;
    /** Of which the reply's moment is when a page showed it (so at most that long). */
    seenOnPage: number;
    medianMs: number | null;
    /** Invitations whose 24 hours are over (or that were answered), and those answered within them. */
    due: number;
    within24h: number;
    share24h: number | null;
    buckets: Array<{ label: string; count: number }>;
  };
  bands: BandRow[];
  best: BestClient[];
  sharedFactors: FactorShare[];
}

const STRONG = 0.7;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function computeInsights(entries: readonly LogEntry[], now: Date): Insights {
  // Weeks: received (or first seen), from the first to the current week, the last 52 at most.
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(weekOf(clockStart(e)), (counts.get(weekOf(clockStart(e))) ?? 0) + 1);
  const weeks: Insights["weeks"] = [];
  if (counts.size) {
    const first = Date.parse([...counts.keys()].sort()[0]!);
    const last = Math.max(Date.parse(weekOf(now.getTime())), Date.parse([...counts.keys()].sort().at(-1)!));
    for (let t = Math.max(first, last - 51 * 7 * DAY); t <= last; t += 7 * DAY) {
      const week = new Date(t).toISOString().slice(0, 10);
      weeks.push({ week, count: counts.get(week) ?? 0 });
    }
  }

  const times = entries.flatMap((e) => {
    const t = replyTime(e);
    return t === null ? [] : [t];
  });
  const due = entries.filter((e) => e.reply !== null || clockStart(e) + DAY <= now.getTime()).length;
  const within24h = times.filter((t) => t <= DAY).length;
  const buckets = REPLY_BUCKETS.map((b, i) => ({
    label: b.label,
    count: times.filter((t) => t / HOUR <= b.upTo && (i === 0 || t / HOUR > REPLY_BUCKETS[i - 1]!.upTo)).length,
  }));

  const bands: BandRow[] = [...BANDS, UNSCORED].map((b) => {
    const inBand = entries.filter((e) => bandOf(e) === b.id);
    const outcome = (kind: string) => inBand.filter((e) => e.outcome?.kind === kind).length;
    return {
      id: b.id,
      label: b.label,
      total: inBand.length,
      accepted: inBand.filter((e) => e.reply?.kind === "accepted").length,
      declined: inBand.filter((e) => e.reply?.kind === "declined").length,
      unanswered: inBand.filter((e) => e.reply === null).length,
      // A hire came through an offer: offers count both.
      offers: outcome("offer") + outcome("hired"),
      hired: outcome("hired"),
      notHired: outcome("not-hired"),
      noAnswer: outcome("no-answer"),
    };
  });

  const isBest = (e: LogEntry) => e.outcome?.kind === "offer" || e.outcome?.kind === "hired";
  const best: BestClient[] = entries
    .filter(isBest)
    .map((e) => ({
      id: e.id,
      title: e.title,
      score: e.fit?.score ?? null,
      outcome: e.outcome!.kind as "offer" | "hired",
      strong: Object.entries(e.fit?.factors ?? {})
        .filter(([, share]) => share >= STRONG)
        .map(([id]) => id),
    }))
    .sort((a, b) => (a.outcome === b.outcome ? (b.score ?? -1) - (a.score ?? -1) : a.outcome === "hired" ? -1 : 1));

  const factorIds = [...new Set(entries.flatMap((e) => Object.keys(e.fit?.factors ?? {})))];
  const sharedFactors: FactorShare[] = factorIds
    .flatMap((id) => {
      const of = (pick: (e: LogEntry) => boolean) =>
        entries.flatMap((e) => (pick(e) && e.fit?.factors[id] !== undefined ? [e.fit.factors[id]] : []));
      const [b, o] = [of(isBest), of((e) => !isBest(e))];
      return b.length && o.length ? [{ id, best: mean(b), others: mean(o) }] : [];
    })
    .sort((x, y) => y.best - y.others - (x.best - x.others));

  return {
    total: entries.length,
    weeks,
    reply: {
      answered: times.length,
      seenOnPage: entries.filter((e) => e.reply?.source === "page").length,
      medianMs: median(times),
      due,
      within24h,
      share24h: due ? within24h / due : null,
      buckets,
    },
    bands,
    best,
    sharedFactors,
  };
}

/** "3 h 20 min", "2 days 4 h", "45 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`;
}
