/**
 * The Insights page: what the invitation log says about how fast the user answers, what they accept
 * and what it brought, and a decline threshold learnt from their replies — offered, never applied
 * without a click. Reads the log and the settings itself; outcomes go through the worker (the log's
 * writer), the threshold through the settings store like the options page.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { logChanged, logToCsv, readLog, type LogEntry, type OutcomeKind } from "../shared/invitation-log";
import { sendToBackground } from "../shared/messages";
import { factorLabel, INSIGHTS as W } from "../shared/words";
import { moment } from "../shared/intl";
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
  const [log, stored] = await Promise.all([readLog(browser.storage.local), browser.storage.local.get(DISMISSED_KEY)]);
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
      if (logChanged(changes) || Object.keys(changes).some((k) => k.startsWith("settings."))) void reload();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [reload]);

  if (error) return <p class="status error">{W.readFailed(error)}</p>;
  if (!data) return <p class="muted">{W.reading}</p>;
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
        <h1>{W.title}</h1>
        <p class="muted">{W.intro}</p>
        {data.sample && (
          <p class="notice" data-testid="sample-data">
            <strong>{W.sample}</strong> {W.sampleNote}
          </p>
        )}
        {data.dropped > 0 && (
          <p class="notice" role="status">
            {W.damaged}
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
            setStatus(W.thresholdSet(threshold));
            await reload();
          } catch (e) {
            setStatus(W.thresholdFailed(e instanceof Error ? e.message : String(e)));
          }
        }}
        onDismiss={async (threshold) => {
          await browser.storage.local.set({ [DISMISSED_KEY]: { threshold, current: data.threshold } });
          setStatus(W.dismissed);
          await reload();
        }}
      />
      <Outcomes
        entries={data.entries}
        onMark={async (id, outcome) => {
          const reply = await sendToBackground({ type: "set-invitation-outcome", id, outcome });
          setStatus(reply.ok ? W.outcomeSaved : W.saveFailed(reply.error));
          await reload();
        }}
      />
      <section aria-labelledby="h-export">
        <h2 id="h-export">{W.yourLog}</h2>
        <p>{W.logged(data.entries.length)}</p>
        <div class="row">
          <button type="button" data-testid="export-csv" onClick={exportCsv} disabled={data.entries.length === 0}>
            {W.exportCsv}
          </button>
          <a href="../options/index.html#backup">{W.backupLink}</a>
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
        <h2 id="h-volume">{W.perWeek}</h2>
        <BarChart
          id="weeks"
          title={W.perWeek}
          description={
            insights.weeks.length
              ? W.weeksSummary(insights.total, insights.weeks.length, Math.max(...insights.weeks.map((w) => w.count)))
              : W.noInvitations
          }
          categories={insights.weeks.map((w) => w.week.slice(5))}
          series={[{ name: W.invitations, values: insights.weeks.map((w) => w.count), className: "series-1" }]}
          categoryHeading={W.weekFrom}
          empty={W.noInvitationsLogged}
        />
      </section>
      <section aria-labelledby="h-reply">
        <h2 id="h-reply">{W.timeToReply}</h2>
        <BarChart
          id="reply"
          title={W.timeToReply}
          description={
            insights.reply.answered
              ? W.replySummary(
                  insights.reply.answered,
                  formatDuration(insights.reply.medianMs!),
                  insights.reply.within24h,
                )
              : W.noReplies
          }
          categories={insights.reply.buckets.map((b) => b.label)}
          series={[{ name: W.replies, values: insights.reply.buckets.map((b) => b.count), className: "series-1" }]}
          categoryHeading={W.timeToReply}
          empty={W.noRepliesLogged}
        />
        {insights.reply.seenOnPage > 0 && <p class="muted">{W.seenOnPage(insights.reply.seenOnPage)}</p>}
      </section>
      <section aria-labelledby="h-bands">
        <h2 id="h-bands">{W.byFit}</h2>
        <BarChart
          id="replies-by-band"
          title={W.acceptedByBand}
          description={insights.bands.map((b) => W.bandReplies(b.label, b.accepted, b.declined)).join("; ")}
          categories={insights.bands.map((b) => b.label)}
          series={[
            { name: W.accepted, values: insights.bands.map((b) => b.accepted), className: "series-1" },
            { name: W.declined, values: insights.bands.map((b) => b.declined), className: "series-2" },
          ]}
          categoryHeading={W.fitBand}
          empty={W.noRepliesYet}
        />
        <BarChart
          id="outcomes-by-band"
          title={W.outcomesByBand}
          description={insights.bands.map((b) => W.bandOutcomes(b.label, b.offers, b.hired)).join("; ")}
          categories={insights.bands.map((b) => b.label)}
          series={[
            { name: W.offers, values: insights.bands.map((b) => b.offers), className: "series-1" },
            { name: W.hired, values: insights.bands.map((b) => b.hired), className: "series-3" },
          ]}
          categoryHeading={W.fitBand}
          empty={W.noOffersLogged}
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
        {W.summary}
      </h2>
      <dl class="figures" data-testid="summary">
        <div>
          <dt>{W.total}</dt>
          <dd data-testid="figure-total">{insights.total}</dd>
        </div>
        <div>
          <dt>{W.answered}</dt>
          <dd data-testid="figure-answered">{r.answered}</dd>
        </div>
        <div>
          <dt>{W.median}</dt>
          <dd data-testid="figure-median">{r.medianMs === null ? W.none : formatDuration(r.medianMs)}</dd>
        </div>
        <div>
          <dt>{W.within24h}</dt>
          <dd data-testid="figure-24h">
            {r.share24h === null ? W.none : W.share(percent(r.share24h), r.within24h, r.due)}
          </dd>
        </div>
      </dl>
      <p class="muted">{W.upworkCounts}</p>
    </section>
  );
}

function BestClients({ insights }: { insights: Insights }) {
  const shared = insights.sharedFactors.filter((f) => f.best - f.others >= 0.1).slice(0, 4);
  return (
    <section aria-labelledby="h-best">
      <h2 id="h-best">{W.best}</h2>
      {insights.best.length === 0 ? (
        <p class="muted">{W.noOffers}</p>
      ) : (
        <>
          {shared.length > 0 && (
            <p data-testid="shared-factors">
              {W.shared}{" "}
              {shared.map((f) => W.sharedFactor(factorLabel(f.id), percent(f.best), percent(f.others))).join("; ")}.
            </p>
          )}
          <table data-testid="best-clients">
            <thead>
              <tr>
                <th scope="col">{W.job}</th>
                <th scope="col">{W.fit}</th>
                <th scope="col">{W.outcome}</th>
                <th scope="col">{W.strongOn}</th>
              </tr>
            </thead>
            <tbody>
              {insights.best.slice(0, 10).map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.title ?? W.invitation(b.id)}</th>
                  <td>{b.score ?? W.none}</td>
                  <td>{b.outcome === "hired" ? W.hired : W.offer}</td>
                  <td>{b.strong.map(factorLabel).join(", ") || W.none}</td>
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
      <h2 id="h-learn">{W.learn}</h2>
      {learned.replies === 0 ? (
        <p class="muted">{W.noScoredReply}</p>
      ) : (
        <p data-testid="agreement">
          {W.agreement(learned.replies, learned.acceptedUnder, learned.current.threshold, learned.declinedOver)}
        </p>
      )}
      {top.length > 0 && (
        <p data-testid="separating-factors">
          {W.separates}{" "}
          {top.map((f) => W.separatingFactor(factorLabel(f.id), percent(f.accepted), percent(f.declined))).join("; ")}.
        </p>
      )}
      {shown && s ? (
        <div class="suggestion" data-testid="suggestion" role="group" aria-labelledby="suggestion-text">
          <p id="suggestion-text">{suggestionText(learned)}</p>
          <div class="row">
            <button type="button" data-testid="suggestion-apply" onClick={() => void props.onApply(s.threshold)}>
              {W.setTo(s.threshold)}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="suggestion-dismiss"
              onClick={() => void props.onDismiss(s.threshold)}
            >
              {W.dismiss}
            </button>
          </div>
        </div>
      ) : (
        learned.replies > 0 && (
          <p class="muted" data-testid="no-suggestion">
            {W.noChange} {s ? W.youDismissed : W.fitsOrTooFew}
          </p>
        )
      )}
    </section>
  );
}

const OUTCOMES: Array<{ kind: OutcomeKind; label: string }> = (["hired", "not-hired", "no-answer"] as const).map(
  (kind) => ({ kind, label: W.outcomeKind[kind] }),
);

function Outcomes(props: { entries: LogEntry[]; onMark: (id: string, outcome: OutcomeKind | null) => Promise<void> }) {
  const accepted = props.entries
    .filter((e) => e.reply?.kind === "accepted")
    .sort((a, b) => (a.reply!.at < b.reply!.at ? 1 : -1))
    .slice(0, 20);
  const now = new Date();
  return (
    <section aria-labelledby="h-outcomes">
      <h2 id="h-outcomes">{W.outcomes}</h2>
      {accepted.length === 0 ? (
        <p class="muted">{W.noAccepted}</p>
      ) : (
        <table data-testid="outcomes">
          <thead>
            <tr>
              <th scope="col">{W.job}</th>
              <th scope="col">{W.acceptedOn}</th>
              <th scope="col">{W.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {accepted.map((e) => (
              <tr key={e.id} data-invitation={e.id}>
                <th scope="row">{e.title ?? W.invitation(e.id)}</th>
                <td>
                  {/* The day in the reader's words and zone ("yesterday", "Mon, Mar 2"), never the ISO date. */}
                  <time dateTime={e.reply!.at}>{moment(e.reply!.at, now)}</time>
                </td>
                <td>
                  <div class="row" role="group" aria-label={W.outcomeOf(e.title ?? W.invitation(e.id))}>
                    {e.outcome?.kind === "offer" && <span class="mark">{W.offerSeen}</span>}
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
