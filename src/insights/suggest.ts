/**
 * A score that learns the user's choices: the fit score against what the user actually did. Finds the
 * decline threshold that agrees best with the replies (accepted at or over it, declined under it) and
 * offers it only when it agrees clearly better than the current one, on enough replies of both kinds.
 * It never applies anything: the Insights page shows the evidence, the user applies or dismisses.
 */
import type { LogEntry } from "../shared/invitation-log";
import { INSIGHTS } from "../shared/words/insights";

/** Fewest scored replies, and of each kind, before anything is suggested. */
export const MIN_REPLIES = 10;
export const MIN_OF_EACH = 3;
const STEP = 5;

export interface ThresholdEvidence {
  threshold: number;
  /** Accepted at or over the threshold, of all accepted; declined under it, of all declined. */
  acceptedOver: number;
  accepted: number;
  declinedUnder: number;
  declined: number;
  /** Replies the threshold agrees with: accepted over it plus declined under it. */
  agreement: number;
}

export interface FactorSeparation {
  id: string;
  /** Mean share of the factor's weight earned by the accepted and by the declined invitations. */
  accepted: number;
  declined: number;
}

export interface Learned {
  /** Scored invitations with a reply. */
  replies: number;
  current: ThresholdEvidence;
  /** Accepted under the current threshold, and declined at or over it: where the score and the user differ. */
  acceptedUnder: number;
  declinedOver: number;
  /** The better threshold, or null when none is clearly better (or too few replies). */
  suggestion: ThresholdEvidence | null;
  /** Factors by how well they separate accepted from declined, best first. */
  factors: FactorSeparation[];
}

type Scored = { score: number; accepted: boolean; factors: Record<string, number> };

function evidence(scored: readonly Scored[], threshold: number): ThresholdEvidence {
  const accepted = scored.filter((s) => s.accepted);
  const declined = scored.filter((s) => !s.accepted);
  const acceptedOver = accepted.filter((s) => s.score >= threshold).length;
  const declinedUnder = declined.filter((s) => s.score < threshold).length;
  return {
    threshold,
    acceptedOver,
    accepted: accepted.length,
    declinedUnder,
    declined: declined.length,
    agreement: acceptedOver + declinedUnder,
  };
}

export function learnFromReplies(entries: readonly LogEntry[], currentThreshold: number): Learned {
  const scored: Scored[] = entries.flatMap((e) =>
    e.reply && e.fit && e.fit.score !== null
      ? [{ score: e.fit.score, accepted: e.reply.kind === "accepted", factors: e.fit.factors }]
      : [],
  );
  const current = evidence(scored, currentThreshold);
  let best = current;
  for (let t = STEP; t < 100; t += STEP) {
    const e = evidence(scored, t);
    // Ties go to the threshold nearest the current one: change as little as the evidence asks.
    if (
      e.agreement > best.agreement ||
      (e.agreement === best.agreement && Math.abs(t - currentThreshold) < Math.abs(best.threshold - currentThreshold))
    )
      best = e;
  }
  const enough = scored.length >= MIN_REPLIES && current.accepted >= MIN_OF_EACH && current.declined >= MIN_OF_EACH;
  const margin = Math.max(2, Math.ceil(scored.length / 10));
  const suggestion =
    enough && best.threshold !== currentThreshold && best.agreement - current.agreement >= margin ? best : null;

  const ids = [...new Set(scored.flatMap((s) => Object.keys(s.factors)))];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const factors = ids
    .flatMap((id) => {
      const of = (accepted: boolean) =>
        scored.flatMap((s) => (s.accepted === accepted && s.factors[id] !== undefined ? [s.factors[id]] : []));
      const [a, d] = [of(true), of(false)];
      return a.length >= 2 && d.length >= 2 ? [{ id, accepted: mean(a), declined: mean(d) }] : [];
    })
    .sort((x, y) => Math.abs(y.accepted - y.declined) - Math.abs(x.accepted - x.declined));

  return {
    replies: scored.length,
    current,
    acceptedUnder: current.accepted - current.acceptedOver,
    declinedOver: current.declined - current.declinedUnder,
    suggestion,
    factors,
  };
}

/** The suggestion in words, with its evidence: "You accepted 9 of 10 invitations scoring 45 or more …". */
export function suggestionText(learned: Learned): string | null {
  const s = learned.suggestion;
  if (!s) return null;
  return INSIGHTS.suggestion(s, learned.current, learned.replies);
}
