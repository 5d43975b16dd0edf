/** Anchors of the submitted-proposal page (REFERENCE.md §2.6). */
import type { Anchor } from "./resolve";

export const PROPOSAL = {
  terms: [
    "[data-test='terms-review-hourly']", // seen 2026-05
    "[data-test='terms-review']", // seen 2026-05
  ],
  termsHeadings: [/^(Your proposed terms|Terms)$/i],
  coverLetter: [
    "[data-cy='cover-letter-section'] p.text-pre-line", // seen 2026-05
    ".cover-letter-section p.break", // seen 2024
  ],
  coverHeadings: [/^Cover letter$/i],
  /** Each term is a block: a <strong> label, a hint, the figure. */
  termLabel: "strong",
  hourlyRate: /^Hourly rate$/i,
  fixedBid: /^(Bid|Total price of project|Project price)$/i,
  /** Without the blocks: the figure must follow its label directly. */
  hourlyRateText: /Hourly rate:?\s*(\$\s?[\d,.]+)\s*\/\s*hr/i,
  fixedBidText: /\bBid:?\s*(\$\s?[\d,.]+)/i,
} satisfies Record<string, readonly Anchor[] | RegExp[] | RegExp | string>;
