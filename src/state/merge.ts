/**
 * The text record + the page state's facts → one record with `sources` (records.md §1 "Two sources").
 *
 * - Only a state about THIS page is used: its job ciphertext must be the record's (Upwork's SPA keeps the
 *   first page's state while the user moves on; a slider over a feed has no state for its job). Invitation
 *   rows are matched by id.
 * - The state fills what the page does not show (source "state"), and refines what the page shows
 *   rounded when the exact value lies inside what the shown text stands for ("$12K" → 11964.27, source
 *   "both"). When they disagree the visible text wins, with a warning and a disagreement entry.
 * - Every other non-null field is "text".
 */
import type { Activity, BidRange, Budget, ClientJob, FieldSource, InvitationItem, ParsedPage } from "../shared/records";
import type { InvitationFacts, JobFacts, StateFacts, StateHistoryItem } from "./facts";

export interface Disagreement {
  path: string;
  text: unknown;
  state: unknown;
}

/** A state that was on the page but could not be read: `{ error: "<reason>" }`. */
export interface StateError {
  error: string;
}

export interface Merged {
  parsed: ParsedPage;
  disagreements: Disagreement[];
}

const CIPHER = /~0[12][0-9a-f]+/i;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Merges the state's facts into a parsed page. `now` is the moment the page was read (the one its
 * relative times were resolved against); without it a relative time is refined only when equal.
 */
export function mergeState(parsed: ParsedPage, facts: StateFacts | StateError | null, url: string, now?: Date): Merged {
  const m = new Merger(parsed, now);
  if (facts && "error" in facts) m.warnings.push(`state: ${facts.error}`);
  else if (facts) m.apply(facts, url);
  return m.result();
}

type Rec = Record<string, unknown>;
type Agreement<T> = { agree: true; value: T } | { agree: false };

class Merger {
  readonly warnings: string[];
  private readonly record: Rec;
  private readonly missing: string[];
  private readonly sources = new Map<string, FieldSource>();
  private readonly disagreements: Disagreement[] = [];

  constructor(
    private readonly parsed: ParsedPage,
    private readonly now: Date | undefined,
  ) {
    this.record = structuredClone(parsed.record);
    this.missing = [...parsed.missing];
    this.warnings = [...parsed.warnings];
  }

  apply(facts: StateFacts, url: string): void {
    const job = this.record.job as Rec | undefined;
    const f = facts.job;
    if (f && job && typeof job === "object") {
      const expected = (typeof job.ciphertext === "string" ? job.ciphertext : CIPHER.exec(url)?.[0]) ?? null;
      // A posting has two ciphertexts: its own (`~01…` on older posts) and `~02` + its uid.
      const own = expected?.toLowerCase();
      if (own && (own === f.ciphertext || (f.uid != null && own === `~02${f.uid}`))) {
        for (const d of facts.dropped) this.warnings.push(`state: ${d}`);
        this.mergeJob(job, f);
        if (this.record.client && typeof this.record.client === "object")
          this.mergeClient(this.record.client as Rec, f);
        if ("activity" in this.record) this.mergeActivity(f);
        if ("bidRange" in this.record) this.mergeBidRange(f);
      }
    }
    if (facts.invitations.length > 0) this.mergeInvitations(facts.invitations);
  }

  result(): Merged {
    const sources: Record<string, FieldSource> = {};
    leaves(this.record, "", (path) => {
      sources[path] = this.sources.get(path) ?? "text";
    });
    // Field health: a field the state filled was given by no anchor of the page.
    const anchors = { ...this.parsed.anchors };
    for (const [path, source] of Object.entries(sources)) if (source === "state") anchors[path] = "state";
    const disagreements = this.disagreements.map((d) => d.path);
    const parsed = {
      ...this.parsed,
      record: this.record,
      missing: this.missing,
      warnings: this.warnings,
      sources,
      anchors,
      disagreements,
    } as ParsedPage;
    return { parsed, disagreements: this.disagreements };
  }

