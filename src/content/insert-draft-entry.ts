/**
 * The entry of dist/insert-draft.js, built as one standalone file (scripts/standalone-scripts.ts)
 * and declared nowhere in the manifest: the popup injects it into the Upwork tab with
 * `browser.scripting.executeScript` only when the user clicks "Insert into proposal", then calls the
 * function it defines here. Both run in the extension's isolated world, like the content script;
 * the page's own scripts cannot see or call it. Injecting it again just redefines the function.
 */
import { insertDraftReply } from "./insert-draft";

globalThis.invitewiseInsertDraft = (draft: unknown) => insertDraftReply(document, draft);
