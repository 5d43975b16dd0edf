/** Inserting a draft into an apply form in happy-dom: values, events, read-back, gaps, no clicks. */
import { readFileSync } from "node:fs";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";
import { insertDraft, insertDraftReply } from "../../src/content/insert-draft";
import {
  InsertDraftReply,
  NotFilledReason,
  type InsertableDraft,
  type NotFilled,
} from "../../src/shared/content-messages";
import { NOT_FILLED_TEXT, notFilledText } from "../../src/shared/words/insert";

const FORM = readFileSync(new URL("../fixtures/drafting/apply-form.html", import.meta.url), "utf8");

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(html = FORM) {
  const win = new Window({ url: "https://www.upwork.com/nx/proposals/job/~022093312200334455667/apply/" });
  windows.push(win);
  win.document.write(html);
  const doc = win.document as unknown as Document;
  const clicks: string[] = [];
  doc.addEventListener("click", (e) => clicks.push((e.target as Element).textContent ?? ""), true);
  doc.addEventListener("submit", () => clicks.push("submit"), true);
  return { win, doc, clicks };
}

const hourlyDraft: InsertableDraft = {
  coverLetter: "Hi,\n\nThank you for inviting me to “Vue 3 dashboard”.\n\nBest regards,\nDana K.",
  terms: { kind: "hourly", rate: 45, amount: null, milestones: [] },
  answers: [
    {
      question: "Describe your recent experience with similar projects",
      answer: "A recent example is Yoga class booking.",
    },
    { question: "what is your availability", answer: "I can start Monday." },
  ],
};

/** Records the events a field receives, in order, with whether they bubble. */
function recordEvents(el: EventTarget): string[] {
  const seen: string[] = [];
  for (const type of ["input", "change", "blur", "focusout"])
    el.addEventListener(type, (e) => seen.push(`${type}${e.bubbles ? "↑" : ""}`));
  return seen;
}

