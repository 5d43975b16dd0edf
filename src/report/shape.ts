/**
 * Text, addresses and attribute values reduced to their shape, for the page report: what the parsers
 * need to find a field stays (Upwork's label words, the form of a figure, route words, the `~02` of a
 * job's id), what the page says does not (names, titles, descriptions, cities, amounts, ids).
 *
 * - A word becomes x/X per letter (case kept), unless it is one of Upwork's label words.
 * - A number keeps its digit count and stays one the parsers accept: "1" then zeros ("4.27 of 19
 *   reviews" → "1.10 of 10 reviews", "$12K" → "$10K", "100%" → "100%"), a four-digit one "2000" (a
 *   year stays a year the date grammar takes). Nines would read "9.99 of 99 reviews", a rating the
 *   parsers rightly refuse, and "Dec 99, 9999", which is no date: the field would go missing.
 * - An id (a job's `~01…`/`~02…` ciphertext, a run of six digits or more) becomes a pseudonym of the
 *   same form and length: the same id gives the same pseudonym everywhere in one report, two ids two
 *   pseudonyms, so a list keeps its rows and a link still matches its job.
 */
import { KEPT_PHRASES, LABEL_WORDS, ROUTE_WORDS } from "./vocabulary";

const PHRASES = new RegExp(KEPT_PHRASES.map((re) => `(?:${re.source})`).join("|"), "gi");
// One pass over a text: a ciphertext, a number, or a word (letters, with marks: "José" is one word).
const TOKENS = /~0[12][0-9a-f]{6,}|\p{Nd}+|\p{L}[\p{L}\p{M}]*/gu;
const CIPHER = /^~0[12][0-9a-f]{6,}$/;
const DIGITS = /^\p{Nd}+$/u;
/** A run this long is an id (uids are 19 digits), not a count or an amount. */
const ID_DIGITS = 6;
/** Our own one-letter words: "a", "I"; others would keep a name's initial. */
const ONE_LETTER = new Set(["a", "I"]);

const shapeWord = (word: string) => word.replace(/[\p{L}\p{M}]/gu, (c) => (/\p{Lu}/u.test(c) ? "X" : "x"));

export class Shaper {
  private readonly ids = new Map<string, string>();

  /**
   * The pseudonym of an id: "1" + a counter, or "~01"/"~02" + a counter, padded to the id's length. A
   * "~02" ciphertext is "~02" + the job's uid, so the two share one pseudonym as they share the digits.
   */
  private pseudonym(id: string): string {
    const uid = /^~02(\d+)$/.exec(id)?.[1];
    if (uid) return "~02" + this.pseudonym(uid);
    let p = this.ids.get(id);
    if (p === undefined) {
      const n = String(this.ids.size + 1);
      const head = id.startsWith("~") ? id.slice(0, 3) : "1";
      p = head + n.padStart(id.length - head.length, "0");
      this.ids.set(id, p);
    }
    return p;
  }

  private number(digits: string): string {
    if (digits.length >= ID_DIGITS) return this.pseudonym(digits);
    return digits.length === 4 ? "2000" : "1".padEnd(digits.length, "0");
  }

  /** A page text: label words and fixed phrases kept, every other word, number and id shaped. */
  text(text: string): string {
    if (!/[\p{L}\p{Nd}]/u.test(text)) return text;
    let out = "";
    let at = 0;
    for (const m of text.matchAll(PHRASES)) {
      if (!m[0]) continue;
      out += this.words(text.slice(at, m.index)) + m[0];
      at = m.index + m[0].length;
    }
    return out + this.words(text.slice(at));
  }

  private words(text: string): string {
    return text.replace(TOKENS, (token: string, offset: number) => {
      if (CIPHER.test(token)) return this.pseudonym(token);
      if (DIGITS.test(token)) return this.number(token);
      const before = text[offset - 1] ?? "";
      if (token.length > 1 ? LABEL_WORDS.has(token.toLowerCase()) : ONE_LETTER.has(token)) return token;
      // "$12K", "$1.2M": the money suffix right after a figure.
      if (/^[KMB]$/.test(token) && /\d/.test(before)) return token;
      // "Client's", "you'd": the short tail of a contraction.
      if (/^[a-z]{1,2}$/.test(token) && /['’]/.test(before)) return token;
      return shapeWord(token);
    });
  }

  /**
   * An identifier (class, id, data-*): kept, except the ids in it. A value that reads as text (spaces,
   * a path: `data-test-key="…/jobs/Some-title_~01…"`) is shaped as text.
   */
  token(value: string): string {
    if (/[\s/]/.test(value)) return this.text(value);
    return value.replace(/~0[12][0-9a-f]{6,}|\d{6,}/g, (id) => this.pseudonym(id));
  }

  /**
   * An address: scheme and Upwork's host kept, other hosts shaped; each path segment kept when it is
   * made of route words, else shaped (a ciphertext keeps its form); query keys kept, their values
   * shaped; the fragment dropped.
   */
  url(href: string): string {
    const m = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/i.exec(href.trim());
    if (!m) return "";
    const [, scheme = "", authority = "", path = "", query = ""] = m;
    if (scheme && !/^(https?|mailto|tel):$/i.test(scheme)) return scheme;
    const host = /^\/\/(?:[\w-]+\.)*upwork\.com(?::\d+)?$/i.test(authority) ? authority : this.text(authority);
    const segments = path.split("/").map((s) => this.segment(s));
    const params = query
      .slice(1)
      .split("&")
      .filter(Boolean)
      .map((p) => {
        const [key = "", ...value] = p.split("=");
        const k = /^[A-Za-z_][\w.-]{0,40}$/.test(key) ? key : this.segment(key);
        return value.length ? `${k}=${this.segment(value.join("="))}` : k;
      });
    return scheme + host + segments.join("/") + (params.length ? `?${params.join("&")}` : "");
  }

  private segment(raw: string): string {
    let text: string;
    try {
      text = decodeURIComponent(raw);
    } catch {
      text = raw;
    }
    if (!text) return raw;
    if (text.split(/[-_]/).every((w) => ROUTE_WORDS.has(w.toLowerCase()))) return raw;
    const shaped = text.replace(TOKENS, (token: string) => {
      if (CIPHER.test(token)) return this.pseudonym(token);
      if (DIGITS.test(token)) return this.number(token);
      return ROUTE_WORDS.has(token.toLowerCase()) ? token : shapeWord(token);
    });
    return encodeURIComponent(shaped).replace(/%7E/gi, "~");
  }
}
