/** The catalogue's insert part: the sentences the popup shows for the insert result's `notFilled` reason codes (the content script sends codes only). */
import type { NotFilled, NotFilledReason } from "../content-messages";

export const NOT_FILLED_TEXT: Record<NotFilledReason, string | ((n: NotFilled) => string)> = {
  "read-only": "The field is read-only on this page.",
  "page-shows": (n) => `The page shows “${n.shown ?? ""}” instead of $${(n.expected ?? 0).toFixed(2)}.`,
  "not-kept": "The page did not keep the text after it was entered.",
  "page-reset": "The page reset the value after it was entered; enter it by hand.",
  "no-letter-field": "No cover letter field on this page.",
  "no-rate": "The draft has no rate: set your rate in Options.",
  "no-rate-field": "No hourly rate field: is this a fixed-price job?",
  "no-bid": "The draft has no bid: the post shows no budget.",
  "no-bid-fields": "No fixed price or milestone fields on this page: is this an hourly job?",
  "add-milestone": "Add this milestone on the page (Invitewise never clicks page buttons), then insert again.",
  "no-milestone-description-field": "No description field in this milestone.",
  "no-milestone-amount-field": "No amount field in this milestone.",
  "by-project": "The form is set to “By project”; choose “By milestone” to enter the milestones.",
  "no-question": "This question is not on the page.",
  "no-answer-field": "The question has no answer field.",
  "no-answer": "The draft has no answer for this question.",
};

/** Why a field was not filled, in words for the user. */
export function notFilledText(n: NotFilled): string {
  const text = NOT_FILLED_TEXT[n.reason];
  return typeof text === "function" ? text(n) : text;
}
