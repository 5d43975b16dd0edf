import { useState } from "preact/hooks";
import { markInvitation } from "../data";

/**
 * Upwork's 24 hours end with a reply (Accept or Decline; Ignore is not one). Invitewise never watches
 * the user's clicks on Upwork, so the user says so here, and the toolbar count drops.
 */
export function ReplyStatus(props: { id: string }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const mark = (state: "replied" | "declined") => async () => {
    const reply = await markInvitation(props.id, state);
    if (!reply.ok) return setStatus({ text: `Could not save that: ${reply.error}`, error: true });
    const left =
      reply.pending === 0
        ? "No invitation is"
        : reply.pending === 1
          ? "1 invitation is"
          : `${reply.pending} invitations are`;
    setStatus({ text: `Marked as ${state}. ${left} still waiting for a reply within 24 hours.` });
  };
  return (
    <section class="reply-status" aria-labelledby="reply-status-heading">
      <h2 id="reply-status-heading" class="sr-only">
        Your reply on Upwork
      </h2>
      <p class="muted">Answered this invitation on Upwork?</p>
      <div class="row">
        <button type="button" class="secondary" onClick={mark("replied")}>
          I accepted it
        </button>
        <button type="button" class="secondary" onClick={mark("declined")}>
          I declined it
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
