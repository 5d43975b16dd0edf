/**
 * Page → typed record. `parsePage` never throws on a missing field; whatever it could not read is
 * null and named in `missing`. Records are not validated here (tests and the command line do it)
 * so the content script stays small.
 */
import type { PageKind, ParsedPage } from "../../shared/records";
import { resetTexts } from "../anchors/dom";
import { Ctx } from "../anchors/resolve";
import { pageKind } from "../routes";
import { parseApply } from "./apply";
import { parseHome } from "./home";
import { parseInvitation } from "./invitation";
import { parseInvitations } from "./invitations";
import { parseJob } from "./job";
import { parseProposal } from "./proposal";

const PARSERS: Record<string, (doc: Document, url: string, ctx: Ctx) => unknown> = {
  invitations: parseInvitations,
  invitation: parseInvitation,
  apply: parseApply,
  proposal: parseProposal,
  job: parseJob,
  home: parseHome,
};

/**
 * Parses a page of the given address as `kind` (by default the address's kind; a saved file with no
 * address passes the kind `sniffKind` found). Null for `other`.
 */
export function parsePage(doc: Document, url: string, now: Date, kind: PageKind = pageKind(url)): ParsedPage | null {
  resetTexts();
  const parse = PARSERS[kind];
  if (!parse) return null;
  const ctx = new Ctx(now);
  const record = parse(doc, url, ctx);
  return {
    kind,
    record,
    missing: ctx.missing,
    warnings: ctx.warnings,
    anchors: ctx.anchors,
    fallbacks: ctx.fallbacks,
  } as ParsedPage;
}

export { pageKind };
