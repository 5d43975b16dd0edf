/**
 * Page → typed record. `parsePage` never throws on a missing field; whatever it could not read is
 * null and named in `missing`. Records are not validated here (tests and the command line do it)
 * so the content script stays small.
 */
import type { PageKind, ParsedPage } from "../../shared/records";
import { collectHeadings, qs, resetTexts } from "../anchors/dom";
import { Ctx } from "../anchors/resolve";
import { SNIFF } from "../anchors/sniff";
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

/** The kind of a page from its content alone (for a saved file with no address). */
export function sniffKind(doc: Document): PageKind {
  let headings: ReturnType<typeof collectHeadings> | null = null;
  for (const [kind, marker] of SNIFF) {
    if (typeof marker === "string" ? qs(doc, marker) : (headings ??= collectHeadings(doc)).some((h) => marker.test(h.text))) return kind;
  }
  return "other";
}

/** Parses a page of the given address (an empty address: the kind is sniffed). Null for `other`. */
export function parsePage(doc: Document, url: string, now: Date): ParsedPage | null {
  resetTexts();
  const kind = url ? pageKind(url) : sniffKind(doc);
  const parse = PARSERS[kind];
  if (!parse) return null;
  const ctx = new Ctx(now);
  const record = parse(doc, url, ctx);
  return { kind, record, missing: ctx.missing, warnings: ctx.warnings } as ParsedPage;
}

export { pageKind };
