/**
 * `score` command (records.md §4): like `parse`, plus `fit` and `urgency` on each line, computed by
 * the same code as the background worker (record cache + assessPage), over an in-memory cache.
 * Every file is remembered before any is scored, so an invitations list and the invitation pages
 * saved with it inform each other whatever the order of FILEs (a row gets the fit of its page, a
 * page gets the receipt time of its row).
 */
import { RecordCache } from "../background/record-cache";
import { lookupFor } from "../background/page-flow";
import { memoryStorage } from "../background/tab-pages";
import { assessPage, cliUrgency } from "../scoring/assess";
import { ParsedPage } from "../shared/records";
import type { Settings } from "../shared/settings";
import { parseFile, type CommonOptions } from "./parse";
import { readSettingsFile } from "./settings-file";

export interface ScoreOptions {
  url?: string;
  now?: Date;
  /** Path of a settings file (records.md §5); default: the built-in defaults. */
  settings?: string;
}

/** One NDJSON object per file, in order; never throws (a failure is the line's `error`). */
export async function runScore(files: string[], options: ScoreOptions = {}): Promise<Array<Record<string, unknown>>> {
  const now = options.now ?? new Date();
  let settings: Settings;
  try {
    settings = await readSettingsFile(options.settings);
  } catch (e) {
    return files.map((file) => ({ file, error: (e as Error).message }));
  }
  const opts: CommonOptions = { now, files, ...(options.url ? { url: options.url } : {}) };
  const cache = new RecordCache(memoryStorage());
  const readAt = now.toISOString();

  const lines = await Promise.all(files.map((file) => parseFile(file, opts)));
  const pages = lines.map((line) => {
    if ("error" in line) return null;
    const parsed = ParsedPage.safeParse({
      kind: line.kind,
      record: line.record,
      missing: line.missing,
      warnings: line.warnings,
    });
    return parsed.success ? parsed.data : null;
  });
  for (const [i, parsed] of pages.entries()) {
    const url = lines[i]!.url;
    if (parsed) await cache.record(parsed, typeof url === "string" ? url : "", readAt);
  }

  const out: Array<Record<string, unknown>> = [];
  for (const [i, line] of lines.entries()) {
    const parsed = pages[i];
    if (!parsed) {
      out.push(
        "error" in line
          ? line
          : line.kind === "other"
            ? { ...line, fit: null, urgency: null }
            : { file: line.file, error: "record does not match the schema" },
      );
      continue;
    }
    const a = assessPage(parsed, settings, now, await lookupFor(cache, parsed));
    out.push({ ...line, fit: a.fit, urgency: cliUrgency(a) });
  }
  return out;
}

/** The command-table entry: NDJSON, exit code 1 if any file failed. */
export async function runScoreCommand(opts: CommonOptions, write: (line: string) => void): Promise<number> {
  const lines = await runScore(opts.files, {
    now: opts.now,
    ...(opts.url ? { url: opts.url } : {}),
    ...(opts.settings ? { settings: opts.settings } : {}),
  });
  for (const line of lines) write(JSON.stringify(line));
  return lines.some((l) => "error" in l) ? 1 : 0;
}
