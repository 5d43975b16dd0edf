/**
 * Page → typed record. `parsePage` never throws on a missing field; whatever it could not read is
 * null and named in `missing`. Records are not validated here (tests and the command line do it)
 * so the content script stays small.
 */
import type { PageKind, ParsedPage } from "../../shared/records";
import { collectHeadings, qs } from "../anchors/dom";
import { Ctx } from "../anchors/resolve";
import { SNIFF } from "../anchors/sniff";
import { pageKind } from "../routes";
import { parseApply } from "./apply";
import { parseHome } from "./home";
import { parseInvitation } from "./invitation";
import { parseInvitations } from "./invitations";
import { parseJob } from "./job";
import { parseProposal } from "./proposal";

/** The kind of a page from its content alone (for a saved file with no address). */
export function sniffKind(doc: Document): PageKind {
  let headings: ReturnType<typeof collectHeadings> | null = null;
  for (const [kind, marker] of SNIFF) {
    if (typeof marker === "string") {
      if (qs(doc, marker)) return kind;
    } else {
      headings ??= collectHeadings(doc);
      if (headings.some((h) => marker.test(h.text))) return kind;
    }
  }
  return "other";
}

/** Parses a page of the given address (an empty address: the kind is sniffed). Null for `other`. */
export function parsePage(doc: Document, url: string, now: Date): ParsedPage | null {
  const kind = url ? pageKind(url) : sniffKind(doc);
  const ctx = new Ctx(now);
  const done = <K extends ParsedPage["kind"], R>(k: K, record: R) =>
    ({ kind: k, record, missing: ctx.missing, warnings: ctx.warnings }) as unknown as ParsedPage;
  switch (kind) {
    case "invitations":
      return done(kind, parseInvitations(doc, ctx));
    case "invitation":
      return done(kind, parseInvitation(doc, url, ctx));
    case "apply":
      return done(kind, parseApply(doc, url, ctx));
    case "proposal":
      return done(kind, parseProposal(doc, url, ctx));
    case "job":
      return done(kind, parseJob(doc, url, ctx));
    case "home":
      return done(kind, parseHome(doc, ctx));
    default:
      return null;
  }
}

export { pageKind };
