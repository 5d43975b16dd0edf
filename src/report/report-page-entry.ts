/**
 * The entry of dist/report-page.js, built as one standalone file (scripts/standalone-scripts.ts) and
 * declared nowhere in the manifest: the background injects it into an Upwork tab with
 * `scripting.executeScript` only when the user asks for a page report (the panel's "Report this page",
 * the options page's Diagnostics), then calls the function it defines here. It runs in the extension's
 * isolated world, like the content script, which stays free of this code (its size is a budget).
 */
import { pageSkeleton } from "./skeleton";

globalThis.invitewiseReportPage = (health) => pageSkeleton(document, location.href, health).html;
