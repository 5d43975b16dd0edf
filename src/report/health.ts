/**
 * Field health for the page report: the names of the fields the tab's last parse read (with where
 * from: text, page state or both, and the anchor that found each), missed, read through a fallback or
 * read differently by the page and its state. Names only — never a value — like the diagnostics log.
 */
import { FIELD, KIND, fieldNames } from "../shared/field-names";
import type { ParsedPage } from "../shared/records";
import { samePage } from "../shared/same-page";

export interface FieldHealth {
  kind: string;
  /** The address the parse was of: the report checks it is the page it reports (never written out). */
  url: string;
  /** "job.title: text, .job-details-card h4 span.flex-1" — a field read, its source and anchor. */
  read: string[];
  missing: string[];
  fallbacks: string[];
  disagreements: string[];
}

/** Our own anchors (selectors, label patterns) written into an HTML comment: no "--", no line breaks, short. */
const anchorText = (a: string) => a.replace(/\s+/g, " ").replace(/-{2,}/g, "-").slice(0, 160);

/** What the background knows of a tab's page, as names. */
export function fieldHealth(page: { url: string; parsed: ParsedPage }): FieldHealth {
  const { parsed } = page;
  const sources: Record<string, string> = parsed.sources ?? {};
  const anchors: Record<string, string> = parsed.anchors ?? {};
  const read = fieldNames([...Object.keys(sources), ...Object.keys(anchors)]).map((field) => {
    const anchor = anchors[field];
    return `${field}: ${sources[field] ?? "text"}${anchor && anchor !== "state" ? `, ${anchorText(anchor)}` : ""}`;
  });
  return {
    kind: parsed.kind,
    url: page.url,
    read,
    missing: fieldNames(parsed.missing),
    fallbacks: fieldNames(parsed.fallbacks),
    disagreements: fieldNames(parsed.disagreements),
  };
}

const list = (title: string, items: readonly string[]) =>
  items.length ? [`${title} (${items.length}):`, ...items.map((i) => `  ${i}`)] : [`${title}: none`];

/**
 * The report's second comment. `health` comes from the background through a script argument: what is
 * written is checked again here (names by their pattern, anchors cut short), so nothing else gets in.
 */
export function healthComment(health: FieldHealth | null, pageUrl: string): string {
  const lines = [
    "Invitewise page report. Every text of the page is reduced to its shape: letters become x/X, a number",
    "keeps its digit count (1 then 0s; four digits read 2000), ids become pseudonyms; Upwork's label words",
    "and route words are kept. Scripts, styles, images' sources and form values are left out.",
  ];
  if (!health || !samePage(health.url, pageUrl)) {
    lines.push("", "Field health: Invitewise has not read this page in this tab (no parse to report).");
  } else {
    const read = health.read.filter((r) => FIELD.test(r.split(":")[0]!)).map(anchorText);
    lines.push(
      "",
      `Field health of the last read (${KIND.test(health.kind) ? health.kind : "other"} page):`,
      ...list("Read (field: source, anchor)", read),
      ...list("Missing", fieldNames(health.missing)),
      ...list("Read through a fallback", fieldNames(health.fallbacks)),
      ...list("Page and page state disagree", fieldNames(health.disagreements)),
    );
  }
  return `<!--\n${lines.join("\n")}\n-->`;
}

declare global {
  /**
   * Defined by dist/report-page.js in an Upwork tab's isolated world once the background injected it
   * (src/background/report-page.ts); undefined until then. Returns the page's skeleton.
   */
  var invitewiseReportPage: ((health: FieldHealth | null) => string) | undefined;
}
