/**
 * The Insights page: what the invitation log says about how fast the user answers, what they accept
 * and what it brought, and a decline threshold learnt from their replies — offered, never applied
 * without a click. Reads the log and the settings itself; outcomes go through the worker (the log's
 * writer), the threshold through the settings store like the options page.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { LOG_KEY, logToCsv, parseStoredLog, type LogEntry, type OutcomeKind } from "../shared/invitation-log";
import { sendToBackground } from "../shared/messages";
import { factorLabel } from "../shared/words";
import { loadSettings, saveSettings } from "../shared/settings-store";
import { BarChart } from "./charts";
import { computeInsights, formatDuration, type Insights } from "./stats";
import { learnFromReplies, suggestionText, type Learned } from "./suggest";

/** A suggestion the user dismissed stays dismissed while the evidence points to the same change. */
export const DISMISSED_KEY = "iw:insights:dismissed";

const percent = (x: number) => `${Math.round(x * 100)}%`;

interface Loaded {
  entries: LogEntry[];
  sample: boolean;
  dropped: number;
  threshold: number;
  dismissed: { threshold: number; current: number } | null;
}

async function load(): Promise<Loaded> {
  const stored = await browser.storage.local.get([LOG_KEY, DISMISSED_KEY]);
  const log = parseStoredLog(stored[LOG_KEY]);
  const { settings } = await loadSettings();
  const d = stored[DISMISSED_KEY] as { threshold?: unknown; current?: unknown } | undefined;
  const dismissed =
    d && typeof d.threshold === "number" && typeof d.current === "number"
      ? { threshold: d.threshold, current: d.current }
      : null;
  return {
    entries: log.entries,
    sample: log.sample,
    dropped: log.dropped + (log.corrupt ? 1 : 0),
    threshold: settings.scoring.thresholds.declineBelow,
    dismissed,
  };
}

