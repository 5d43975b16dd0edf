/** How large a page report may be: the skeleton's bound, and the reply that carries it to the panel or options page. */

/** Beyond this many characters the skeleton stops, with a marker (a real page's is a tenth of it). */
export const MAX_SKELETON_CHARS = 2_000_000;
/** The skeleton plus its cut marker: what the background accepts from the tab and passes on. */
export const MAX_REPORT_CHARS = MAX_SKELETON_CHARS + 1_000;
