/**
 * The popup: the reply draft for the job in the current tab (or the last invitation opened), with
 * copy buttons, a live letter check, autosave of edits, and "Insert into proposal" on apply pages.
 * Page text is rendered only as text children.
 */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { draftReply } from "../drafting/index";
import { draftInputFor } from "../drafting/input";
import { HostAccessNotice } from "../shared/host-access";
import { loadEdits, draftKey } from "../shared/saved-edits";
import { loadSettings } from "../shared/settings-store";
import { tabPage, targetTabId } from "./data";
import { DraftView, type Loaded } from "./draft-view";
import { POPUP } from "../shared/words/popup";

type State =
  | { status: "loading" }
  | { status: "empty"; message: string }
  | { status: "error"; message: string }
  | ({ status: "ready" } & Loaded);

async function load(): Promise<State> {
  const tabId = await targetTabId(location.search);
  const reply = await tabPage(tabId);
  if (!reply.ok) return { status: "error", message: POPUP.readFailed(reply.error) };
  if (!reply.data)
    return {
      status: "empty",
      message: POPUP.nothingOpen,
    };
  const page = reply.data;
  const input = draftInputFor(page.parsed, page.url);
  if (typeof input === "string")
    return {
      status: "empty",
      message: POPUP.nothingToDraft,
    };
  const { settings, notices } = await loadSettings();
  const draft = draftReply(input, settings);
  const key = draftKey(input.job, page.url);
  const edits = await loadEdits(browser.storage.local, key);
  return { status: "ready", tabId, page, job: input.job, settings, notices, draft, key, edits };
}

export function App() {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    load().then(setState, (e: unknown) =>
      setState({ status: "error", message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return (
    <>
      {/* First: without access to Upwork the rest can only be the last invitation read before. */}
      <div class="access">
        <HostAccessNotice class="hint" />
      </div>
      <Content state={state} />
    </>
  );
}

function Content({ state }: { state: State }) {
  if (state.status === "loading")
    return (
      <p class="status" role="status">
        {POPUP.loading}
      </p>
    );
  if (state.status !== "ready") {
    return (
      <main class="popup">
        <h1 class="title">{POPUP.title}</h1>
        <p class={state.status === "error" ? "status error" : "status"} role="status">
          {state.message}
        </p>
      </main>
    );
  }
  return <DraftView {...state} />;
}
