/** The compact badge beside an invitation row: fit (or "open to score") and urgency. */
import type { InvitationUrgency } from "../../shared/score";
import { fitHook, fitTone, LEVEL_LABEL, timeLeft } from "./format";

export interface BadgeProps {
  title: string;
  /** The fit score; null while the invitation has not been opened (we never fetch it). */
  fit: number | null;
  urgency: InvitationUrgency | null;
  /** Our code or the background failed for this row: a quiet state, Upwork's row untouched. */
  error: boolean;
  now: Date;
  /** Opens the invitation (its page shows the panel; opening is also what scores it). */
  onOpen?: () => void;
  /** Test-only fault switch: throw while rendering. */
  fault?: boolean | undefined;
}

/** Deliberately flat (a button and two spans): 200 of these render in one frame. */
export function Badge({ title, fit, urgency, error, now, onOpen, fault }: BadgeProps) {
  if (error)
    return (
      <span class="badge error" role="status" title="Invitewise could not score this invitation">
        – Invitewise: unavailable
      </span>
    );
  if (fault) throw new Error("badge fault switch");
  const level = urgency?.level;
  const left = level && level !== "closed" ? timeLeft(urgency.replyBy, now) : null;
  const when = level ? LEVEL_LABEL[level] + (left ? ` · ${left}` : "") : "";
  const fitText = fit === null ? "open to score" : `Fit ${fitHook(fit)}`;
  const action = fit === null ? "Open the invitation to score it" : "Open the invitation with its Invitewise panel";
  return (
    <button class="badge" title={action} aria-label={`Invitewise: ${fitText}${fit === null ? "" : " of 100"}${when && `, ${when}`}. ${action}: ${title}`} onClick={onOpen}>
      <span class={`t ${fitTone(fit)}`}>{fitText}</span>
      {when && <span class={`urgency ${level}`}>{when}</span>}
    </button>
  );
}