  // -------------------------------------------------------------------------------------------
  // One field: fill, refine or disagree.

  /** Sets `obj[key]` from the state by the rules; `agree` decides when both have a value. */
  private field<T>(
    obj: Rec,
    key: string,
    path: string,
    state: T | null | undefined,
    agree: (text: T, state: T) => Agreement<T>,
  ): void {
    if (state == null || (Array.isArray(state) && state.length === 0)) return;
    const text = obj[key] as T | null | undefined;
    if (text == null || (Array.isArray(text) && text.length === 0)) {
      obj[key] = state;
      this.sources.set(path, "state");
      this.found(path);
      return;
    }
    const a = agree(text, state);
    if (a.agree) {
      obj[key] = a.value;
      this.sources.set(path, "both");
    } else {
      this.disagree(path, text, state);
    }
  }

  private disagree(path: string, text: unknown, state: unknown): void {
    this.disagreements.push({ path, text, state });
    this.warnings.push(`${path}: page shows ${show(text)}, page state says ${show(state)}`);
  }

  /** The path (and any of its sub-paths) is no longer missing. */
  private found(path: string): void {
    for (let i = this.missing.length - 1; i >= 0; i--) {
      const p = this.missing[i]!;
      if (p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) this.missing.splice(i, 1);
    }
  }

  // -------------------------------------------------------------------------------------------

  private mergeJob(job: Rec, f: JobFacts): void {
    const s = f.job;
    this.field(job, "title", "job.title", s.title, sameText);
    this.field(job, "category", "job.category", s.category, sameText);
    this.field(job, "postedAt", "job.postedAt", s.postedAt, (t, st) => this.sameTime(t, st));
    const hadDescription = job.description != null;
    this.field(job, "description", "job.description", s.description, sameText);
    if (!hadDescription && job.description != null && s.descriptionShortened)
      this.warnings.push("job.description: shortened");
    this.field(job, "skills", "job.skills", s.skills, sameList);
    this.mergeBudget(job, s.budget);
    this.field(job, "experienceLevel", "job.experienceLevel", s.experienceLevel, same);
    this.field(job, "duration", "job.duration", s.duration, same);
    this.field(job, "hoursPerWeek", "job.hoursPerWeek", s.hoursPerWeek, same);
    this.field(job, "projectType", "job.projectType", s.projectType, sameText);
    this.field(job, "connectsRequired", "job.connectsRequired", s.connectsRequired, same);
    this.field(job, "questions", "job.questions", s.questions, sameList);
  }

  private mergeBudget(job: Rec, state: Budget): void {
    if (!state) return;
    const text = job.budget as Budget;
    if (!text) {
      this.field(job, "budget", "job.budget", state, () => ({ agree: false }));
      return;
    }
    if (text.type !== state.type) return this.disagree("job.budget", text, state);
    // Figure by figure: a figure the page leaves out is filled, a shown one must agree.
    const pairs: Array<[string, number | null, number | null]> =
      text.type === "fixed" && state.type === "fixed"
        ? [["amount", text.amount, state.amount]]
        : text.type === "hourly" && state.type === "hourly"
          ? [
              ["min", text.min, state.min],
              ["max", text.max, state.max],
            ]
          : [];
    const out: Rec = { ...text };
    let filled = false;
    for (const [k, t, st] of pairs) {
      if (st == null) continue;
      if (t == null) {
        out[k] = st;
        filled = true;
      } else {
        const a = sameMoney(t, st);
        if (!a.agree) return this.disagree("job.budget", text, state);
        out[k] = a.value;
      }
    }
    job.budget = out;
    this.sources.set("job.budget", "both");
    if (filled) for (const [k] of pairs) if (out[k] != null) this.found(`job.budget.${k}`);
  }

