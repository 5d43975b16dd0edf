/**
 * The catalogue's on-page part: the labels the badges and the panel say themselves (the fit's and the
 * urgency's sentences come from the worker, rendered from their codes). Named constants, not one
 * object: the bundler inlines each where it is used, so the content script (20 KB gzipped budget)
 * pays nothing for having its words here. A second language is a second file with the same names.
 * Two sentences with numbers in them stay in place (badge.ts's spoken provisional fit, panel.ts's
 * "Could not …"): as functions here the minifier wraps each in a call, which the budget has no room for.
 */

/** The extension's name, as the page shows it. */
export const NAME = "Invitewise";

// The badge.
export const BADGE_UNAVAILABLE = "– Invitewise: unavailable";
export const BADGE_UNAVAILABLE_TITLE = "Invitewise could not score this invitation";
export const OPEN_TO_SCORE = "open to score";
export const BADGE_SHOW_ROW = "Show what the row says, in the Invitewise panel";
export const BADGE_OPEN = "Open the invitation to score it";
export const BADGE_SHOW_WHY = "Show why, in the Invitewise panel";
/** " · 2 of 10 factors" after a provisional fit. */
export const factorsUsed = (used: number, of: number) => ` · ${used} of ${of} factors`;
export const OF_100 = " of 100";

// The panel.
export const PANEL_LABEL = "Invitewise: client fit and urgency";
export const RANKED = " invitations ranked";
export const FIT_SR = "fit ";
export const UNAVAILABLE = "unavailable";
export const NOT_SCORED = "not scored";
export const NOT_SCORED_PAGE = "Invitewise could not score this page.";
export const FACTORS = "Score factors (points of weight)";
export const YES = "yes";
export const NO = "no";
export const FLAGS = "Flags";
export const RED_FLAG = "Red flag";
export const CAUTION = "Caution";
export const GOOD_SIGN = "Good sign";
export const COULD_NOT_READ = "couldn't read: ";

// The list's panel: its row and its ranking.
export const provisionalNote = (used: number, of: number) =>
  `Provisional: from the list row alone (${used} of ${of} factors). Opening the invitation adds the client's hire rate, rating, ` +
  "what past freelancers said, the budget, your skill match and the competition.";
export const MESSAGE = "The client's message";
export const OPEN_INVITATION = "Open the invitation";
export const BACK_TO_RANKING = "Back to the ranking";
export const RANK_GROUP = "Rank the invitations";
export const BY_URGENCY = "By urgency";
export const BY_FIT = "By fit";
export const RANKING_NOTE =
  "Upwork's list keeps its own order; this ranking is Invitewise's. ~ marks a fit from the list row alone.";

// The panel's actions.
export const DRAFT_REPLY = "Draft reply";
export const DECLINE_POLITELY = "Decline politely";
export const REPORT_PAGE = "Report this page";
export const DECLINE_NOTE = "Decline note";
export const COPY_NOTE = "Copy note";
export const NOTE_COPIED = "Decline note copied.";
export const PAGE_REPORT = "Page report";
export const REPORT_COPIED = "Report copied — paste it into your bug report.";
export const COPY_BLOCKED = "Copying was blocked: select the report below and copy it.";
/** Each action's name, in its failure ("Could not open the drafts.", worded in panel.ts). */
export const OPEN_DRAFTS = "open the drafts";
export const WRITE_NOTE = "write the decline note";
export const MAKE_REPORT = "make the page report";
export const COPY_THE_NOTE = "copy the note";
