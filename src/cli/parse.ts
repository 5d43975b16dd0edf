/** `parse` command: one NDJSON line per file, `{ file, url, kind, record, missing, warnings }` or `{ file, error }`. */
import { parsePage } from "../content/parse/index";
import { sniffKind } from "../content/parse/sniff";
import { pageKind } from "../content/routes";
import { repairParsed } from "../shared/repair";
import { embeddedStateText, withPageState } from "../state/index";
import { loadPage } from "./load-page";

export interface CommonOptions {
  url?: string;
  now: Date;
  settings?: string;
  files: string[];
}

/** Parses one file; never throws (a failure is the line's `error`). */
export async function parseFile(file: string, opts: CommonOptions): Promise<Record<string, unknown>> {
  let page: Awaited<ReturnType<typeof loadPage>> | null = null;
  try {
    page = await loadPage(file, opts.url);
    const kind = page.url ? pageKind(page.url) : sniffKind(page.document);
    // Not a page Invitewise reads (a search page, a profile): read right, it holds no record.
    if (kind === "other")
      return {
        file,
        url: page.url || null,
        kind,
        record: null,
        missing: [],
        warnings: [page.url ? "not a page Invitewise reads" : "no address in the file and no known section found"],
        sources: {},
      };
    const text = parsePage(page.document, page.url, opts.now, kind);
    if (!text) return { file, error: "unknown page kind" };
    // The same path as the background worker: the text record, then the page's embedded state.
    // One bad field (a figure out of range) is dropped with a warning; the rest of the page is kept.
    const repaired = repairParsed(text);
    if (!repaired.ok) return { file, error: repaired.error };
    const { parsed } = withPageState(repaired.parsed, embeddedStateText(page.document), page.url, opts.now);
    return {
      file,
      url: page.url || null,
      kind: parsed.kind,
      record: parsed.record,
      missing: parsed.missing,
      warnings: parsed.warnings,
      sources: parsed.sources ?? {},
      anchors: parsed.anchors ?? {},
      fallbacks: parsed.fallbacks ?? [],
      disagreements: parsed.disagreements ?? [],
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg =
      err?.code === "ENOENT"
        ? "file not found"
        : err?.code === "EISDIR"
          ? "is a directory"
          : (err?.message ?? String(e));
    return { file, error: msg };
  } finally {
    await page?.close().catch(() => undefined);
  }
}

export async function runParse(opts: CommonOptions, write: (line: string) => void): Promise<number> {
  let failed = false;
  for (const file of opts.files) {
    const line = await parseFile(file, opts);
    if ("error" in line) failed = true;
    write(JSON.stringify(line));
  }
  return failed ? 1 : 0;
}
