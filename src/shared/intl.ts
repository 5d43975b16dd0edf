/**
 * Numbers and moments in the reader's own locale and time zone, through `Intl`: the one home of money
 * and time formatting for the overlay, the popup, the options page, scoring's words and the CLI. No
 * English words here (those are in the catalogue, src/shared/words/); Intl supplies the locale's
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

/**
 * A day as a person reads it: "today", "tomorrow", "yesterday" (the locale's words) within a day of
 * today, else "Mon, Nov 30"; with `time`, the locale's clock after it ("today 00:32", "Mon, Nov 30, 14:00").
 */
function dayAndTime(at: Date, now: Date, locale: string | undefined, time: boolean): string {
  const offset = dayNumber(at.getTime()) - dayNumber(now.getTime());
  const clock = time ? ({ hour: "2-digit", minute: "2-digit" } as const) : {};
  return offset * offset > 1
    ? at.toLocaleString(locale, { weekday: "short", month: "short", day: "numeric", ...clock })
    : new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(offset, "day") +
        (time ? " " + at.toLocaleTimeString(locale, clock) : "");
}

/** A moment in the reader's zone and words: "today 00:32", "tomorrow 12:32 AM", "Mon, Nov 30, 14:00"; never ISO. */
export function moment(iso: string, now: Date, { locale }: Where = {}): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : dayAndTime(new Date(ms), now, locale, true);
}

/**
 * A calendar date (YYYY-MM-DD, a day with no time: Upwork's list prints one in the reader's zone) as
 * a person reads it: "today", "yesterday", else "Mon, Nov 30".
 */
export function calendarDay(date: string, now: Date, { locale }: Where = {}): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return dayAndTime(new Date(y, m - 1, d), now, locale, false);
}

/** A month and year ("Mar 2019") from YYYY-MM-DD or YYYY-MM: when a client joined Upwork. */
export function monthYear(date: string, { locale }: Where = {}): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const at = Date.UTC(y, (m || 1) - 1, 1);
  return Number.isNaN(at)
    ? date
    : new Date(at).toLocaleDateString(locale, { timeZone: "UTC", month: "short", year: "numeric" });
}
