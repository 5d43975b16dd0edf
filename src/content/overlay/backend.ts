/** What the overlay asks of the background. The background computes everything; we only show it. */
import type { ParsedPage } from "../../shared/records";
import type { PageParsedReply, RequestOf } from "../../shared/messages";

/** The background's answer to a page read (a type only: the content script carries no zod). */
export type PageScore = PageParsedReply;

/** The page-parsed message (src/shared/messages.ts) as the overlay sends it: with the page it parsed. */
export type PageParsedRequest = Omit<RequestOf<"page-parsed">, "type" | "parsed"> & { parsed: ParsedPage };

export interface Backend {
  pageParsed(request: PageParsedRequest): Promise<PageScore>;
  openDrafts(): Promise<void>;
  declineNote(): Promise<string>;
  /** The redacted skeleton of this tab's page, with the field names of its last parse (src/report/). */
  pageReport(): Promise<string>;
}

export type Parse = (doc: Document, url: string, now: Date) => ParsedPage | null;
