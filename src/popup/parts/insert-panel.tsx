/** "Insert into proposal": fills the form on the page, then says what was and was not filled. */
import { useState } from "preact/hooks";
import type { InsertResult } from "../../shared/content-messages";
import type { Draft } from "../../shared/draft";
import { insertIntoTab } from "../data";
import { notFilledText } from "../../shared/words/insert";
import { POPUP } from "../../shared/words/popup";

export function InsertPanel(props: { tabId: number; draft: Draft }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult | { error: string } | null>(null);
  return (
    <section class="insert" aria-labelledby="insert-heading">
      <h2 id="insert-heading" class="sr-only">
        {POPUP.insertHeading}
      </h2>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const { coverLetter, terms, answers } = props.draft;
          const reply = await insertIntoTab(props.tabId, { coverLetter, terms, answers });
          setResult(reply.ok ? reply.data : { error: reply.error });
          setBusy(false);
        }}
      >
        {busy ? POPUP.inserting : POPUP.insert}
      </button>
      <p class="muted">{POPUP.insertNote}</p>
      {result && "error" in result && (
        <p class="status error" role="alert">
          {result.error}
        </p>
      )}
      {result && !("error" in result) && (
        <div role="status" data-iw-insert-result>
          {result.filled.length > 0 && <p>{POPUP.filled(result.filled)}</p>}
          {result.notFilled.length > 0 && (
            <>
              <p>{POPUP.notFilled}</p>
              <ul class="issues">
                {result.notFilled.map((n) => (
                  <li key={n.field}>
                    <strong>{n.field}</strong>: {notFilledText(n)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