describe("insertDraft", () => {
  it("fills the cover letter, rate and matching questions, firing input, change and focusout, and reads them back", () => {
    const { doc, clicks } = page();
    const letter = doc.querySelector("textarea[aria-labelledby='cover_letter_label']") as HTMLTextAreaElement;
    const rate = doc.querySelector("#step-rate") as HTMLInputElement;
    const letterEvents = recordEvents(letter);
    const rateEvents = recordEvents(rate);

    const result = insertDraft(doc, hourlyDraft);

    expect(result).toEqual({
      filled: [
        "Cover letter",
        "Hourly rate",
        "Question: Describe your recent experience with similar projects",
        "Question: what is your availability",
      ],
      notFilled: [],
    });
    expect(letter.value).toBe(hourlyDraft.coverLetter);
    expect(rate.value).toBe("45.00");
    const answers = [...doc.querySelectorAll(".fe-proposal-job-questions textarea")].map(
      (t) => (t as HTMLTextAreaElement).value,
    );
    expect(answers).toEqual(["A recent example is Yoga class booking.", "I can start Monday."]);
    for (const events of [letterEvents, rateEvents]) {
      expect(events.filter((e) => e !== "blur")).toEqual(["input↑", "change↑", "focusout↑"]);
      expect(events).toContain("blur");
    }
    expect(clicks).toEqual([]);
  });

  it("goes through the prototype's setter, past an instance-level value override", () => {
    const { doc } = page();
    const letter = doc.querySelector("textarea[aria-labelledby='cover_letter_label']") as HTMLTextAreaElement;
    const proto = Object.getPrototypeOf(letter);
    const native = Object.getOwnPropertyDescriptor(proto, "value")!;
    // Like a framework's value tracker: plain `el.value = x` is swallowed.
    Object.defineProperty(letter, "value", { configurable: true, get: () => native.get!.call(letter), set: () => {} });
    const result = insertDraft(doc, hourlyDraft);
    expect(result.filled).toContain("Cover letter");
    expect(native.get!.call(letter)).toBe(hourlyDraft.coverLetter);
  });

  it("accepts the page reformatting a currency on blur", () => {
    const { doc } = page();
    const rate = doc.querySelector("#step-rate") as HTMLInputElement;
    rate.addEventListener("focusout", () => (rate.value = `$${Number(rate.value).toFixed(2)}`));
    expect(insertDraft(doc, hourlyDraft).filled).toContain("Hourly rate");
    expect(rate.value).toBe("$45.00");
  });

  it("reports a value the page rejects", () => {
    const { doc } = page();
    const rate = doc.querySelector("#step-rate") as HTMLInputElement;
    rate.addEventListener("change", () => (rate.value = "$25.00"));
    const result = insertDraft(doc, hourlyDraft);
    expect(result.filled).not.toContain("Hourly rate");
    expect(result.notFilled).toContainEqual({
      field: "Hourly rate",
      reason: "page-shows",
      shown: "$25.00",
      expected: 45,
    });
  });

  it("reports what it could not fill: missing fields, unknown questions, unanswered questions", () => {
    const { doc } = page();
    const draft: InsertableDraft = {
      coverLetter: "Hello",
      terms: { kind: "milestone", rate: null, amount: 600, milestones: [{ description: "All", amount: 600 }] },
      answers: [{ question: "What is your favourite colour?", answer: "Blue" }],
    };
    const result = insertDraft(doc, draft);
    expect(result.filled).toEqual(["Cover letter"]);
    expect(result.notFilled).toEqual([
      { field: "Bid", reason: "no-bid-fields" },
      { field: "Question: What is your favourite colour?", reason: "no-question" },
      { field: "Question: Describe your recent experience with similar projects", reason: "no-answer" },
      { field: "Question: What is your availability?", reason: "no-answer" },
    ]);
  });

  it("finds the cover letter by its label when the attribute is gone, and reports its absence", () => {
    const damaged = FORM.replace('aria-labelledby="cover_letter_label"', "").replace(
      'class="cover-letter-area"',
      'class="letter"',
    );
    const { doc } = page(damaged);
    expect(insertDraft(doc, hourlyDraft).filled).toContain("Cover letter");

    const gone = FORM.replace(/<div class="cover-letter-area">[\s\S]*?<\/div><\/div>/, "");
    const { doc: doc2 } = page(gone);
    expect(insertDraft(doc2, hourlyDraft).notFilled).toContainEqual({
      field: "Cover letter",
      reason: "no-letter-field",
    });
  });

  it("fills the form opened as a dialog over a job card, and nothing outside it", () => {
    const { doc } = page(readFileSync(new URL("../fixtures/drafting/apply-dialog.html", import.meta.url), "utf8"));
    const result = insertDraft(doc, hourlyDraft);
    expect(result.filled).toContain("Cover letter");
    expect(
      (doc.querySelector("[role='dialog'] textarea[aria-labelledby='cover_letter_label']") as HTMLTextAreaElement)
        .value,
    ).toBe(hourlyDraft.coverLetter);
    expect((doc.querySelector("textarea[aria-label='Search notes']") as HTMLTextAreaElement).value).toBe("");
  });

  it("fills a by-project fixed price and existing milestone rows, never adding rows itself", () => {
    const fixed = FORM.replace(
      /<div data-test="up-fe-rate-widget">[\s\S]*?<\/div>\s*<\/div>\s*<\/div>\s*<input id="fee-rate"[^>]*>\s*<\/div>/,
      `<div data-test="milestones"><div data-test="milestone"><input data-test="milestone-description" class="air3-input">
       <div data-test="milestone-amount"><input id="milestone-amount-1" data-test="currency-input" class="air3-input"></div></div>
       <button type="button" data-ev-label="milestone_add">Add milestone</button></div>`,
    );
    const { doc, clicks } = page(fixed);
    const draft: InsertableDraft = {
      coverLetter: "",
      terms: {
        kind: "milestone",
        rate: null,
        amount: 1000,
        milestones: [
          { description: "Setup", amount: 400 },
          { description: "Finish", amount: 600 },
        ],
      },
      answers: [],
    };
    const result = insertDraft(doc, draft);
    expect(result.filled).toEqual(["Milestone 1 description", "Milestone 1 amount"]);
    expect(result.notFilled[0]).toEqual({ field: "Milestone 2", reason: "add-milestone" });
    expect((doc.querySelector("#milestone-amount-1") as HTMLInputElement).value).toBe("400.00");
    expect(clicks).toEqual([]);

    const byProject = fixed.replace(
      /<div data-test="milestones">[\s\S]*Add milestone<\/button><\/div>/,
      '<input id="charged-amount-id" placeholder="$0.00">',
    );
    const { doc: doc2 } = page(byProject);
    const r2 = insertDraft(doc2, draft);
    expect(r2.filled).toEqual(["Fixed price"]);
    expect(r2.notFilled[0]).toEqual({ field: "Milestones", reason: "by-project" });
    expect((doc2.querySelector("#charged-amount-id") as HTMLInputElement).value).toBe("1000.00");
  });
});

