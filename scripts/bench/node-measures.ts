/**
 * Score and draft time per invitation, in Node, over the sample records parsed from the sample pages
 * (the same pure functions the background and the popup run). Baseline: JSON.stringify of the same
 * record — the cheapest thing any code does with a record (the messaging layer does it anyway).
 */
import { join } from "node:path";
import { loadPage } from "../../src/cli/load-page";
import { parsePage } from "../../src/content/parse/index";
import { draftReply, type DraftInput } from "../../src/drafting/index";
import { assessPage, type AssessLookup } from "../../src/scoring/assess";
import type { InvitationRecord, ParsedPage } from "../../src/shared/records";
import { defaultSettings } from "../../src/shared/settings";
import { SAMPLE_PAGES, samplePages } from "../extension-browser";
import { invitationsPage, type InvitationsTemplate } from "./pages";
import { timePerCall } from "./stats";

export interface NodeMeasures {
  /** µs per invitation: assessPage of an invitation page (fit + urgency). */
  scoreUs: number;
  /** µs per row: assessPage of a 200-row list whose invitations were all opened before (a fit per row). */
  scoreListRowUs: number;
  /** µs per invitation: draftReply (letter, terms, answers, notes, check). */
  draftUs: number;
  /** µs: JSON.stringify of the invitation record. */
  baselineUs: number;
  /** Parsed pages for the worker's measure: a 500-row list (fills the cache) and the sample invitation. */
  parsed: { list500: ParsedPage; invitation: ParsedPage };
}

async function parseFile(file: string, url: string, now: Date): Promise<ParsedPage | null> {
  const page = await loadPage(file, url);
  try {
    return parsePage(page.document, url, now);
  } finally {
    await page.close();
  }
}

export async function nodeMeasures(t: InvitationsTemplate): Promise<NodeMeasures> {
  const now = new Date("2026-03-09T15:00:00.000Z");
  const settings = defaultSettings();
  const pages = await samplePages();
  const records: InvitationRecord[] = [];
  const drafts: DraftInput[] = [];
  for (const p of pages) {
    if (p.kind !== "invitation" && p.kind !== "job") continue;
    const parsed = await parseFile(join(SAMPLE_PAGES, p.file), p.url, now);
    if (parsed?.kind === "invitation") {
      records.push(parsed.record);
      drafts.push({
        kind: "invitation",
        job: parsed.record.job,
        client: parsed.record.client,
        questions: [],
        invited: true,
      });
    } else if (parsed?.kind === "job") {
      drafts.push({ kind: "job", job: parsed.record.job, client: parsed.record.client, questions: [], invited: false });
    }
  }
  const invitation = records[0];
  if (!invitation) throw new Error("the sample invitation page did not parse");
  const invitationPage: ParsedPage = { kind: "invitation", record: invitation, missing: [], warnings: [] };

  // The 200-row list, parsed from the generated page, every row "opened before".
  const list = await parseList(t, 200, now);
  const list500 = await parseList(t, 500, now);
  const lookup: AssessLookup = {
    invitation: (id) => ({ record: { ...invitation, id }, readAt: now.toISOString(), missing: [] }),
    item: () => null,
    state: () => null,
  };
  const rows = list.record.invitations.length;

  const scoreUs = timePerCall(() => assessPage(invitationPage, settings, now)) * 1000;
  const scoreListRowUs = (timePerCall(() => assessPage(list, settings, now, lookup)) * 1000) / rows;
  let d = 0;
  const draftUs = timePerCall(() => draftReply(drafts[d++ % drafts.length]!, settings)) * 1000;
  const baselineUs = timePerCall(() => JSON.stringify(invitation)) * 1000;
  return { scoreUs, scoreListRowUs, draftUs, baselineUs, parsed: { list500, invitation: invitationPage } };
}

async function parseList(
  t: InvitationsTemplate,
  rows: number,
  now: Date,
): Promise<Extract<ParsedPage, { kind: "invitations" }>> {
  const { Window } = await import("happy-dom");
  const win = new Window({
    url: "https://www.upwork.com/",
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(invitationsPage(t, rows));
  const list = parsePage(doc, "https://www.upwork.com/nx/proposals/", now);
  await win.happyDOM.close();
  if (list?.kind !== "invitations" || list.record.invitations.length !== rows)
    throw new Error(`the generated ${rows}-row list did not parse`);
  return list;
}
