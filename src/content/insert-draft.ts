/**
 * Writes a draft into Upwork's apply form the way the page accepts it (REFERENCE §2.5): the
 * native value setter, `input` and `change`, then blur/focusout (Air3 commits and reformats
 * currency on focusout), then a read-back. It never clicks anything, least of all submit.
 * It ships in dist/insert-draft.js (entry: insert-draft-entry.ts), which the popup injects into the
 * tab only when the user clicks "Insert into proposal": it is not part of the content script.
 */
import { applyFormFields, collapse, type FormField } from "./anchors/apply-form";
import {
  InsertableDraft,
  type InsertDraftReply,
  type InsertResult,
  type NotFilledReason as Reason,
} from "../shared/content-messages";

type Field = FormField;

const lower = (text?: string | null) => collapse(text).toLowerCase();
const norm = (text: string) => text.replace(/\r\n?/g, "\n").trim();
/** "$1,234.50" → 1234.5; NaN when the field holds no number. */
const money = (text = "") => parseFloat(text.replace(/[^0-9.]/g, ""));
/** Matches a drafted question to the page's, ignoring spacing, case and trailing punctuation. */
const questionKey = (q: string) => lower(q).replace(/(?<![\s?.:!])[\s?.:!]+$/, "");

/**
 * Sets a value as a user would: focus, the prototype's setter (past any instance-level tracker a
 * framework put on the element), input + change, then blur.
 */
function fill(el: Field, value: string) {
  const win = el.ownerDocument.defaultView ?? globalThis;
  el.focus();
  const set = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value")?.set;
  if (set) set.call(el, value);
  else el.value = value;
  el.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: value }));
  el.dispatchEvent(new win.Event("change", { bubbles: true }));
  let blurred = false;
  const seen = () => (blurred = true);
  el.addEventListener("focusout", seen);
  el.blur();
  el.removeEventListener("focusout", seen);
  // blur() fires nothing if the element never took focus (hidden tab): send what Air3 listens for.
  if (!blurred) {
    el.dispatchEvent(new win.FocusEvent("blur"));
    el.dispatchEvent(new win.FocusEvent("focusout", { bubbles: true }));
  }
}

export function insertDraft(doc: Document, draft: InsertableDraft): InsertResult {
  const form = applyFormFields(doc);
  const result: InsertResult = { filled: [], notFilled: [] };
  const fail = (field: string, reason: Reason) => void result.notFilled.push({ field, reason });

  /** Fills a text field, or a money field (a number) with digits only: Air3 adds "$" and cents on blur. */
  const put = (field: string, el: Field | null | undefined, value: string | number, missing?: Reason) => {
    if (!el) return fail(field, missing!);
    if (el.disabled || el.readOnly) return fail(field, "read-only");
    const isMoney = typeof value === "number";
    fill(el, isMoney ? value.toFixed(2) : value);
    if (isMoney ? Math.round(money(el.value) * 100) === Math.round(value * 100) : norm(el.value) === norm(value))
      result.filled.push(field);
    else if (isMoney) result.notFilled.push({ field, reason: "page-shows", shown: el.value, expected: value });
    else fail(field, "not-kept");
  };

  if (draft.coverLetter.trim()) put("Cover letter", form.letter, draft.coverLetter, "no-letter-field");

  const { terms } = draft;
  if (terms.kind === "hourly") {
    if (terms.rate == null) fail("Hourly rate", "no-rate");
    else put("Hourly rate", form.rate, terms.rate, "no-rate-field");
  } else if (terms.amount == null) {
    fail("Bid", "no-bid");
  } else {
    const rows = form.milestones;
    if (terms.kind === "milestone" && rows.length) {
      terms.milestones.forEach((m, i) => {
        const row = rows[i];
        const name = `Milestone ${i + 1}`;
        if (!row) return fail(name, "add-milestone");
        put(`${name} description`, row.description, m.description, "no-milestone-description-field");
        put(`${name} amount`, row.amount, m.amount, "no-milestone-amount-field");
      });
    } else if (form.amount) {
      put("Fixed price", form.amount, terms.amount);
      if (terms.kind === "milestone") fail("Milestones", "by-project");
    } else {
      fail("Bid", "no-bid-fields");
    }
  }

  // Each page question takes at most one answer; those left over have none in the draft.
  const groups = [...form.questions];
  for (const { question, answer } of draft.answers) {
    const i = groups.findIndex((g) => questionKey(g.question) === questionKey(question));
    const name = `Question: ${collapse(question)}`;
    if (i < 0) fail(name, "no-question");
    else put(name, groups.splice(i, 1)[0]!.field, answer, "no-answer-field");
  }
  for (const g of groups) fail(`Question: ${g.question}`, "no-answer");

  return result;
}

/**
 * The reply to the popup's "Insert into proposal": checks the draft it was handed, inserts it, then
 * re-reads once after the page's own update cycle, because Vue re-validation can silently reset a
 * value [S4]; a field it reset moves to `notFilled`.
 */
export async function insertDraftReply(doc: Document, input: unknown): Promise<InsertDraftReply> {
  const parsed = InsertableDraft.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.map(String).join(".")})` : "";
    return {
      ok: false,
      error: `The page was handed a draft it cannot insert${where}. Reload the Upwork tab and try again.`,
    };
  }
  const draft = parsed.data;
  try {
    const data = insertDraft(doc, draft);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const now = applyFormFields(doc);
    const kept: Array<[string, boolean]> = [
      ["Cover letter", norm(now.letter?.value ?? "") === norm(draft.coverLetter)],
      ["Hourly rate", money(now.rate?.value) === draft.terms.rate],
      ["Fixed price", money(now.amount?.value) === draft.terms.amount],
    ];
    for (const [field, ok] of kept) {
      const i = data.filled.indexOf(field);
      if (ok || i < 0) continue;
      data.filled.splice(i, 1);
      data.notFilled.push({ field, reason: "page-reset" });
    }
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
