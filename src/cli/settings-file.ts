/** Reads `--settings FILE` (records.md §5) for the commands that need settings. */
import { readFile } from "node:fs/promises";
import { defaultSettings, parseSettingsFile, type Settings } from "../shared/settings";

/** The settings in the file, or the built-in defaults without one; a bad file throws naming the field. */
export async function readSettingsFile(path: string | undefined): Promise<Settings> {
  if (!path) return defaultSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      `settings file ${path}: ${err?.code === "ENOENT" ? "file not found" : `not valid JSON (${err?.message ?? String(e)})`}`,
      { cause: e },
    );
  }
  const parsed = parseSettingsFile(raw);
  if (!parsed.ok) throw new Error(`settings file ${path}: ${parsed.error}`);
  return parsed.settings;
}
