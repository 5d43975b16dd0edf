/** Job page and find-work slider → JobRecord. */
import type { JobRecord } from "../../shared/records";
import { collectHeadings } from "../anchors/dom";
import { BID_RANGE_LABEL } from "../anchors/job";
import type { Ctx } from "../anchors/resolve";
import { parseClient } from "./about-client";
import { parseActivity } from "./activity";
import { parseJobCard } from "./job-card";
import { parseBidRange } from "./values";

export function parseJob(doc: Document, url: string, ctx: Ctx): JobRecord {
  const headings = collectHeadings(doc);
  const job = parseJobCard(doc, headings, url, ctx);
  const activity = parseActivity(doc, headings, ctx);
  const client = parseClient(doc, headings, ctx);
  // Bid range is shown to Freelancer Plus members only, as a heading of its own: never read from the
  // description or the page's whole text, where a post could write a fake one.
  const bidRange = ctx.read("bidRange", () => {
    for (const h of headings) if (BID_RANGE_LABEL.test(h.text)) return parseBidRange(h.text);
    return null;
  });
  return { job, client, activity, bidRange };
}