export function App() {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const reload = useCallback(
    () => load().then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e))),
    [],
  );
  useEffect(() => {
    void reload();
    // The worker adds to the log as the user reads pages: the page follows.
    const changed = (changes: Record<string, unknown>) => {
      if (LOG_KEY in changes || Object.keys(changes).some((k) => k.startsWith("settings."))) void reload();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [reload]);

  if (error) return <p class="status error">Could not read the invitation log: {error}</p>;
  if (!data) return <p class="muted">Reading the invitation log…</p>;
  const now = new Date();
  const insights = computeInsights(data.entries, now);
  const learned = learnFromReplies(data.entries, data.threshold);

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([logToCsv(data.entries)], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `invitewise-invitations-${now.toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <main id="main" data-testid="insights-ready">
      <header class="top">
        <h1>Invitewise insights</h1>
        <p class="muted">
          From the invitations your opened Upwork pages showed, kept in this browser only. Nothing is fetched to learn
          it.
        </p>
        {data.sample && (
          <p class="notice" data-testid="sample-data">
            <strong>Sample data:</strong> this log was seeded by the demo from the sample pages. It is not yours.
          </p>
        )}
        {data.dropped > 0 && (
          <p class="notice" role="status">
            Part of the log was damaged and left out (see Diagnostics in the settings).
          </p>
        )}
        {status && (
          <p class="status" role="status">
            {status}
          </p>
        )}
      </header>
      <Summary insights={insights} />
      <Charts insights={insights} />
      <BestClients insights={insights} />
      <LearnedThreshold
        learned={learned}
        dismissed={data.dismissed}
        onApply={async (threshold) => {
          try {
            const { settings } = await loadSettings();
            settings.scoring.thresholds.declineBelow = threshold;
            await saveSettings(settings);
            setStatus(`Decline threshold set to ${threshold}.`);
            await reload();
          } catch (e) {
            setStatus(`Could not save the threshold: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
        onDismiss={async (threshold) => {
          await browser.storage.local.set({ [DISMISSED_KEY]: { threshold, current: data.threshold } });
          setStatus("Suggestion dismissed. Nothing was changed.");
          await reload();
        }}
      />
      <Outcomes
        entries={data.entries}
        onMark={async (id, outcome) => {
          const reply = await sendToBackground({ type: "set-invitation-outcome", id, outcome });
          setStatus(reply.ok ? "Outcome saved." : `Could not save that: ${reply.error}`);
          await reload();
        }}
      />
      <section aria-labelledby="h-export">
        <h2 id="h-export">Your log</h2>
        <p>
          {data.entries.length} invitations logged (at most 5,000, two years; the oldest go first). The settings export
          carries the log too.
        </p>
        <div class="row">
          <button type="button" data-testid="export-csv" onClick={exportCsv} disabled={data.entries.length === 0}>
            Export as CSV
          </button>
          <a href="../options/index.html#backup">Settings export and import</a>
        </div>
      </section>
    </main>
  );
}

/** The four charts: volume, time to reply, replies and outcomes by fit band. */
export function Charts({ insights }: { insights: Insights }) {
  return (
    <>
      <section aria-labelledby="h-volume">
        <h2 id="h-volume">Invitations per week</h2>
        <BarChart
          id="weeks"
          title="Invitations per week"
          description={
            insights.weeks.length
              ? `${insights.total} invitations over ${insights.weeks.length} weeks, at most ${Math.max(...insights.weeks.map((w) => w.count))} in a week.`
              : "No invitations yet."
          }
          categories={insights.weeks.map((w) => w.week.slice(5))}
          series={[{ name: "Invitations", values: insights.weeks.map((w) => w.count), className: "series-1" }]}
          categoryHeading="Week from (month-day)"
          empty="No invitations logged yet: open the Proposals page on Upwork and they will show here."
        />
      </section>
      <section aria-labelledby="h-reply">
        <h2 id="h-reply">Time to reply</h2>
        <BarChart
          id="reply"
          title="Time to reply"
          description={
            insights.reply.answered
              ? `${insights.reply.answered} replies; median ${formatDuration(insights.reply.medianMs!)}; ${insights.reply.within24h} within 24 hours.`
              : "No replies yet."
          }
          categories={insights.reply.buckets.map((b) => b.label)}
          series={[{ name: "Replies", values: insights.reply.buckets.map((b) => b.count), className: "series-1" }]}
          categoryHeading="Time to reply"
          empty="No replies logged yet: mark your replies in the popup (“I accepted it” / “I declined it”)."
        />
        {insights.reply.seenOnPage > 0 && (
          <p class="muted">
            {insights.reply.seenOnPage} of the replies were learnt from the invitation page's status when you opened it
            again: their time is at most that long.
          </p>
        )}
      </section>
      <section aria-labelledby="h-bands">
        <h2 id="h-bands">What you accept, by fit</h2>
        <BarChart
          id="replies-by-band"
          title="Accepted and declined by fit band"
          description={insights.bands
            .map((b) => `${b.label}: ${b.accepted} accepted, ${b.declined} declined`)
            .join("; ")}
          categories={insights.bands.map((b) => b.label)}
          series={[
            { name: "Accepted", values: insights.bands.map((b) => b.accepted), className: "series-1" },
            { name: "Declined", values: insights.bands.map((b) => b.declined), className: "series-2" },
          ]}
          categoryHeading="Fit band"
          empty="No replies logged yet."
        />
        <BarChart
          id="outcomes-by-band"
          title="Offers and hires by fit band"
          description={insights.bands.map((b) => `${b.label}: ${b.offers} offers, ${b.hired} hired`).join("; ")}
          categories={insights.bands.map((b) => b.label)}
          series={[
            { name: "Offers", values: insights.bands.map((b) => b.offers), className: "series-1" },
            { name: "Hired", values: insights.bands.map((b) => b.hired), className: "series-3" },
          ]}
          categoryHeading="Fit band"
          empty="No offers or hires logged yet: offers show when you open the Proposals page; mark hires below."
        />
      </section>
    </>
  );
}

export function Summary({ insights }: { insights: Insights }) {
  const r = insights.reply;
  return (
    <section aria-labelledby="h-summary">
      <h2 id="h-summary" class="sr-only">
        Summary
      </h2>
      <dl class="figures" data-testid="summary">
        <div>
          <dt>Invitations</dt>
          <dd data-testid="figure-total">{insights.total}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd data-testid="figure-answered">{r.answered}</dd>
        </div>
        <div>
          <dt>Median time to reply</dt>
          <dd data-testid="figure-median">{r.medianMs === null ? "–" : formatDuration(r.medianMs)}</dd>
        </div>
        <div>
          <dt>Answered within 24 h</dt>
          <dd data-testid="figure-24h">
            {r.share24h === null ? "–" : `${percent(r.share24h)} (${r.within24h} of ${r.due})`}
          </dd>
        </div>
      </dl>
      <p class="muted">
        Upwork counts the share of invitations answered within 24 hours; declining politely counts as an answer.
      </p>
    </section>
  );
}

function BestClients({ insights }: { insights: Insights }) {
  const shared = insights.sharedFactors.filter((f) => f.best - f.others >= 0.1).slice(0, 4);
  return (
    <section aria-labelledby="h-best">
      <h2 id="h-best">The clients behind your best outcomes</h2>
      {insights.best.length === 0 ? (
        <p class="muted">No offers or hires logged yet.</p>
      ) : (
        <>
          {shared.length > 0 && (
            <p data-testid="shared-factors">
              What they shared:{" "}
              {shared
                .map((f) => `${factorLabel(f.id)} (${percent(f.best)} of its points, against ${percent(f.others)})`)
                .join("; ")}
              .
            </p>
          )}
          <table data-testid="best-clients">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Fit</th>
                <th scope="col">Outcome</th>
                <th scope="col">Strong on</th>
              </tr>
            </thead>
            <tbody>
              {insights.best.slice(0, 10).map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.title ?? `Invitation ${b.id}`}</th>
                  <td>{b.score ?? "–"}</td>
                  <td>{b.outcome === "hired" ? "Hired" : "Offer"}</td>
                  <td>{b.strong.map(factorLabel).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function LearnedThreshold(props: {
  learned: Learned;
  dismissed: { threshold: number; current: number } | null;
  onApply: (threshold: number) => Promise<void>;
  onDismiss: (threshold: number) => Promise<void>;
}) {
  const { learned, dismissed } = props;
  const s = learned.suggestion;
  const shown = s && !(dismissed?.threshold === s.threshold && dismissed.current === learned.current.threshold);
  const top = learned.factors.slice(0, 3);
  return (
    <section aria-labelledby="h-learn">
      <h2 id="h-learn">Your score against your choices</h2>
      {learned.replies === 0 ? (
        <p class="muted">No scored invitation has a reply yet.</p>
      ) : (
        <p data-testid="agreement">
          Of your {learned.replies} replies to scored invitations, you accepted {learned.acceptedUnder} scoring under
          your decline threshold ({learned.current.threshold}) and declined {learned.declinedOver} at or over it.
        </p>
      )}
      {top.length > 0 && (
        <p data-testid="separating-factors">
          What separates what you accept from what you decline most:{" "}
          {top
            .map(
              (f) =>
                `${factorLabel(f.id)} (accepted ${percent(f.accepted)} of its points, declined ${percent(f.declined)})`,
            )
            .join("; ")}
          .
        </p>
      )}
      {shown && s ? (
        <div class="suggestion" data-testid="suggestion" role="group" aria-labelledby="suggestion-text">
          <p id="suggestion-text">{suggestionText(learned)}</p>
          <div class="row">
            <button type="button" data-testid="suggestion-apply" onClick={() => void props.onApply(s.threshold)}>
              Set it to {s.threshold}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="suggestion-dismiss"
              onClick={() => void props.onDismiss(s.threshold)}
            >
              Dismiss
            </button>
          </div>
        </div>
      ) : (
        learned.replies > 0 && (
          <p class="muted" data-testid="no-suggestion">
            No change to suggest:{" "}
            {s
              ? "you dismissed the last suggestion."
              : "the threshold fits your replies, or there are too few of them yet (10, with 3 of each kind)."}
          </p>
        )
      )}
    </section>
  );
}

const OUTCOMES: Array<{ kind: OutcomeKind; label: string }> = [
  { kind: "hired", label: "Hired" },
  { kind: "not-hired", label: "Not hired" },
  { kind: "no-answer", label: "No answer" },
];

function Outcomes(props: { entries: LogEntry[]; onMark: (id: string, outcome: OutcomeKind | null) => Promise<void> }) {
  const accepted = props.entries
    .filter((e) => e.reply?.kind === "accepted")
    .sort((a, b) => (a.reply!.at < b.reply!.at ? 1 : -1))
    .slice(0, 20);
  return (
    <section aria-labelledby="h-outcomes">
      <h2 id="h-outcomes">What your accepted invitations brought</h2>
      {accepted.length === 0 ? (
        <p class="muted">No accepted invitation logged yet.</p>
      ) : (
        <table data-testid="outcomes">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Accepted</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {accepted.map((e) => (
              <tr key={e.id} data-invitation={e.id}>
                <th scope="row">{e.title ?? `Invitation ${e.id}`}</th>
                <td>
                  <time dateTime={e.reply!.at}>{e.reply!.at.slice(0, 10)}</time>
                </td>
                <td>
                  <div class="row" role="group" aria-label={`Outcome of ${e.title ?? `invitation ${e.id}`}`}>
                    {e.outcome?.kind === "offer" && <span class="mark">Offer seen</span>}
                    {OUTCOMES.map((o) => (
                      <button
                        key={o.kind}
                        type="button"
                        class="secondary small"
                        aria-pressed={e.outcome?.kind === o.kind}
                        onClick={() => void props.onMark(e.id, e.outcome?.kind === o.kind ? null : o.kind)}
                      >
                        {o.label}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
