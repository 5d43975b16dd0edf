/** The apply form (also the invitation-accept form) → ApplyRecord. */
import type { ApplyRecord } from "../../shared/records";
import { collectHeadings, controlValue, qs, qsa, sectionByHeading, visibleText } from "../anchors/dom";
import { FORM, FORM_ROOT } from "../anchors/apply";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { parseJobDetailsCard } from "./job-details";
import { parseCharsLeft, parseConnects, parseMoney } from "./values";

const ADDITIONAL = [/^Additional details$/i];

export function parseApply(doc: Document, url: string, ctx: Ctx): ApplyRecord {
  const headings = collectHeadings(doc);
  const root = resolveElement(doc, FORM_ROOT) ?? doc.body;
  const s = new Scope(root);
  const cover = resolveElement(root, FORM.coverLetter);

  const questions = (() => {
    const groups = qsa(root, FORM.questionGroups[0]!.sel);
    const labels = groups.length
      ? groups.map((g) => visibleText(qs(g, "label")))
      : // Labels of the answer boxes in "Additional details", except the cover letter's.
        qsa(sectionByHeading(headings, ADDITIONAL), ".form-group")
          .filter((g) => qs(g, "textarea") && !FORM.coverLetterLabel.test(visibleText(qs(g, "label")) ?? ""))
          .map((g) => visibleText(qs(g, "label")));
    return labels.filter((t): t is string => !!t);
  })();
  const connectsRequired = resolve(s, FORM.connectsRequired, (t) => parseConnects(t)).value;

  const form: ApplyRecord["form"] = {
    paymentKind: ctx.read("form.paymentKind", () => {
      if (resolve(s, FORM.fixedMarkers, () => true).value) return "fixed";
      if (resolve(s, FORM.hourlyMarkers, () => true).value) return "hourly";
      return null;
    }),
    profileRate: ctx.read("form.profileRate", () => resolve(s, FORM.profileRate, (t) => (/profile rate/i.test(t) || /\/\s*hr/.test(t) ? parseMoney(t) : null)).value),
    connectsRequired: ctx.read("form.connectsRequired", () => connectsRequired),
    connectsRemaining: ctx.read("form.connectsRemaining", () => resolve(s, FORM.connectsRemaining, (t) => (/remaining|have/i.test(t) ? parseConnects(t) : null)).value),
    coverLetterMaxChars: ctx.read("form.coverLetterMaxChars", () => {
      const left = resolve(s, FORM.charsLeft, (t) => parseCharsLeft(t)).value;
      // The counter counts down from the limit as text is typed; without the field it cannot be undone.
      return left == null || cover == null ? null : left + controlValue(cover).length;
    }),
    questions: ctx.list("form.questions", () => questions),
    canInsert: cover != null,
  };
  const job = parseJobDetailsCard(doc, headings, url, ctx, "job", { connectsRequired, questions });
  return { job, form };
}
