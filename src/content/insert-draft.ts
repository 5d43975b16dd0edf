/**
 * Writes a draft into Upwork's apply form the way the page accepts it (REFERENCE §2.5): the
 * native value setter from the element's prototype (so Vue's v-model sees a real change), `input`
 * and `change` events, then blur/focusout (Air3 commits on focusout and reformats currency), then
 * a read-back. It never clicks anything, least of all submit.
 */
// Types only: zod stays out of the content script (size budget); the popup validates with the
// schemas of content-messages.ts before sending, and the guard below re-checks the shape here.
import type { InsertableDraft, InsertDraftMessage, InsertDraftReply, InsertResult } from "../shared/content-messages";

/** Every selector this writer uses, in one place; ordered lists are tried first to last. */
const SELECTORS = {
  /** The apply form may open inside a slider or dialog launched from a job card [S25]. */
  scope: [".fe-job-apply", "[role='dialog'] .fe-ui-application-vue"],
  coverLetter: ["textarea[aria-labelledby='cover_letter_label']", ".cover-letter-area textarea"],
  /** Last resort for the cover letter: a label with this text, then the textarea in its form group. */
  coverLetterLabel: "Cover Letter",
  labels: "label",
  formGroup: ".form-group",
  textarea: "textarea",
  hourlyRate: ["#step-rate"],
  fixedAmount: ["#charged-amount-id"],
  milestoneRow: "[data-test='milestone']",
  milestoneDescription: "input[data-test='milestone-description']",
  milestoneAmount: ["[data-test='milestone-amount'] input", "[data-test='milestone-amount'] .air3-input"],
  questionGroups: ".fe-proposal-job-questions .form-group",
} as const;

type Field = HTMLInputElement | HTMLTextAreaElement;

function first(root: ParentNode, selectors: readonly string[]): Field | null {
  for (const selector of selectors) {
    const el = root.querySelector<Field>(selector);
    if (el) return el;
  }
  return null;
}

const collapse = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

function scopeOf(doc: Document): ParentNode {
  for (const selector of SELECTORS.scope) {
    const el = doc.querySelector(selector);
    if (el) return el;
  }
  return doc;
}

function coverLetterField(root: ParentNode): Field | null {
  const direct = first(root, SELECTORS.coverLetter);
  if (direct) return direct;
  for (const label of root.querySelectorAll(SELECTORS.labels)) {
    if (collapse(label.textContent).toLowerCase() !== SELECTORS.coverLetterLabel.toLowerCase()) continue;
    const field = label.closest(SELECTORS.formGroup)?.querySelector<Field>(SELECTORS.textarea);
    if (field) return field;
  }
  return null;
}

/**
 * Sets a field's value as a user would have: focus, the prototype's setter (bypassing any
 * instance-level tracker a framework put on the element), input + change, then blur.
 */
function writeValue(el: Field, value: string): void {
  const win = el.ownerDocument.defaultView ?? (globalThis as unknown as Window & typeof globalThis);
  el.focus();
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value")?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: value }));
  el.dispatchEvent(new win.Event("change", { bubbles: true }));
  let focusOutSeen = false;
  const seen = () => (focusOutSeen = true);
  el.addEventListener("focusout", seen, { once: true });
  el.blur();
  el.removeEventListener("focusout", seen);
  // blur() fires nothing when the element never took focus (hidden tab, disabled focus): send the
  // events Air3 listens for ourselves.
  if (!focusOutSeen) {
    el.dispatchEvent(new win.FocusEvent("blur"));
    el.dispatchEvent(new win.FocusEvent("focusout", { bubbles: true }));
  }
}

/** "$1,234.50" → 1234.5; null when the field holds no number. */
function moneyValue(text: string): number | null {
  const digits = text.replace(/[^0-9.]/g, "");
  if (!digits) return null;
  const n = Number.parseFloat(digits);
  return Number.isFinite(n) ? n : null;
}

const normText = (text: string) => text.replace(/\r\n?/g, "\n").trim();

interface Writer {
  readonly result: InsertResult;
  text(field: string, el: Field | null, value: string, missing: string): void;
  money(field: string, el: Field | null, value: number, missing: string): void;
}

function writer(): Writer {
  const result: InsertResult = { filled: [], notFilled: [] };
  const usable = (field: string, el: Field | null, missing: string): el is Field => {
    if (!el) result.notFilled.push({ field, reason: missing });
    else if (el.disabled || el.readOnly) result.notFilled.push({ field, reason: "The field is read-only on this page." });
    else return true;
    return false;
  };
  return {
    result,
    text(field, el, value, missing) {
      if (!usable(field, el, missing)) return;
      writeValue(el, value);
      if (normText(el.value) === normText(value)) result.filled.push(field);
      else result.notFilled.push({ field, reason: "The page did not keep the text after it was entered." });
    },
    money(field, el, value, missing) {
      if (!usable(field, el, missing)) return;
      // Digits only: Air3's currency input adds the "$" and cents itself on blur.
      writeValue(el, value.toFixed(2));
      const back = moneyValue(el.value);
      if (back != null && Math.round(back * 100) === Math.round(value * 100)) result.filled.push(field);
      else result.notFilled.push({ field, reason: `The page shows “${el.value}” instead of $${value.toFixed(2)}.` });
    },
  };
}

/** Matches a drafted answer's question to the page's, ignoring spacing, case and trailing punctuation. */
const questionKey = (q: string) => collapse(q).toLowerCase().replace(/[\s?.:!]+$/, "");

