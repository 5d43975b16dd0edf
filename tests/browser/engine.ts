/**
 * What the scoring engine gives the sample pages, computed in Node (happy-dom) from the same HTML the
 * browsers are served: the real-browser tests, Chromium's and Firefox's, expect exactly these numbers.
 */
import { Window } from "happy-dom";
import { parsePage } from "../../src/content/parse/index";
import { scoreFit } from "../../src/scoring/fit";
import { assessPage } from "../../src/scoring/assess";
import { defaultSettings } from "../../src/shared/settings";

/** A sample page as served: its address and HTML. */
export interface Served {
  url: string;
  html: string;
}

function parsed(page: Served) {
  const window = new Window({
    url: page.url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(page.html);
  return parsePage(window.document as unknown as Document, page.url, new Date());
}

/** The fit of an invitation or job page's record, with the default settings (a fresh profile) or others, as the overlay writes it. */
export function engineFit(page: Served, kind: "invitation" | "job", settings = defaultSettings()): string {
  const result = parsed(page);
  if (result?.kind !== kind) throw new Error(`sample ${kind} page did not parse`);
  const score = scoreFit(result.record, settings, new Date()).score;
  return score === null ? "unknown" : String(Math.round(score));
}

/** Each list row's fit before any is opened: provisional from the row's client cell, else "unknown". */
export function engineRowFits(page: Served): Map<string, string> {
  const result = parsed(page);
  if (result?.kind !== "invitations") throw new Error("sample list did not parse");
  const rows = assessPage(result, defaultSettings(), new Date()).invitations!;
  return new Map(rows.map((r) => [r.id, r.fit === null ? "unknown" : String(Math.round(r.fit))]));
}
