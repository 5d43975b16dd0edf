// @vitest-environment happy-dom
/**
 * The Insights page's figures and charts from the log, and the decline threshold learnt from the
 * user's replies, on histories whose answers are known by construction.
 */
import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { Charts, Summary } from "../../../src/insights/app";
import { computeInsights, formatDuration, HOUR } from "../../../src/insights/stats";
import { learnFromReplies, suggestionText } from "../../../src/insights/suggest";
import type { LogEntry } from "../../../src/shared/invitation-log";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();

function entry(id: number, over: Partial<LogEntry> = {}): LogEntry {
  return {
    id: String(id),
    title: `Job ${id}`,
    receivedAt: null,
    firstSeenAt: ago(100),
    openedAt: null,
    fit: null,
    reply: null,
    outcome: null,
    ...over,
  };
}

const scored = (id: number, score: number, kind: "accepted" | "declined", factors: Record<string, number> = {}) =>
  entry(id, {
    fit: { score, confidence: 0.9, provisional: false, factors, at: ago(99) },
    reply: { kind, at: ago(98), source: "mark" },
  });

describe("learnFromReplies", () => {
  // Accepted from 47 up (and once at 30), declined up to 44 (and once at 75): 45 agrees best.
  const accepted = [47, 50, 58, 62, 66, 70, 74, 80, 85, 90, 30];
  const declined = [12, 20, 25, 30, 33, 36, 38, 41, 43, 44, 75];
  const history = [
    ...accepted.map((s, i) => scored(i + 1, s, "accepted", { hireRate: 0.9, budget: 0.5 })),
    ...declined.map((s, i) => scored(i + 100, s, "declined", { hireRate: 0.2, budget: 0.45 })),
  ];

  it("suggests the threshold the replies agree with, with its evidence", () => {
    const learned = learnFromReplies(history, 40);
    expect(learned.replies).toBe(22);
    expect(learned.current).toMatchObject({ threshold: 40, agreement: 17 });
    expect(learned.acceptedUnder).toBe(1);
    expect(learned.declinedOver).toBe(4);
    expect(learned.suggestion).toEqual({
      threshold: 45,
      acceptedOver: 10,
      accepted: 11,
      declinedUnder: 10,
      declined: 11,
      agreement: 20,
    });
    expect(suggestionText(learned)).toBe(
      "You accepted 10 of 11 invitations scoring 45 or more and declined 10 of 11 under 45; at your current " +
        "threshold (40) the score agrees with 17 of your 22 replies, at 45 with 20. Set the decline threshold to 45?",
    );
    // The factor that separates the two best comes first.
    expect(learned.factors[0]).toMatchObject({
      id: "hireRate",
      accepted: expect.closeTo(0.9),
      declined: expect.closeTo(0.2),
    });
    expect(learned.factors[1]!.id).toBe("budget");
  });

  it("suggests nothing when the threshold already fits, or on too little evidence", () => {
    expect(learnFromReplies(history, 45).suggestion).toBeNull();
    expect(learnFromReplies(history.slice(0, 9), 40).suggestion).toBeNull();
    // Ten replies, but only accepted ones: no threshold can be learnt from one kind.
    expect(learnFromReplies(history.slice(0, 11), 40).suggestion).toBeNull();
    // Unscored or unanswered invitations are no evidence.
    expect(
      learnFromReplies([entry(1), entry(2, { reply: { kind: "declined", at: ago(1), source: "mark" } })], 40),
    ).toMatchObject({ replies: 0, suggestion: null });
  });
});

describe("computeInsights", () => {
  it("counts time to reply from when received, the median and the share within 24 hours", () => {
    const replied = (id: number, hours: number) =>
      entry(id, {
        receivedAt: ago(200),
        firstSeenAt: ago(199),
        reply: { kind: "accepted", at: ago(200 - hours), source: "mark" },
      });
    const insights = computeInsights(
      [
        replied(1, 2),
        replied(2, 10),
        replied(3, 30),
        entry(4, { firstSeenAt: ago(48) }), // unanswered, its 24 hours over
        entry(5, { firstSeenAt: ago(1) }), // unanswered, still within them
      ],
      NOW,
    );
    expect(insights.reply).toMatchObject({ answered: 3, medianMs: 10 * HOUR, due: 4, within24h: 2, share24h: 0.5 });
    expect(insights.reply.buckets.map((b) => b.count)).toEqual([0, 1, 1, 0, 1, 0, 0]);
    expect(formatDuration(10 * HOUR)).toBe("10 h");
    expect(insights.weeks.reduce((n, w) => n + w.count, 0)).toBe(5);
  });

  it("counts replies and outcomes by fit band; an offer or a hire marks the best clients", () => {
    const insights = computeInsights(
      [
        scored(1, 82, "accepted", { hireRate: 1, rating: 0.9 }),
        {
          ...scored(2, 75, "accepted", { hireRate: 0.8, rating: 0.2 }),
          outcome: { kind: "hired", at: ago(1), source: "user" },
        },
        {
          ...scored(3, 60, "accepted", { hireRate: 0.9, rating: 0.3 }),
          outcome: { kind: "offer", at: ago(1), source: "page" },
        },
        scored(4, 20, "declined", { hireRate: 0.1, rating: 0.8 }),
        entry(5),
      ],
      NOW,
    );
    const band = (id: string) => insights.bands.find((b) => b.id === id)!;
    expect(band("70-100")).toMatchObject({ accepted: 2, declined: 0, offers: 1, hired: 1 });
    expect(band("55-69")).toMatchObject({ accepted: 1, offers: 1, hired: 0 });
    expect(band("0-39")).toMatchObject({ declined: 1 });
    expect(band("unscored")).toMatchObject({ total: 1, unanswered: 1 });
    expect(insights.best.map((b) => [b.id, b.outcome, b.strong])).toEqual([
      ["2", "hired", ["hireRate"]],
      ["3", "offer", ["hireRate"]],
    ]);
    expect(insights.sharedFactors[0]).toMatchObject({ id: "hireRate" });
  });
});

