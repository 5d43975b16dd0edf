/** "Insert into proposal": fills the form on the page, then says what was and was not filled. */
import { useState } from "preact/hooks";
import type { InsertResult } from "../../shared/content-messages";
import type { Draft } from "../../shared/draft";
import { insertIntoTab } from "../data";
import { notFilledText } from "../insert-reasons";

export function InsertPanel(props: { tabId: number; draft: Draft }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult | { error: string } | null>(null);
  return (
    <section class="insert" aria-labelledby="insert-heading">
      <h2 id="insert-heading" class="sr-only">
        Insert into the proposal form
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
        {busy ? "Inserting…" : "Insert into proposal"}
      </button>
      <p class="muted">Fills the form on the page; you review and submit it yourself.</p>
      {result && "error" in result && (
        <p class="status error" role="alert">
          {result.error}
        </p>
      )}
      {result && !("error" in result) && (
        <div role="status" data-iw-insert-result>
          {result.filled.length > 0 && <p>Filled: {result.filled.join(", ")}.</p>}
          {result.notFilled.length > 0 && (
            <>
              <p>Not filled:</p>
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
