/**
 * The page report of a tab: injects the report script (dist/report-page.js, built from
 * src/report/report-page-entry.ts; not a content script, so Upwork pages load it only now) and calls
 * the function it defines with the field health of the tab's last parse. The host permission for
 * Upwork is what lets `scripting` act on the tab: any other page refuses, and so does a closed tab.
 */
import browser from "webextension-polyfill";
import type { FieldHealth } from "../report/health";
import { MAX_REPORT_CHARS } from "../report/limits";
import { injectScript } from "../shared/inject";

export async function reportPage(tabId: number, health: FieldHealth | null): Promise<string> {
  await injectScript(tabId, "report-page.js");
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialised into the tab: it may use only its argument and the global the script above defined.
    // The health crosses as JSON text (Chrome drops null-valued properties of `args`).
    func: (json: string) => globalThis.invitewiseReportPage?.(JSON.parse(json) as FieldHealth | null),
    args: [JSON.stringify(health)],
  });
  const report: unknown = frame?.result;
  if (typeof report !== "string" || report.length > MAX_REPORT_CHARS) throw new Error("the page gave no report");
  return report;
}
