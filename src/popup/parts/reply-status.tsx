import { useState } from "preact/hooks";
import { markInvitation } from "../data";
import { POPUP } from "../../shared/words/popup";

/**
 * Upwork's 24 hours end with a reply (Accept or Decline; Ignore is not one). Invitewise never watches
 * the user's clicks on Upwork, so the user says so here, and the toolbar count drops.
 */
export function ReplyStatus(props: { id: string }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const mark = (state: "replied" | "declined") => async () => {
    const reply = await markInvitation(props.id, state);
    if (!reply.ok) return setStatus({ text: POPUP.markFailed(reply.error), error: true });
    setStatus({ text: POPUP.marked(state, reply.pending) });
  };
  return (
    <section class="reply-status" aria-labelledby="reply-status-heading">
      <h2 id="reply-status-heading" class="sr-only">
        {POPUP.replyHeading}
      </h2>
      <p class="muted">{POPUP.answered}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={mark("replied")}>
          {POPUP.accepted}
        </button>
        <button type="button" class="secondary" onClick={mark("declined")}>
          {POPUP.declined}
        </button>
      </div>
      {status && (
        <p class={status.error ? "status error" : "status"} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}