export function insertDraft(doc: Document, draft: InsertableDraft): InsertResult {
  const root = scopeOf(doc);
  const w = writer();

  if (draft.coverLetter.trim()) {
    w.text("Cover letter", coverLetterField(root), draft.coverLetter, "No cover letter field on this page.");
  }

  const { terms } = draft;
  if (terms.kind === "hourly") {
    if (terms.rate != null) w.money("Hourly rate", first(root, SELECTORS.hourlyRate), terms.rate, "No hourly rate field: is this a fixed-price job?");
    else w.result.notFilled.push({ field: "Hourly rate", reason: "The draft has no rate: set your rate in Options." });
  } else if (terms.amount == null) {
    w.result.notFilled.push({ field: "Bid", reason: "The draft has no bid: the post shows no budget." });
  } else {
    const rows = [...root.querySelectorAll(SELECTORS.milestoneRow)];
    const projectAmount = first(root, SELECTORS.fixedAmount);
    if (terms.kind === "milestone" && rows.length > 0) {
      terms.milestones.forEach((m, i) => {
        const row = rows[i];
        const label = `Milestone ${i + 1}`;
        if (!row) {
          w.result.notFilled.push({ field: label, reason: "Add this milestone on the page (Invitewise never clicks page buttons), then insert again." });
          return;
        }
        w.text(`${label} description`, row.querySelector<Field>(SELECTORS.milestoneDescription), m.description, "No description field in this milestone.");
        w.money(`${label} amount`, first(row, SELECTORS.milestoneAmount), m.amount, "No amount field in this milestone.");
      });
    } else if (projectAmount) {
      w.money("Fixed price", projectAmount, terms.amount, "No fixed price field on this page.");
      if (terms.kind === "milestone") {
        w.result.notFilled.push({ field: "Milestones", reason: "The form is set to “By project”; choose “By milestone” to enter the milestones." });
      }
    } else {
      w.result.notFilled.push({ field: "Bid", reason: "No fixed price or milestone fields on this page: is this an hourly job?" });
    }
  }

  const groups = [...root.querySelectorAll(SELECTORS.questionGroups)].map((group) => ({
    question: collapse(group.querySelector(SELECTORS.labels)?.textContent),
    field: group.querySelector<Field>(SELECTORS.textarea),
  }));
  const used = new Set<number>();
  for (const { question, answer } of draft.answers) {
    const key = questionKey(question);
    const index = groups.findIndex((g, i) => !used.has(i) && questionKey(g.question) === key);
    const label = `Question: ${collapse(question)}`;
    if (index < 0) {
      w.result.notFilled.push({ field: label, reason: "This question is not on the page." });
      continue;
    }
    used.add(index);
    w.text(label, groups[index]!.field, answer, "The question has no answer field.");
  }
  groups.forEach((g, i) => {
    if (!used.has(i)) w.result.notFilled.push({ field: `Question: ${g.question}`, reason: "The draft has no answer for this question." });
  });

  return w.result;
}

/**
 * The content script's handler for popup messages. Returns a reply promise for ours, undefined for
 * anything else (so other listeners may answer). Re-reads once after the page's own update cycle,
 * because Vue re-validation can silently reset a value [S4].
 */
export function handleContentMessage(message: unknown, doc: Document): Promise<InsertDraftReply> | undefined {
  if (!isInsertDraftMessage(message)) return undefined;
  const { draft } = message;
  return (async (): Promise<InsertDraftReply> => {
    try {
      const first = insertDraft(doc, draft);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const again = recheck(doc, draft, first);
      return { ok: true, data: again };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  })();
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isMoney = (x: unknown) => x === null || (typeof x === "number" && Number.isFinite(x) && x >= 0);

/** The shape of InsertDraftMessage (content-messages.ts), checked without zod. */
export function isInsertDraftMessage(message: unknown): message is InsertDraftMessage {
  if (!isObject(message) || message["type"] !== "insert-draft" || !isObject(message["draft"])) return false;
  const { coverLetter, terms, answers } = message["draft"];
  if (typeof coverLetter !== "string" || !isObject(terms) || !Array.isArray(answers)) return false;
  if (!["hourly", "fixed", "milestone"].includes(terms["kind"] as string) || !isMoney(terms["rate"]) || !isMoney(terms["amount"])) return false;
  if (!Array.isArray(terms["milestones"]) || !terms["milestones"].every((m) => isObject(m) && typeof m["description"] === "string" && isMoney(m["amount"]) && m["amount"] !== null)) return false;
  return answers.every((a) => isObject(a) && typeof a["question"] === "string" && typeof a["answer"] === "string");
}

/** Moves any field whose value the page reset after insertion from `filled` to `notFilled`. */
function recheck(doc: Document, draft: InsertableDraft, result: InsertResult): InsertResult {
  const root = scopeOf(doc);
  const lost: string[] = [];
  if (result.filled.includes("Cover letter") && normText(coverLetterField(root)?.value ?? "") !== normText(draft.coverLetter)) lost.push("Cover letter");
  const rateField = first(root, SELECTORS.hourlyRate);
  if (result.filled.includes("Hourly rate") && draft.terms.rate != null && moneyValue(rateField?.value ?? "") !== draft.terms.rate) lost.push("Hourly rate");
  const amountField = first(root, SELECTORS.fixedAmount);
  if (result.filled.includes("Fixed price") && draft.terms.amount != null && moneyValue(amountField?.value ?? "") !== draft.terms.amount) lost.push("Fixed price");
  if (!lost.length) return result;
  return {
    filled: result.filled.filter((f) => !lost.includes(f)),
    notFilled: [...result.notFilled, ...lost.map((field) => ({ field, reason: "The page reset the value after it was entered; enter it by hand." }))],
  };
}
