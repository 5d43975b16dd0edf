/**
 * The page-state pipeline for the background and the command line: text (from `embeddedStateText`,
 * which the content script may import on its own) → decoded value → facts, ready for `mergeState`.
 */
import type { ParsedPage } from "../shared/records";
import { decodeState } from "./decode";
import type { StateText } from "./extract";
import { stateFacts, type StateFacts } from "./facts";
import { mergeState, type Merged, type StateError } from "./merge";

export { embeddedStateText, MAX_STATE_CHARS, type StateForm, type StateText } from "./extract";
export { decodeState, type Decoded } from "./decode";
export { stateFacts, type InvitationFacts, type JobFacts, type StateFacts, type StateHistoryItem } from "./facts";
export { mergeState, type Disagreement, type Merged, type StateError } from "./merge";

/** Null when the page carries no state; `{ error }` when it does but it cannot be read. Never throws. */
export function readState(s: StateText | null): StateFacts | StateError | null {
  if (!s) return null;
  const decoded = decodeState(s);
  if (!decoded.ok) return { error: decoded.reason };
  try {
    return stateFacts(decoded.root);
  } catch (e) {
    // The shape search is bounded and defensive; this is the last guard of "never throws".
    return { error: `state could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The last few states read, by their text: a page is re-read on every change, its state stays the same. */
const recent = new Map<string, StateFacts | StateError | null>();
const RECENT = 4;

/**
 * A text-parsed page with its embedded state merged in: the one path of the background worker and
 * the command line, so both read a page the same way.
 */
export function withPageState(parsed: ParsedPage, state: StateText | null, url: string, readAt: Date): Merged {
  let facts: StateFacts | StateError | null = null;
  if (state) {
    const key = `${state.form}:${state.text}`;
    facts = recent.has(key) ? recent.get(key)! : readState(state);
    recent.delete(key);
    recent.set(key, facts);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  }
  return mergeState(parsed, facts, url, readAt);
}