describe("the charts", () => {
  let root: HTMLElement;
  afterEach(() => root?.remove());

  function draw(entries: LogEntry[]) {
    root = document.createElement("div");
    document.body.append(root);
    const insights = computeInsights(entries, NOW);
    render(
      <>
        <Summary insights={insights} />
        <Charts insights={insights} />
      </>,
      root,
    );
    return insights;
  }
  const rows = (id: string) =>
    [...root.querySelectorAll(`[data-testid='table-${id}'] tbody tr`)].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );

  it("with no entries: every chart says it has nothing to show, the tables hold zeros", () => {
    draw([]);
    expect(root.querySelectorAll("svg")).toHaveLength(0);
    expect(root.querySelectorAll("[data-testid$='-empty']")).toHaveLength(4);
    expect(rows("weeks")).toEqual([]);
    expect(rows("reply").every(([, n]) => n === "0")).toBe(true);
    expect(root.querySelector("[data-testid='figure-median']")!.textContent).toBe("–");
  });

  it("with one entry: one bar per chart that has it, named and described", () => {
    draw([scored(1, 64, "accepted")]);
    const weeks = root.querySelector("[data-testid='chart-weeks'] svg")!;
    expect(weeks.getAttribute("role")).toBe("img");
    const labelled = weeks.getAttribute("aria-labelledby")!.split(" ");
    expect(labelled.map((id) => root.querySelector(`#${id}`)?.textContent)).toEqual([
      "Invitations per week",
      expect.stringMatching(/^1 invitations over \d+ weeks/),
    ]);
    const bars = [...root.querySelectorAll("[data-testid='chart-replies-by-band'] rect.bar")];
    expect(bars.filter((b) => Number(b.getAttribute("height")) > 0)).toHaveLength(1);
    expect(rows("replies-by-band")).toContainEqual(["55–69", "1", "0"]);
    expect(root.querySelector("[data-testid='chart-outcomes-by-band-empty']")).not.toBeNull();
  });

  it("with 500 entries: finite geometry, bars within the plot, tables that add up", () => {
    const entries = Array.from({ length: 500 }, (_, i) =>
      entry(i + 1, {
        firstSeenAt: new Date(NOW.getTime() - i * 13 * HOUR).toISOString(),
        fit: { score: (i * 37) % 101, confidence: 0.7, provisional: i % 3 === 0, factors: {}, at: ago(1) },
        reply:
          i % 4 === 3
            ? null
            : {
                kind: i % 2 ? "accepted" : "declined",
                at: new Date(NOW.getTime() - i * 13 * HOUR + (i % 50) * HOUR).toISOString(),
                source: "mark",
              },
        outcome: i % 10 === 1 ? { kind: i % 20 === 1 ? "hired" : "offer", at: ago(1), source: "user" } : null,
      }),
    );
    const insights = draw(entries);
    expect(root.innerHTML).not.toMatch(/NaN|Infinity/);
    for (const rect of root.querySelectorAll("rect.bar")) {
      const [y, h] = [Number(rect.getAttribute("y")), Number(rect.getAttribute("height"))];
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y + h).toBeLessThanOrEqual(220);
    }
    // 500 invitations over ~271 days: the chart keeps the last 52 weeks, the table says each.
    expect(rows("weeks")).toHaveLength(insights.weeks.length);
    expect(insights.weeks.length).toBeLessThanOrEqual(52);
    const answered = rows("reply").reduce((n, [, c]) => n + Number(c), 0);
    expect(answered).toBe(375);
    const byBand = rows("replies-by-band").reduce((n, [, a, d]) => n + Number(a) + Number(d), 0);
    expect(byBand).toBe(375);
    // Week labels thin out rather than overlap.
    const labels = root.querySelectorAll("[data-testid='chart-weeks'] text.label").length;
    expect(labels).toBeLessThan(insights.weeks.length);
    expect(labels).toBeGreaterThan(3);
  });
});
