/** Anchors of the Proposals page's invitations list (REFERENCE.md §2.1). */
import type { Anchor } from "./resolve";

export const INVITATIONS_ROOT: readonly Anchor[] = [
  { sel: "[data-qa='card-invitations']" }, // seen 2021..2026
  { sel: ".invitations-card-view" }, // seen 2024-12
];
/** Section titles over the years: "Invitations to Interview" → "Invitations to apply" → "Invites from clients". */
export const INVITATIONS_HEADINGS = [/^(?:Invitations to (?:interview|apply)|Invites from clients)\b/i];
export const INVITATIONS = {
  count: [{ sel: "[data-qa='count']" } /* seen 2026-05 */, { label: /^[^()]*?\((\d[\d,]*)\)/ }],
  link: "a[href*='/proposals/interview/']",
  row: "tr, .details-row, li, article",
  time: [{ sel: "[data-cy='time-slot']" } /* seen 2026-05 */, { sel: ".time-slot" } /* seen 2023..2024 */],
  profile: [
    { sel: "[data-cy='default-slot'] .contractor-name" }, // seen 2026-05
    { sel: "[data-cy='default-slot']" }, // seen 2026-05
  ],
} as const;