  private mergeClient(client: Rec, f: JobFacts): void {
    const s = f.client;
    this.field(client, "paymentVerified", "client.paymentVerified", s.paymentVerified, same);
    this.field(client, "rating", "client.rating", s.rating, sameRating);
    this.field(client, "reviewsCount", "client.reviewsCount", s.reviewsCount, same);
    this.field(client, "country", "client.country", s.country, sameText);
    this.field(client, "city", "client.city", s.city, sameText);
    this.field(client, "jobsPosted", "client.jobsPosted", s.jobsPosted, same);
    this.field(client, "hireRate", "client.hireRate", s.hireRate, samePercent);
    this.field(client, "openJobs", "client.openJobs", s.openJobs, same);
    this.field(client, "totalSpent", "client.totalSpent", s.totalSpent, sameMoney);
    this.field(client, "hires", "client.hires", s.hires, same);
    this.field(client, "activeHires", "client.activeHires", s.activeHires, same);
    this.field(client, "avgHourlyRatePaid", "client.avgHourlyRatePaid", s.avgHourlyRatePaid, sameMoney);
    this.field(client, "totalHours", "client.totalHours", s.totalHours, same);
    this.field(client, "memberSince", "client.memberSince", s.memberSince, same);
    this.field(client, "industry", "client.industry", s.industry, sameText);
    this.field(client, "companySize", "client.companySize", s.companySize, sameText);
    if (s.history && Array.isArray(client.history)) this.mergeHistory(client, s.history);
  }

  private mergeHistory(client: Rec, state: StateHistoryItem[]): void {
    const text = client.history as ClientJob[];
    if (text.length === 0) {
      // The page lists no history: the state's completed contracts, as "Client's recent history" lists them.
      const items = state.filter((s) => s.completed).map(toClientJob);
      if (items.length === 0) return;
      client.history = items;
      this.found("client.history");
      items.forEach((item, i) => {
        for (const [k, v] of Object.entries(item))
          if (v != null) this.sources.set(`client.history[${i}].${k}`, "state");
      });
      return;
    }
    const matches = matchHistory(text, state);
    text.forEach((item, i) => {
      const s = matches[i];
      if (!s) return;
      const p = `client.history[${i}]`;
      const row = item as unknown as Rec;
      this.field(row, "title", `${p}.title`, s.title, sameText);
      this.field(row, "freelancerRating", `${p}.freelancerRating`, s.freelancerRating, sameRating);
      this.field(row, "freelancerFeedback", `${p}.freelancerFeedback`, s.freelancerFeedback, sameText);
      this.field(row, "clientRating", `${p}.clientRating`, s.clientRating, sameRating);
      this.field(row, "clientFeedback", `${p}.clientFeedback`, s.clientFeedback, sameText);
      this.field(row, "amount", `${p}.amount`, s.amount, sameMoney);
    });
  }

  private mergeActivity(f: JobFacts): void {
    const s = f.activity;
    const proposals = s.proposals == null ? null : { min: s.proposals, max: s.proposals };
    if (this.record.activity == null) {
      // No activity section on the page: the state's, with what it lacks named as missing.
      const activity: Activity = {
        proposals,
        lastViewedAt: s.lastViewedAt,
        hires: s.hires,
        interviewing: s.interviewing,
        invitesSent: s.invitesSent,
        unansweredInvites: s.unansweredInvites,
      };
      if (Object.values(activity).every((v) => v == null)) return;
      this.record.activity = activity;
      this.found("activity");
      for (const [k, v] of Object.entries(activity)) {
        if (v != null) this.sources.set(`activity.${k}`, "state");
        else this.missing.push(`activity.${k}`);
      }
      return;
    }
    const a = this.record.activity as Rec;
    this.field(a, "proposals", "activity.proposals", proposals, sameTier);
    this.field(a, "lastViewedAt", "activity.lastViewedAt", s.lastViewedAt, (t, st) => this.sameTime(t, st));
    this.field(a, "hires", "activity.hires", s.hires, same);
    this.field(a, "interviewing", "activity.interviewing", s.interviewing, same);
    this.field(a, "invitesSent", "activity.invitesSent", s.invitesSent, same);
    this.field(a, "unansweredInvites", "activity.unansweredInvites", s.unansweredInvites, same);
  }

