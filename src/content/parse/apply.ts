/** The apply form (also the invitation-accept form) → ApplyRecord. */
import type { ApplyRecord } from "../../shared/records";
import { collectHeadings, controlValue, qs, qsa, sectionByHeading, visibleText } from "../anchors/dom";
import { FORM, FORM_ROOT } from "../anchors/apply";
import { resolve, resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { parseJobDetailsCard } from "./job-details";
import { parseCharsLeft, parseConnects, parseMoney } from "./values";

const ADDITIONAL = [/^Additional details$/i];
const labelOf = (g: Element) => visibleText(qs(g, "label"));

export function parseApply(doc: Document, url: string, ctx: Ctx): ApplyRecord {
  const headings = collectHeadings(doc);
  const root = resolveElement(doc, FORM_ROOT) ?? doc.body;
  const s = new Scope(root);
  const cover = resolveElement(root, FORM.coverLetter);

  const groups = qsa(root, FORM.questionGroups[0]!);
  const questions = (
    groups.length
      ? groups.map(labelOf)
      : // Labels of the answer boxes in "Additional details", except the cover letter's.
        qsa(sectionByHeading(headings, ADDITIONAL), ".form-group")
          .filter((g) => qs(g, "textarea") && !FORM.coverLetterLabel.test(labelOf(g) ?? ""))
          .map(labelOf)
  ).filter((t): t is string => !!t);
  const connectsRequired = ctx.track(["form.connectsRequired", "job.connectsRequired"], () =>
    resolve(s, FORM.connectsRequired, parseConnects),
  );

  const form = ctx.fields<ApplyRecord["form"]>(
    "form",
    {
      paymentKind: () =>
        resolve(s, FORM.fixedMarkers, () => true)
          ? "fixed"
          : resolve(s, FORM.hourlyMarkers, () => true)
            ? "hourly"
            : null,
      profileRate: () =>
        resolve(s, FORM.profileRate, (t) => (/profile rate/i.test(t) || /\/\s*hr/.test(t) ? parseMoney(t) : null)),
      connectsRequired: () => connectsRequired,
      connectsRemaining: () =>
        resolve(s, FORM.connectsRemaining, (t) => (/remaining|have/i.test(t) ? parseConnects(t) : null)),
      coverLetterMaxChars: () => {
        const left = resolve(s, FORM.charsLeft, parseCharsLeft);
        // The counter counts down from the limit as text is typed; without the field it cannot be undone.
        if (left == null || cover == null) return null;
        const typed = controlValue(cover).length;
        // Upwork's limits are round: an empty field beside an odd count means text was typed that this
        // copy of the page does not hold (a saved page keeps no typed value), so the limit is unknown.
        if (typed === 0 && left % 100 !== 0) {
          ctx.warn(
            "form.coverLetterMaxChars",
            `the counter says ${left} characters left but the letter field is empty`,
          );
          return null;
        }
        return left + typed;
      },
      questions: () => questions,
      canInsert: () => cover != null,
    },
    ["questions"],
  );
  const job = parseJobDetailsCard(doc, headings, url, ctx, "job", { connectsRequired, questions });
  return { job, form };
}
