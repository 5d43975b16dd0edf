/**
 * A page's kind from its content alone, for saved files that carry no address (command line only:
 * the content script always knows the address, so this stays out of its bundle).
 */
import type { PageKind } from "../../shared/records";
import { collectHeadings, qs } from "../anchors/dom";
import { SNIFF } from "../anchors/sniff";

export function sniffKind(doc: Document): PageKind {
  let headings: ReturnType<typeof collectHeadings> | null = null;
  for (const [kind, marker] of SNIFF) {
    if (
      typeof marker === "string"
        ? qs(doc, marker)
        : (headings ??= collectHeadings(doc)).some((h) => marker.test(h.text))
    )
      return kind;
  }
  return "other";
}