describe("insertDraftReply (what the injected insert-draft.js answers the popup)", () => {
  it("inserts, and reports a value the page resets after its own update cycle", async () => {
    const { doc } = page();
    const rate = doc.querySelector("#step-rate") as HTMLInputElement;
    // Like Vue re-validation on the next tick, resetting the rate after our blur.
    rate.addEventListener("focusout", () => queueMicrotask(() => (rate.value = "$25.00")));
    const reply = await insertDraftReply(doc, hourlyDraft);
    expect(InsertDraftReply.safeParse(reply).success).toBe(true);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.filled).toContain("Cover letter");
    expect(reply.data.filled).not.toContain("Hourly rate");
    expect(reply.data.notFilled).toContainEqual({ field: "Hourly rate", reason: "page-reset" });
  });

  it("refuses a draft of the wrong shape with an error reply, touching no field", async () => {
    const bad: unknown[] = [
      null,
      { type: "insert-draft", draft: hourlyDraft },
      { ...hourlyDraft, coverLetter: 1 },
      { ...hourlyDraft, terms: { ...hourlyDraft.terms, kind: "weekly" } },
      { ...hourlyDraft, terms: { ...hourlyDraft.terms, rate: -1 } },
      { ...hourlyDraft, terms: { ...hourlyDraft.terms, milestones: [{ description: "x", amount: null }] } },
      { ...hourlyDraft, answers: [{ question: "q" }] },
    ];
    for (const draft of bad) {
      const { doc } = page();
      const reply = await insertDraftReply(doc, draft);
      expect(reply.ok, JSON.stringify(draft)).toBe(false);
      if (reply.ok) continue;
      expect(reply.error).toMatch(
        /^The page was handed a draft it cannot insert( \(.+\))?\. Reload the Upwork tab and try again\.$/,
      );
      expect(InsertDraftReply.safeParse(reply).success).toBe(true);
      expect((doc.querySelector("#step-rate") as HTMLInputElement).value).toBe("$25.00");
      expect((doc.querySelector("textarea[aria-labelledby='cover_letter_label']") as HTMLTextAreaElement).value).toBe(
        "",
      );
    }
    const { doc } = page();
    const reply = await insertDraftReply(doc, { ...hourlyDraft, coverLetter: 1 });
    expect(!reply.ok && reply.error).toContain("(coverLetter)");
  });

  it("is what the entry of insert-draft.js defines as the global the popup calls", async () => {
    delete globalThis.invitewiseInsertDraft;
    await import("../../src/content/insert-draft-entry");
    expect(typeof globalThis.invitewiseInsertDraft).toBe("function");
    delete globalThis.invitewiseInsertDraft;
  });
});

describe("the popup's sentences for the reason codes", () => {
  const cases: Array<[NotFilled, string]> = [
    [{ field: "f", reason: "read-only" }, "The field is read-only on this page."],
    [{ field: "f", reason: "page-shows", shown: "$25.00", expected: 45 }, "The page shows “$25.00” instead of $45.00."],
    [{ field: "f", reason: "not-kept" }, "The page did not keep the text after it was entered."],
    [{ field: "f", reason: "page-reset" }, "The page reset the value after it was entered; enter it by hand."],
    [{ field: "f", reason: "no-letter-field" }, "No cover letter field on this page."],
    [{ field: "f", reason: "no-rate" }, "The draft has no rate: set your rate in Options."],
    [{ field: "f", reason: "no-rate-field" }, "No hourly rate field: is this a fixed-price job?"],
    [{ field: "f", reason: "no-bid" }, "The draft has no bid: the post shows no budget."],
    [
      { field: "f", reason: "no-bid-fields" },
      "No fixed price or milestone fields on this page: is this an hourly job?",
    ],
    [
      { field: "f", reason: "add-milestone" },
      "Add this milestone on the page (Invitewise never clicks page buttons), then insert again.",
    ],
    [{ field: "f", reason: "no-milestone-description-field" }, "No description field in this milestone."],
    [{ field: "f", reason: "no-milestone-amount-field" }, "No amount field in this milestone."],
    [
      { field: "f", reason: "by-project" },
      "The form is set to “By project”; choose “By milestone” to enter the milestones.",
    ],
    [{ field: "f", reason: "no-question" }, "This question is not on the page."],
    [{ field: "f", reason: "no-answer-field" }, "The question has no answer field."],
    [{ field: "f", reason: "no-answer" }, "The draft has no answer for this question."],
  ];
  it("has a sentence for every code, and it is the one the user saw before codes", () => {
    expect(cases.map(([n]) => n.reason).sort()).toEqual([...NotFilledReason.options].sort());
    expect(Object.keys(NOT_FILLED_TEXT).sort()).toEqual([...NotFilledReason.options].sort());
    for (const [n, text] of cases) expect(notFilledText(n)).toBe(text);
  });
  it("accepts the codes in the reply schema, and rejects a sentence", () => {
    const reply = (reason: string) => ({ ok: true, data: { filled: [], notFilled: [{ field: "Bid", reason }] } });
    for (const [n] of cases)
      expect(InsertDraftReply.safeParse({ ok: true, data: { filled: [], notFilled: [n] } }).success).toBe(true);
    expect(InsertDraftReply.safeParse(reply("The draft has no bid: the post shows no budget.")).success).toBe(false);
  });
});
