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

export function Badge(props: BadgeProps) {
  if (props.error) {
    return (
      <span class="badge error" role="status" title="Invitewise could not score this invitation">
        <span aria-hidden="true">–</span> Invitewise: unavailable
      </span>
    );
  }
  if (props.fault) throw new Error("badge fault switch");
  const { fit, urgency } = props;
  const known = fit !== null;
  const left = urgency && urgency.level !== "closed" ? timeLeft(urgency.replyBy, props.now) : null;
  const when = urgency ? LEVEL_LABEL[urgency.level] + (left ? ` · ${left}` : "") : null;
  const fitText = known ? `Fit ${fitHook(fit)}` : "open to score";
  const action = known ? "Open the invitation with its Invitewise panel" : "Open the invitation to score it";
  return (
    <button type="button" class="badge" title={action} aria-label={`Invitewise: ${fitText}${known ? " of 100" : ""}${when ? `, ${when}` : ""}. ${action}: ${props.title}`} onClick={props.onOpen}>
      <span class={`fit tone-${fitTone(fit)}`}>{fitText}</span>
      {when && <span class={`urgency level-${urgency!.level}`}>{when}</span>}
    </button>
  );
}
