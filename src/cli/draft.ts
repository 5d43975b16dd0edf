/**
 * `draft` command (records.md §4): one JSON object for one FILE — the reply draft for the job on a
 * saved invitation, job or apply page — made by the same drafting code the popup uses.
 */
import { draftReply, type DraftInput } from "../drafting/index";
import { draftInputFor } from "../drafting/input";
import type { Draft } from "../shared/draft";
import type { ParsedPage } from "../shared/records";
import type { Settings } from "../shared/settings";
import { parseFile, type CommonOptions } from "./parse";
import { readSettingsFile } from "./settings-file";

export interface DraftOptions {
  url?: string;
  now?: Date;
  /** Path of a settings file (records.md §5); default: the built-in defaults. */
  settings?: string;
}

export type DraftLine =
  ({ file: string; url: string | null; kind: DraftInput["kind"] } & Draft) | { file: string; error: string };

/** Drafts the reply for one saved page; never throws (a failure is the object's `error`). */
export async function runDraft(file: string, options: DraftOptions = {}): Promise<DraftLine> {
  let settings: Settings;
  try {
    settings = await readSettingsFile(options.settings);
  } catch (e) {
    return { file, error: (e as Error).message };
  }
  const opts: CommonOptions = {
    now: options.now ?? new Date(),
    files: [file],
    ...(options.url ? { url: options.url } : {}),
  };
  const line = await parseFile(file, opts);
  if ("error" in line) return { file, error: String(line.error) };
  const url = (line.url as string | null) ?? "";
  const input = draftInputFor({ kind: line.kind, record: line.record, missing: [], warnings: [] } as ParsedPage, url);
  if (typeof input === "string") return { file, error: input };
  return { file, url: url || null, kind: input.kind, ...draftReply(input, settings) };
}

/** The command-table entry: exactly one FILE, one JSON object; exit code 1 on failure. */
export async function runDraftCommand(opts: CommonOptions, write: (line: string) => void): Promise<number> {
  if (opts.files.length !== 1) {
    write(JSON.stringify({ file: opts.files.join(" "), error: "draft takes exactly one FILE" }));
    return 1;
  }
  const result = await runDraft(opts.files[0]!, {
    now: opts.now,
    ...(opts.url ? { url: opts.url } : {}),
    ...(opts.settings ? { settings: opts.settings } : {}),
  });
  write(JSON.stringify(result, null, 2));
  return "error" in result ? 1 : 0;
}
