/** Anchors of the Proposals page's invitations list (REFERENCE.md §2.1). */
import type { Anchor } from "./resolve";

export const INVITATIONS_ROOT: readonly Anchor[] = [
  "[data-qa='card-invitations']", // seen 2021..2026
  ".invitations-card-view", // seen 2024-12
];
/** The list's rows carry where they sit: a second anchor when the card's own is renamed (2026-03). */
export const INVITATION_ROW_MARK: readonly Anchor[] = ["[data-ev-sublocation='interviews']"];
/** What holds the marked rows: their card (with its heading and count), else their table. */
export const INVITATION_ROWS_HOLDER = [".air3-card, section", "table, ul, ol"] as const;
/** Section titles over the years: "Invitations to Interview" → "Invitations to apply" → "Invites from clients". */
export const INVITATIONS_HEADINGS = [/^(?:Invitations to (?:interview|apply)|Invites from clients)\b/i];
export const INVITATIONS = {
  count: ["[data-qa='count']" /* seen 2026-05 */, /^[^()]*?\((\d[\d,]*)\)/],
  link: "a[href*='/proposals/interview/']",
  row: "tr, .details-row, li, article",
  time: ["[data-cy='time-slot']" /* seen 2026-05 */, ".time-slot" /* seen 2023..2024 */],
  /** The row's "About the client" cell: "$3.5M spent", "12641 hires", "Payment verified". */
  client: ["[data-cy='client-info-slot']" /* seen 2026-03 */, ".fe-client-info-short" /* seen 2026-03 */],
  freeToApply: ["[data-cy='fta-slot']" /* seen 2026-03 */, ".fe-free-to-apply" /* seen 2026-03 */],
  freeToApplyLabel: /\bFree to apply\b/i,
  profile: [
    "[data-cy='default-slot'] .contractor-name", // seen 2026-05
    "[data-cy='default-slot']", // seen 2026-05
  ],
} as const;

/** The same page's "Offers (N)" card: each row links an offer, its text "Offer: <job title>" (REFERENCE.md §2.1). */
export const OFFERS = {
  root: ["[data-qa='card-offers']" /* seen 2026-05 */],
  link: "a[href*='/offers/']",
  titlePrefix: /^\s*Offer:\s*/i,
} as const;
