/**
 * The apply form's fields, found for the insert script (insert-draft.ts), which only fills them.
 * Every query of the form lives here, beside the other anchors, so a redesign is mended in one place.
 */
import { FILL } from "./apply";

export type FormField = HTMLInputElement | HTMLTextAreaElement;

export interface ApplyFormFields {
  letter: FormField | null;
  rate: FormField | null;
  /** The whole fixed price ("by project"). */
  amount: FormField | null;
  /** The milestone rows the form shows now (the user adds more on the page). */
  milestones: Array<{ description: FormField | null; amount: FormField | null }>;
  /** Each screening question, its label's text with spacing collapsed, and its answer field. */
  questions: Array<{ question: string; field: FormField | null }>;
}

export const collapse = (text?: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

// Ordered lists are tried first to last (a comma selector would pick by document order instead).
const first = <T extends Element = FormField>(root: ParentNode, selectors: readonly string[]) =>
  selectors.map((s) => root.querySelector<T>(s)).find(Boolean) ?? null;

const scopeOf = (doc: Document): ParentNode => first<Element>(doc, FILL.scope) ?? doc;

/** By selector, else the textarea in the form group of a "Cover Letter" label. */
function letterField(root: ParentNode): FormField | null {
  const field = first(root, FILL.letter);
  if (field) return field;
  for (const label of root.querySelectorAll("label"))
    if (collapse(label.textContent).toLowerCase() === "cover letter")
      return label.closest(".form-group")?.querySelector("textarea") ?? null;
  return null;
}

/** The form's fields as the page holds them now (read again after an insert, to see what was kept). */
export function applyFormFields(doc: Document): ApplyFormFields {
  const root = scopeOf(doc);
  return {
    letter: letterField(root),
    rate: root.querySelector<FormField>(FILL.rate),
    amount: root.querySelector<FormField>(FILL.amount),
    milestones: [...root.querySelectorAll(FILL.milestone)].map((row) => ({
      description: row.querySelector<FormField>(FILL.milestoneDescription),
      amount: first(row, FILL.milestoneAmount),
    })),
    questions: [...root.querySelectorAll(FILL.questionGroup)].map((group) => ({
      question: collapse(group.querySelector("label")?.textContent),
      field: group.querySelector("textarea"),
    })),
  };
}
