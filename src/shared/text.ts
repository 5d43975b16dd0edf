/** Text limits shared by the checks that read a stranger's post (scoring, drafting). */

/** The first `max` UTF-16 units of a text, never ending on half of a surrogate pair (an emoji cut in two). */
export function sliceWhole(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * How much of a post the phrase and red-flag checks read: the description is kept whole, but the
 * checks that scan it stay bounded whatever a stranger pastes into it.
 */
export const MAX_SCANNED_CHARS = 20_000;
