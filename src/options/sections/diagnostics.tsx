import { useState } from "preact/hooks";
import { diagnosticsReport, type ParseMiss, type StorageNotice } from "../../shared/diagnostics";
import { sendToBackground } from "../../shared/messages";
import browser from "webextension-polyfill";
import { headingId, titleOf } from "../route";
import { DIAGNOSTICS } from "../../shared/words/options";

const KIND_LABELS = DIAGNOSTICS.kinds;

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
      setStatus(DIAGNOSTICS.copied);
    } catch {
      // Clipboard refused (no focus, policy): show the text to copy by hand.
      setManual(text);
      setStatus(DIAGNOSTICS.blocked);
    }
  };

  /** The skeleton of the Upwork page read last (the background picks the tab; src/report/). */
  const copyPageReport = async () => {
    setStatus(DIAGNOSTICS.readingPage);
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
      <p class="intro">{DIAGNOSTICS.intro}</p>
      {entries.length === 0 ? (
        <p class="muted" data-testid="diagnostics-empty">
          {DIAGNOSTICS.empty}
        </p>
      ) : (
        <div class="table-scroll" tabIndex={0} aria-label={DIAGNOSTICS.table}>
          <table data-testid="diagnostics-table">
            <thead>
              <tr>
                <th scope="col">{DIAGNOSTICS.when}</th>
                <th scope="col">{DIAGNOSTICS.page}</th>
                <th scope="col">{DIAGNOSTICS.missing}</th>
                <th scope="col">{DIAGNOSTICS.fallbacks}</th>
                <th scope="col">{DIAGNOSTICS.disagree}</th>
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
                    {e.more ? DIAGNOSTICS.more(e.more) : ""}
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
              {"store" in n
                ? n.corrupt
                  ? DIAGNOSTICS.logRestarted
                  : DIAGNOSTICS.logDropped(n.dropped)
                : DIAGNOSTICS.storageFull(n.evicted, n.retried === "ok")}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" data-testid="copy-report" onClick={() => copy(report())}>
          {DIAGNOSTICS.copyReport}
        </button>
        <button
          type="button"
          data-testid="clear-diagnostics"
          disabled={entries.length + storage.length === 0}
          onClick={async () => {
            const reply = await sendToBackground({ type: "clear-diagnostics" });
            if (!reply.ok) return setStatus(DIAGNOSTICS.clearFailed(reply.error));
            setStatus(DIAGNOSTICS.cleared);
            onCleared();
          }}
        >
          {DIAGNOSTICS.clear}
        </button>
      </div>
      <p class="intro">{DIAGNOSTICS.pageReportIntro}</p>
      <div class="row">
        <button type="button" data-testid="copy-page-report" onClick={copyPageReport}>
          {DIAGNOSTICS.copyPageReport}
        </button>
      </div>
      <p role="status" class="status" data-testid="diagnostics-status">
        {status}
      </p>
      {manual !== null && (
        <div class="field field--wide">
          <label for="report-text">{DIAGNOSTICS.report}</label>
          <textarea id="report-text" readOnly rows={8} value={manual} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </section>
  );
}
