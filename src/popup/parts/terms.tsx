/** The proposed terms, as shown and as copied. */
import { DURATION_LABELS } from "../../drafting/index";
import type { DraftTerms } from "../../shared/draft";
import { money } from "../../shared/intl";

const KIND_LABELS: Record<DraftTerms["kind"], string> = {
  hourly: "Hourly",
  fixed: "Fixed price, by project",
  milestone: "Fixed price, by milestone",
};

export function termsText(terms: DraftTerms): string {
  const lines = [KIND_LABELS[terms.kind]];
  if (terms.kind === "hourly") lines.push(terms.rate != null ? `Rate: ${money(terms.rate)}/hr` : "Rate: [your rate]");
  else lines.push(terms.amount != null ? `Bid: ${money(terms.amount)}` : "Bid: [your bid]");
  terms.milestones.forEach((m, i) => lines.push(`Milestone ${i + 1}: ${m.description} — ${money(m.amount)}`));
  if (terms.duration) lines.push(`Duration: ${DURATION_LABELS[terms.duration]}`);
  return lines.join("\n");
}

export function TermsView({ terms }: { terms: DraftTerms }) {
  return (
    <div class="terms">
      <p>
        <strong>{KIND_LABELS[terms.kind]}</strong>
        {terms.kind === "hourly"
          ? ` · ${terms.rate != null ? `${money(terms.rate)}/hr` : "no rate"}`
          : ` · ${terms.amount != null ? money(terms.amount) : "no bid"}`}
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
