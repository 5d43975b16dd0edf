/** What the overlay asks of the background. The background computes everything; we only show it. */
import type { ParsedPage } from "../../shared/records";
import type { Fit, InvitationUrgency, Urgency } from "../../shared/score";
import type { StateText } from "../../state/extract";

export interface PageScore {
  fit: Fit | null;
  urgency: Urgency | null;
  /** `detail`: an opened invitation's whole fit and unread fields, for the panel its badge opens. */
  invitations: Array<{ id: string; fit: number | null; urgency: InvitationUrgency; detail: { fit: Fit; missing: string[] } | null }> | null;
  missing: string[];
}

export interface Backend {
  /** `state`: the page's embedded state as text, for the background to decode and merge. */
  pageParsed(request: { url: string; readAt: string; parsed: ParsedPage; state: StateText | null }): Promise<PageScore>;
  openDrafts(): Promise<void>;
  declineNote(): Promise<string>;
  /** The redacted skeleton of this tab's page, with the field names of its last parse (src/report/). */
  pageReport(): Promise<string>;
}

export type Parse = (doc: Document, url: string, now: Date) => ParsedPage | null;
