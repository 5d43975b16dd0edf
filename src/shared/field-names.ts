/**
 * What a bug report may carry about a parse: a page kind and dotted field paths, nothing else. The
 * options page's diagnostics and the page report both keep only names that pass these, so page text
 * or a URL that found its way into a list is dropped, never shown or copied.
 */

export const KIND = /^[a-z][a-z-]{0,31}$/;
/** Dotted paths, with list positions as the parsers write them ("invitations[3].profile"). */
export const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\[\d{1,4}\])?(\.[A-Za-z0-9_]+(\[\d{1,4}\])?){0,7}$/;

/** Field names only, deduplicated: anything else (page text, a URL) is dropped. */
export const fieldNames = (list: readonly string[] | undefined): string[] => [
  ...new Set((list ?? []).filter((f) => typeof f === "string" && f.length <= 80 && FIELD.test(f))),
];