  private mergeBidRange(f: JobFacts): void {
    const st = f.bidRange;
    if (!st) return;
    const text = this.record.bidRange as BidRange | null;
    if (!text) return this.field(this.record, "bidRange", "bidRange", st, () => ({ agree: false }));
    const out: BidRange = { ...text };
    for (const k of ["high", "avg", "low"] as const) {
      const t = text[k];
      const s = st[k];
      if (s == null) continue;
      if (t == null) out[k] = s;
      else {
        const a = sameMoney(t, s);
        if (!a.agree) return this.disagree("bidRange", text, st);
        out[k] = a.value;
      }
    }
    this.record.bidRange = out;
    this.sources.set("bidRange", "both");
  }

  private mergeInvitations(list: InvitationFacts[]): void {
    const byId = new Map(list.map((f) => [f.id, f]));
    // The invitation page's own message, when the state lists its invitation.
    if (this.parsed.kind === "invitation" && typeof this.record.id === "string") {
      const f = byId.get(this.record.id);
      if (f) this.field(this.record, "message", "message", f.message, sameText);
    }
    if (!Array.isArray(this.record.invitations)) return;
    (this.record.invitations as InvitationItem[]).forEach((row, i) => {
      const f = byId.get(row.id);
      if (!f) return;
      const p = `invitations[${i}]`;
      const r = row as unknown as Rec;
      this.field(r, "jobTitle", `${p}.jobTitle`, f.title, sameText);
      this.field(r, "receivedAt", `${p}.receivedAt`, f.receivedAt, (t, st) => this.sameTime(t, st));
      this.field(r, "message", `${p}.message`, f.message, sameText);
      this.field(r, "jobUid", `${p}.jobUid`, f.jobUid, same);
    });
  }

  /** A shown time (relative resolved against `now`, or a date) agrees with an exact one inside its window. */
  private sameTime(text: string, state: string): Agreement<string> {
    const w = timeWindow(text, this.now);
    const t = Date.parse(state);
    return w && t > w[0] && t <= w[1] ? { agree: true, value: state } : { agree: false };
  }
}

// ---------------------------------------------------------------------------------------------
// What a shown value stands for.

const same = <T>(t: T, s: T): Agreement<T> => (t === s ? { agree: true, value: t } : { agree: false });

