/** The proposed terms, as shown and as copied. */
import { DURATION_LABELS } from "../../drafting/index";
import type { DraftTerms } from "../../shared/draft";
import { money } from "../../shared/intl";
import { POPUP } from "../../shared/words/popup";

const KIND_LABELS = POPUP.kind;

export function termsText(terms: DraftTerms): string {
  const lines = [KIND_LABELS[terms.kind]];
  if (terms.kind === "hourly") lines.push(POPUP.rateLine(terms.rate != null ? money(terms.rate) : null));
  else lines.push(POPUP.bidLine(terms.amount != null ? money(terms.amount) : null));
  terms.milestones.forEach((m, i) => lines.push(POPUP.milestoneLine(i + 1, m.description, money(m.amount))));
  if (terms.duration) lines.push(POPUP.durationLine(DURATION_LABELS[terms.duration]));
  return lines.join("\n");
}

export function TermsView({ terms }: { terms: DraftTerms }) {
  return (
    <div class="terms">
      <p>
        <strong>{KIND_LABELS[terms.kind]}</strong>
        {terms.kind === "hourly"
          ? ` · ${terms.rate != null ? POPUP.perHour(money(terms.rate)) : POPUP.noRate}`
          : ` · ${terms.amount != null ? money(terms.amount) : POPUP.noBid}`}
        {terms.duration ? ` · ${DURATION_LABELS[terms.duration]}` : ""}
      </p>
      {terms.milestones.length > 0 && (
        <ol class="milestones">
          {terms.milestones.map((m, i) => (
            <li key={i}>
              {m.description} — <strong>{money(m.amount)}</strong>
            </li>
          ))}
        </ol>
      )}
      {terms.notes.length > 0 && (
        <ul class="notes">
          {terms.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
