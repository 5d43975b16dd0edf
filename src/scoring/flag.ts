/** How scoring makes a flag (records.md §4): its stable id, its severity, its words as data and in English. */
import type { Flag } from "../shared/score";
import { ENGLISH, flagCode, flagWords, type FlagCode, type ReasonParams } from "../shared/words";

/** `textCode` is what a reader's words are made from; `text` is the same in English, for the CLI and the spec. */
export function flag(id: string, severity: Flag["severity"], code: FlagCode, params: ReasonParams = {}): Flag {
  const textCode = flagCode(code, params);
  return { id, severity, text: flagWords(textCode, ENGLISH) ?? code, textCode };
}