const norm = (s: string) =>
  s
    .replace(/[…]|\.\.\.$/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * Equal texts (whitespace aside) agree, and so does a text the page shortened: the fuller one is kept
 * (Upwork cuts history feedback at 150 characters; the state has it whole).
 */
function sameText(t: string, s: string): Agreement<string> {
  const a = norm(t);
  const b = norm(s);
  if (a === b) return { agree: true, value: t };
  if (a.length >= 20 && b.startsWith(a)) return { agree: true, value: s };
  if (b.length >= 20 && a.startsWith(b)) return { agree: true, value: t };
  return { agree: false };
}

/**
 * Lists agree when every shown item is in the state's: the same list, or a part of it (a "+N more"
 * cut), which the state's whole list then replaces.
 */
function sameList(t: string[], s: string[]): Agreement<string[]> {
  const b = new Set(s.map(norm));
  if (!t.every((x) => b.has(norm(x)))) return { agree: false };
  return { agree: true, value: new Set(t.map(norm)).size >= b.size ? t : s };
}

/** Decimal places a shown number was printed with (4.27 → 2). */
function decimals(v: number): number {
  const m = /\.(\d+)$/.exec(String(v));
  return m ? m[1]!.length : 0;
}

/** Inside [lo, hi], with a hair of floating-point slack. */
const within = (v: number, lo: number, hi: number) => v >= lo - 1e-9 && v <= hi + 1e-9;

/**
 * Money: cents are exact ("$22.32"); whole figures from 1,000 up were abbreviated ("$12K" is
 * 11,500–12,500, "$2.8K" 2,750–2,850, "$1.2M" 1.15–1.25M); smaller whole figures are to the dollar.
 */
export function moneyInterval(v: number): [number, number] {
  if (!Number.isInteger(v)) return [v - 0.005, v + 0.005];
  if (v < 1000) return [v - 0.5, v + 0.5];
  // The abbreviation keeps at least two figures: the unit is the largest power of ten dividing the
  // number, at most a hundredth of its magnitude.
  const cap = 10 ** (Math.floor(Math.log10(v)) - 1);
  let unit = 1;
  while (unit < cap && v % (unit * 10) === 0) unit *= 10;
  return [v - unit / 2, v + unit / 2];
}

function sameMoney(t: number, s: number): Agreement<number> {
  const [lo, hi] = moneyInterval(t);
  return within(s, lo, hi) ? { agree: true, value: s } : { agree: false };
}

/** Ratings are printed to two places ("4.27"), at least one ("5.0"). */
function sameRating(t: number, s: number): Agreement<number> {
  const half = 0.5 * 10 ** -Math.max(1, decimals(t));
  return within(s, t - half, t + half) ? { agree: true, value: s } : { agree: false };
}

/** "93%" stands for 92.5–93.5. */
function samePercent(t: number, s: number): Agreement<number> {
  const half = 0.5 * 10 ** -decimals(t);
  return within(s, t - half, t + half) ? { agree: true, value: s } : { agree: false };
}

/** "Less than 5" ({0,4}) with 2 proposals → {2,2}. */
function sameTier(
  t: { min: number; max: number | null },
  s: { min: number; max: number | null },
): Agreement<{ min: number; max: number | null }> {
  return s.min >= t.min && (t.max == null || s.min <= t.max) ? { agree: true, value: s } : { agree: false };
}

/** Upwork's relative-time units, largest first, as values.ts resolves them. */
const UNITS = [365 * DAY, 30 * DAY, 7 * DAY, DAY, HOUR, MINUTE, 1000];
/** "yesterday", "last week", "last month", "last year" stand for anything up to twice as long ago. */
const VAGUE = new Set([DAY, 7 * DAY, 30 * DAY, 365 * DAY]);
/** The page's relative text was rendered a little before `now`, and clocks differ by seconds. */
const RENDER_SLACK = 2 * MINUTE;
const CLOCK_SLACK = MINUTE;

/**
 * The instants a shown time stands for, as (lo, hi]. A date covers that calendar day in any time zone.
 * A relative time resolved to now − N units covers (now − (N+1) units, now − N units]; "yesterday"
 * (now − 24 h) covers the previous 48 hours. Without `now`, only the instant itself.
 */
export function timeWindow(text: string, now?: Date): [number, number] | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = Date.parse(`${text}T00:00:00.000Z`);
    return Number.isNaN(day) ? null : [day - 14 * HOUR - 1, day + DAY + 12 * HOUR];
  }
  const t = Date.parse(text);
  if (Number.isNaN(t)) return null;
  const n = now?.getTime();
  if (n == null || Number.isNaN(n) || t > n) return [t - 1, t];
  const ago = n - t;
  if (ago === 0) return [n - MINUTE - RENDER_SLACK, n + CLOCK_SLACK]; // "just now"
  if (VAGUE.has(ago)) return [t - ago - RENDER_SLACK, n + CLOCK_SLACK];
  const unit = UNITS.find((u) => ago % u === 0);
  if (!unit) return [t - 1, t]; // not a whole number of units ago: an exact time
  return [t - unit - RENDER_SLACK, t + CLOCK_SLACK];
}

// ---------------------------------------------------------------------------------------------
// History: which state contract is which rendered item.

