import { useState } from "preact/hooks";
import { diagnosticsReport, type ParseMiss, type StorageNotice } from "../../shared/diagnostics";
import { sendToBackground } from "../../shared/messages";
import browser from "webextension-polyfill";
import { headingId, titleOf } from "../route";

const KIND_LABELS: Record<string, string> = {
  invitations: "Invitations list",
  invitation: "Invitation",
  job: "Job",
  apply: "Proposal form",
  proposal: "Proposal",
  home: "Find work",
};

export function DiagnosticsSection({
  entries,
  storage,
  onCleared,
}: {
  entries: ParseMiss[];
  storage: StorageNotice[];
  onCleared(): void;
}) {
  const [status, setStatus] = useState("");
  const [manual, setManual] = useState<string | null>(null);
  const report = () =>
    diagnosticsReport(
      entries,
      { version: browser.runtime.getManifest().version, userAgent: navigator.userAgent },
      storage,
    );

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setManual(null);
      setStatus("Report copied. Paste it into your bug report.");
    } catch {
      // Clipboard refused (no focus, policy): show the text to copy by hand.
      setManual(text);
      setStatus("Copying was blocked; select the report below and copy it.");
    }
  };

  /** The skeleton of the Upwork page read last (the background picks the tab; src/report/). */
  const copyPageReport = async () => {
    setStatus("Reading the open Upwork page…");
    const reply = await sendToBackground({ type: "get-page-report", tab: "latest" });
    if (reply.ok) return copy(reply.data.report);
    setManual(null);
    setStatus(reply.error);
  };

  return (
    <section id="diagnostics" aria-labelledby={headingId("diagnostics")} data-testid="section-diagnostics">
      <h2 id={headingId("diagnostics")} tabIndex={-1}>
        {titleOf("diagnostics")}
      </h2>
      <p class="intro">
        Upwork pages that were read with some fields missing, read only through a fallback (Upwork renamed what
        Invitewise looks for first), or where the page and the data Upwork embeds in it disagree — usually after Upwork
        changed its layout. Only field names are kept, never page text.
      </p>
      {entries.length === 0 ? (
        <p class="muted" data-testid="diagnostics-empty">
          No pages with missing fields so far.
        </p>
      ) : (
        <div class="table-scroll" tabIndex={0} aria-label="Pages read with missing fields">
          <table data-testid="diagnostics-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Page</th>
                <th scope="col">Missing fields</th>
                <th scope="col">Read through a fallback</th>
                <th scope="col">Page and page data disagree</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={i}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{KIND_LABELS[e.kind] ?? e.kind}</td>
                  <td class="cell-text">
                    {e.missing.join(", ")}
                    {e.more ? ` (+${e.more} more)` : ""}
                  </td>
                  <td class="cell-text">{e.fallbacks?.join(", ") ?? ""}</td>
                  <td class="cell-text">{e.disagreements?.join(", ") ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {storage.length > 0 && (
        <ul data-testid="storage-notices">
          {storage.map((n, i) => (
            <li key={i}>
              <time dateTime={n.at}>{new Date(n.at).toLocaleString()}</time>:{" "}
              {"store" in n ? (
                n.corrupt ? (
                  "the invitation log could not be read and started again empty."
                ) : (
                  `${n.dropped} damaged entries of the invitation log were left out.`
                )
              ) : (
                <>
                  the browser's storage for Invitewise was full. {n.evicted} of the oldest saved pages were removed to
                  make room, and{" "}
                  {n.retried === "ok" ? "the page was then saved." : "the page still could not be saved."}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" data-testid="copy-report" onClick={() => copy(report())}>
          Copy report
        </button>
        <button
          type="button"
          data-testid="clear-diagnostics"
          disabled={entries.length + storage.length === 0}
          onClick={async () => {
            const reply = await sendToBackground({ type: "clear-diagnostics" });
            if (!reply.ok) return setStatus(`Could not clear: ${reply.error}`);
            setStatus("Diagnostics cleared.");
            onCleared();
          }}
        >
          Clear
        </button>
      </div>
      <p class="intro">
        When a page does not read right, a report of the open Upwork page helps us fix it: the page's structure with
        every text reduced to its shape (letters become x, numbers 1 and 0), Upwork's own labels kept, and no scripts,
        form values or addresses of images — what the parsers look for, not what the client or you wrote.
      </p>
      <div class="row">
        <button type="button" data-testid="copy-page-report" onClick={copyPageReport}>
          Copy a report of the open Upwork page
        </button>
      </div>
      <p role="status" class="status" data-testid="diagnostics-status">
        {status}
      </p>
      {manual !== null && (
        <div class="field field--wide">
          <label for="report-text">Report</label>
          <textarea id="report-text" readOnly rows={8} value={manual} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </section>
  );
}
