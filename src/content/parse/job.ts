/** Job page and find-work slider → JobRecord. */
import type { JobRecord } from "../../shared/records";
import { collectHeadings } from "../anchors/dom";
import { BID_RANGE_LABEL } from "../anchors/job";
import { Scope, type Ctx } from "../anchors/resolve";
import { parseClient } from "./about-client";
import { parseActivity } from "./activity";
import { parseJobCard } from "./job-card";
import { parseBidRange } from "./values";

export function parseJob(doc: Document, url: string, ctx: Ctx): JobRecord {
  const headings = collectHeadings(doc);
  const job = parseJobCard(doc, headings, url, ctx);
  const activity = parseActivity(doc, headings, ctx);
  const client = parseClient(doc, headings, ctx);
  // Bid range is shown to Freelancer Plus members only.
  const page = new Scope(doc.body);
  const bid = BID_RANGE_LABEL.exec(page.text);
  const bidRange = ctx.read("bidRange", () => (bid ? parseBidRange(bid[1]) : null));
  return { job, client, activity, bidRange };
}