function toClientJob(s: StateHistoryItem): ClientJob {
  return {
    title: s.title,
    freelancerRating: s.freelancerRating,
    freelancerFeedback: s.freelancerFeedback,
    clientRating: s.clientRating,
    clientFeedback: s.clientFeedback,
    amount: s.amount,
  };
}

const closeTo = (a: number, b: number) => Math.abs(a - b) < 0.005 + 1e-9;
const startsLike = (shown: string, full: string) => norm(full).startsWith(norm(shown));

/** Nothing the page shows for the item contradicts the state's contract. */
function compatible(t: ClientJob, s: StateHistoryItem): boolean {
  if (t.amount != null && (s.amount == null || !closeTo(t.amount, s.amount))) return false;
  if (t.title != null && (s.title == null || norm(t.title) !== norm(s.title))) return false;
  if (
    t.freelancerFeedback != null &&
    (s.freelancerFeedback == null || !startsLike(t.freelancerFeedback, s.freelancerFeedback))
  )
    return false;
  if (t.clientFeedback != null && (s.clientFeedback == null || !startsLike(t.clientFeedback, s.clientFeedback)))
    return false;
  if (
    t.freelancerRating != null &&
    (s.freelancerRating == null || !sameRating(t.freelancerRating, s.freelancerRating).agree)
  )
    return false;
  if (t.clientRating != null && (s.clientRating == null || !sameRating(t.clientRating, s.clientRating).agree))
    return false;
  return true;
}

/** The item shows something that singles the contract out: a title, a feedback text or an amount. */
function evidence(t: ClientJob): boolean {
  return t.title != null || t.freelancerFeedback != null || t.clientFeedback != null || t.amount != null;
}

/**
 * For each rendered item, its state contract or null. Two ways, which must not contradict each other:
 * the only compatible contract (by amount, title, feedback), and the page's order — the rendered list
 * is the state's completed contracts in order, accepted only when every item lines up with its
 * counterpart. An item whose contract is still ambiguous gets nothing.
 */
export function matchHistory(text: ClientJob[], state: StateHistoryItem[]): Array<StateHistoryItem | null> {
  const inOrder = (seq: StateHistoryItem[]) =>
    seq.length >= text.length && text.every((t, i) => compatible(t, seq[i]!));
  const completed = state.filter((s) => s.completed);
  const order = inOrder(completed) ? completed : inOrder(state) ? state : null;

  const unique = text.map((t) => {
    if (!evidence(t)) return null;
    const c = state.filter((s) => compatible(t, s));
    return c.length === 1 ? c[0]! : null;
  });
  const out = text.map((_, i) => {
    const u = unique[i];
    const o = order ? order[i]! : null;
    if (u && o) return u === o ? u : null;
    return u ?? o;
  });
  // One contract, one item.
  const count = new Map<StateHistoryItem, number>();
  for (const s of out) if (s) count.set(s, (count.get(s) ?? 0) + 1);
  return out.map((s) => (s && count.get(s) === 1 ? s : null));
}

// ---------------------------------------------------------------------------------------------

/** Whole values that carry one source: a budget, a proposals tier, a bid range. */
const UNIT_PATHS = /(^|\.)budget$|^activity\.proposals$|^bidRange$/;

/** Calls `fn` with the dotted path of every non-null field (list items per field). */
function leaves(v: unknown, path: string, fn: (path: string) => void): void {
  if (v == null) return;
  if (Array.isArray(v)) {
    if (v.length === 0) return;
    if (v.every((x) => x !== null && typeof x === "object")) v.forEach((x, i) => leaves(x, `${path}[${i}]`, fn));
    else fn(path);
    return;
  }
  if (typeof v === "object" && !UNIT_PATHS.test(path)) {
    for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, fn);
    return;
  }
  fn(path);
}

/** A value as a warning shows it: numbers and short texts as they are, the rest as JSON, cut at 80. */
function show(v: unknown): string {
  const s = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
