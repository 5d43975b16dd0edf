/**
 * Numbers and moments in the reader's own locale and time zone, through `Intl`: the one home of money
 * and time formatting for the overlay, the popup, the options page, scoring's words and the CLI. No
 * English words here (those are in the catalogue, src/shared/words.ts); Intl supplies the locale's
 * own ("today", "Wed 3 Dec", "US$1,500"). Pure: `now` comes in, nothing is read from the clock.
 *
 * Times are shown in the runtime's own time zone, always: in the browser the user's (the worker and
 * the pages share it), in the CLI the process's (TZ). The locale defaults to the runtime's too.
 */

/** The reader's locale (default: the runtime's). Their time zone is always the runtime's own. */
export interface Where {
  locale?: string;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Money is formatted for every factor of every row scored (a list has up to 200): its formatters are
// built once per locale and style (a build costs ~0.2 ms). Moments are few; they build their own.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in US dollars (Upwork's currency) in the reader's locale: "$11,000", "$37.50", "11.000 $".
 * `cents`: "auto" shows them only when the amount has some, "always" always ($5.00 an hour), "never"
 * rounds to the dollar.
 */
export function money(amount: number, cents: "auto" | "always" | "never" = "auto", where: Where = {}): string {
  const digits = cents === "always" || (cents === "auto" && !Number.isInteger(amount)) ? 2 : 0;
  const key = `${where.locale}|${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    };
    moneyFormats.set(key, (format = new Intl.NumberFormat(where.locale, options)));
  }
  return format.format(amount);
}

/** A time's calendar day in this runtime's zone, as a day number (days since 1970-01-01 there). */
function dayNumber(ms: number): number {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/** "today", "tomorrow", "yesterday" in the reader's words, for a day `offset` from today (else null). */
function dayWord(offset: number, locale: string | undefined): string | null {
  return offset * offset > 1 ? null : new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(offset, "day");
}

/**
 * A moment as a person reads it, in their zone: "today 00:32", "tomorrow 12:32 AM" (the locale's
 * clock) within a day of today, else "Mon, Nov 30, 14:00". Never an ISO string.
 */
export function moment(iso: string, now: Date, { locale }: Where = {}): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const day = dayWord(dayNumber(ms) - dayNumber(now.getTime()), locale);
  const time = { hour: "2-digit", minute: "2-digit" } as const;
  const at = new Date(ms);
  return day
    ? `${day} ${at.toLocaleTimeString(locale, time)}`
    : at.toLocaleString(locale, { weekday: "short", month: "short", day: "numeric", ...time });
}

/**
 * A calendar date (YYYY-MM-DD, a day with no time: Upwork's list prints one in the reader's zone) as
 * a person reads it: "today", "yesterday", else "Mon, Nov 30".
 */
export function calendarDay(date: string, now: Date, { locale }: Where = {}): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d);
  return (
    dayWord(dayNumber(at.getTime()) - dayNumber(now.getTime()), locale) ??
    at.toLocaleDateString(locale, { weekday: "short", month: "short", day: "numeric" })
  );
}

/** A month and year ("Mar 2019") from YYYY-MM-DD or YYYY-MM: when a client joined Upwork. */
export function monthYear(date: string, { locale }: Where = {}): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const at = Date.UTC(y, (m || 1) - 1, 1);
  return Number.isNaN(at)
    ? date
    : new Date(at).toLocaleDateString(locale, { timeZone: "UTC", month: "short", year: "numeric" });
}

/**
 * A duration split as the words say it: under an hour, whole minutes; from an hour on, rounded to
 * the minute, then hours and minutes. The one rule: the badge's "reply in 21 h" and the panel's
 * "21 h left" name the same hour.
 */
export function hoursAndMinutes(ms: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round(ms / MINUTE_MS));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
