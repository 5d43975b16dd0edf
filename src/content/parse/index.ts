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

type PageOf<K extends ParsedPage["kind"]> = Extract<ParsedPage, { kind: K }>;

/** Each page kind's parser, typed by the record that kind holds (records.ts): a parser wired to the wrong kind does not compile. */
const PARSERS: { [K in ParsedPage["kind"]]: (doc: Document, url: string, ctx: Ctx) => PageOf<K>["record"] } = {
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
  if (kind === "other") return null;
  const parse = PARSERS[kind];
  const ctx = new Ctx(now);
  const record = parse(doc, url, ctx);
  return {
    kind,
    record,
    missing: ctx.missing,
    warnings: ctx.warnings,
    anchors: ctx.anchors,
    fallbacks: ctx.fallbacks,
    // TypeScript cannot correlate `kind` with `record` through the map (one cast, checked by the map's type).
  } as ParsedPage;
}

export { pageKind };
