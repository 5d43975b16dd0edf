/**
 * Reading and writing the user's settings in extension storage.
 * (First version: the options-page work extends this with the sync/local split and migrations.)
 */
import browser from "webextension-polyfill";
import { defaultSettings, Settings } from "./settings";

export interface LoadedSettings {
  settings: Settings;
  /** Plain-language notices for the user, e.g. a corrupt stored value that fell back to its default. */
  notices: string[];
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = (await browser.storage.sync.get("settings"))["settings"];
  if (stored === undefined) return { settings: defaultSettings(), notices: [] };
  const result = Settings.safeParse(stored);
  if (result.success) return { settings: result.data, notices: [] };
  return { settings: defaultSettings(), notices: ["Your stored settings could not be read; defaults are in use."] };
}
