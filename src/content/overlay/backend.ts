/** What the overlay asks of the background. The background computes everything; we only show it. */
import type { ParsedPage } from "../../shared/records";
import type { PageParsedReply } from "../../shared/messages";
import type { StateText } from "../../state/extract";

/** The background's answer to a page read (a type only: the content script carries no zod). */
export type PageScore = PageParsedReply;

export interface Backend {
  /** `state`: the page's embedded state as text, for the background to decode and merge. */
  /** `offers`: the job titles of the offers the Proposals page lists (its invitations list only). */
  pageParsed(request: {
    url: string;
    readAt: string;
    parsed: ParsedPage;
    state: StateText | null;
    offers?: string[];
  }): Promise<PageScore>;
  openDrafts(): Promise<void>;
  declineNote(): Promise<string>;
  /** The redacted skeleton of this tab's page, with the field names of its last parse (src/report/). */
  pageReport(): Promise<string>;
}

export type Parse = (doc: Document, url: string, now: Date) => ParsedPage | null;
