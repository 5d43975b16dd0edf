/** Anchors of the Find Work home page's "My Proposals" card (REFERENCE.md §2.2). */
import type { Anchor } from "./resolve";

export const HOME = {
  card: ["[data-test='my-proposals']" /* seen 2025-12 */, "[data-test='freelancer-menu']" /* seen 2025-12 */],
  headings: [/^My Proposals$/i],
  count: [/(?<!\d)(\d+\s+new\s+(?:invitations?|invites?)\b)/i],
} satisfies Record<string, readonly Anchor[] | RegExp[]>;
