/** The live check of the cover letter: counts, what the client sees first, keywords and issues. */
import type { checkLetter } from "../../drafting/index";
import { POPUP } from "../../shared/words/popup";

export function LetterCheckView({ check }: { check: ReturnType<typeof checkLetter> }) {
  return (
    <div class="check" aria-live="polite" data-iw-check>
      <p class="counts">{POPUP.counts(check.chars, check.words)}</p>
      <p class="preview-label">{POPUP.seenFirst}</p>
      <blockquote class="preview">{check.preview}</blockquote>
      {(check.keywords.covered.length > 0 || check.keywords.missing.length > 0) && (
        <p class="keywords">
          {POPUP.keywords}{" "}
          {check.keywords.covered.map((k) => (
            <span class="kw ok" key={k}>
              ✓ {k}
            </span>
          ))}
          {check.keywords.missing.map((k) => (
            <span class="kw missing" key={k}>
              ✗ {k}
            </span>
          ))}
        </p>
      )}
      {check.issues.length > 0 ? (
        <ul class="issues">
          {check.issues.map((i, n) => (
            <li key={`${i.id}-${n}`} data-issue={i.id}>
              {i.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">{POPUP.noIssues}</p>
      )}
    </div>
  );
}
