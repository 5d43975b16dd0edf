/** A submitted proposal → ProposalRecord. */
import type { ProposalRecord } from "../../shared/records";
import { collectHeadings, qs, qsa, sectionByHeading, visibleLines, visibleText } from "../anchors/dom";
import { PROPOSAL } from "../anchors/proposal";
import { resolveElement, type Ctx } from "../anchors/resolve";
import { proposalIdFromUrl } from "../routes";
import { parseJobDetailsCard } from "./job-details";
import { parseMoney } from "./values";

export function parseProposal(doc: Document, url: string, ctx: Ctx): ProposalRecord {
  const headings = collectHeadings(doc);
  // From the address: a saved page without one has no id, said as missing (never a made-up one).
  const id = ctx.read("id", () => proposalIdFromUrl(url));
  const termsEl = resolveElement(doc, PROPOSAL.terms) ?? sectionByHeading(headings, PROPOSAL.termsHeadings);
  const t = visibleText(termsEl) ?? "";
  /** The figure in the block a label heads (label and figure share a parent), else right after the label. */
  const term = (label: RegExp, text: RegExp): number | null => {
    const strong = qsa(termsEl, PROPOSAL.termLabel).find((el) => label.test(visibleText(el) ?? ""));
    if (strong) return parseMoney((visibleText(strong.parentElement) ?? "").slice((visibleText(strong) ?? "").length));
    return parseMoney(text.exec(t)?.[1]);
  };
  const hasLabel = (re: RegExp) => qsa(termsEl, PROPOSAL.termLabel).some((el) => re.test(visibleText(el) ?? ""));
  const hourly =
    termsEl?.getAttribute("data-test") === "terms-review-hourly" ||
    hasLabel(PROPOSAL.hourlyRate) ||
    PROPOSAL.hourlyRateText.test(t);
  const fixed = !hourly && /By project|By milestone|\bBid\b/i.test(t);
  const kind = hourly ? "hourly" : fixed ? "fixed" : null;
  const terms: ProposalRecord["terms"] = {
    kind: ctx.read("terms.kind", () => kind),
    rate: kind === "fixed" ? null : ctx.read("terms.rate", () => term(PROPOSAL.hourlyRate, PROPOSAL.hourlyRateText)),
    amount: kind === "hourly" ? null : ctx.read("terms.amount", () => term(PROPOSAL.fixedBid, PROPOSAL.fixedBidText)),
  };
  const coverEl =
    resolveElement(doc, PROPOSAL.coverLetter) ?? qs(sectionByHeading(headings, PROPOSAL.coverHeadings), "p");
  return {
    id,
    job: parseJobDetailsCard(doc, headings, url, ctx),
    terms,
    coverLetter: ctx.read("coverLetter", () => visibleLines(coverEl)),
  };
}
