// @vitest-environment happy-dom
/**
 * A list row scored from the row alone (issue 20): the badge says it is provisional and on how many
 * factors; the panel it opens says what opening would add, previews the client's message (as text,
 * clipped) and opens the invitation through Upwork's own link.
 */
import { describe, expect, it, vi } from "vitest";
import { badgeElement, type BadgeProps } from "../../../src/content/overlay/badge";
import { panelElement, type PanelProps } from "../../../src/content/overlay/panel";
import { rankRows } from "../../../src/content/overlay/format";
import type { Fit } from "../../../src/shared/score";

const NOW = new Date("2026-03-09T12:00:00.000Z");
const FIT: Fit = {
  score: 93,
  confidence: 0.2,
  factors: [
    { id: "paymentVerified", label: "Payment verified", value: true, weight: 40, points: 40 },
    { id: "totalSpent", label: "Total spent", value: "$48K", weight: 60, points: 53 },
    { id: "hireRate", label: "Hire rate", value: null, weight: 0, points: 0 },
  ],
  flags: [],
  profile: null,
};

const badge = (over: Partial<BadgeProps>) =>
  badgeElement(document, {
    title: "Shopify sync",
    fit: 93,
    provisional: null,
    urgency: null,
    error: false,
    now: NOW,
    onOpen: () => undefined,
    fault: false,
    ...over,
  });

const panel = (row: PanelProps["row"]) =>
  panelElement({
    title: "Shopify sync",
    fit: FIT,
    urgency: null,
    missing: [],
    error: false,
    now: NOW,
    collapsed: false,
    onToggle: () => undefined,
    actions: null,
    state: {},
    onNote: () => undefined,
    row,
  });

describe("the badge's colour band", () => {
  it("follows the user's decline threshold, not fixed bands", () => {
    const tone = (fit: number, declineBelow?: number) => badge({ fit, declineBelow }).querySelector(".t")!.className;
    expect(tone(42)).toBe("t fair"); // the default threshold, 40
    expect(tone(42, 50)).toBe("t poor"); // this user declines under 50
    expect(tone(74, 50)).toBe("t fair"); // good from 75 for them
    expect(tone(75, 50)).toBe("t good");
    expect(tone(30, 25)).toBe("t fair");
  });
});

describe("a provisional fit", () => {
  it("reads as approximate on the badge, with the factors it rests on, and never as the full score", () => {
    const prov = badge({ provisional: { factors: 2, of: 10 } });
    expect(prov.textContent).toBe("~93 · 2 of 10 factors");
    expect(prov.querySelector(".t")!.classList.contains("prov")).toBe(true);
    expect(prov.getAttribute("aria-label")).toMatch(
      /^~93 · 2 of 10 factors\. Invitewise: provisional fit about 93 of 100, from 2 of 10 factors\. Show what the row says/,
    );
    const full = badge({});
    expect(full.textContent).toBe("Fit 93");
    expect(full.querySelector(".prov")).toBeNull();
  });

  it("the panel says what opening adds, previews the message as text, and opens the invitation", () => {
    const open = vi.fn();
    const message = "Hi <b>there</b>!\nWe need a sync app. " + "More details. ".repeat(100);
    const el = panel({ provisional: true, message, open, back: () => undefined });
    expect(el.textContent).toContain(
      "Provisional: from the list row alone (2 of 3 factors). Opening the invitation adds the client's hire rate",
    );
    const preview = el.querySelector(".msg")!;
    expect(preview.querySelector("b")).toBeNull();
    expect(preview.textContent.startsWith("Hi <b>there</b>!\nWe need a sync app.")).toBe(true);
    expect(preview.textContent.length).toBeLessThanOrEqual(601);
    expect(preview.textContent.endsWith("…")).toBe(true);
    const button = [...el.querySelectorAll("button")].find((b) => b.textContent === "Open the invitation")!;
    button.click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("a fully scored row's panel has no provisional note, and no message section without a message", () => {
    const el = panel({ provisional: false, message: null, open: () => undefined, back: () => undefined });
    expect(el.textContent).not.toContain("Provisional");
    expect(el.querySelector(".msg")).toBeNull();
  });
});

describe("the list's ranking", () => {
  const urgency = (id: string, level: "now" | "today" | "soon" | "low", replyBy: string | null) => ({
    id,
    level,
    replyBy,
    reasons: [],
    reasonCodes: [],
  });
  const rows = [
    { id: "a", fit: 40, urgency: urgency("a", "soon", "2026-03-10T09:00:00.000Z") },
    { id: "b", fit: null, urgency: urgency("b", "today", "2026-03-09T20:00:00.000Z") },
    { id: "c", fit: 90, urgency: urgency("c", "low", null) },
    { id: "d", fit: 70, urgency: urgency("d", "today", "2026-03-09T18:00:00.000Z") },
    { id: "e", fit: 70, urgency: urgency("e", "now", "2026-03-09T13:00:00.000Z") },
  ];

  it("orders by urgency (level, then the earliest reply-by) or by fit (nothing to score last), and keeps every row", () => {
    expect(rankRows(rows, "urgency").map((r) => r.id)).toEqual(["e", "d", "b", "a", "c"]);
    expect(rankRows(rows, "fit").map((r) => r.id)).toEqual(["c", "e", "d", "a", "b"]);
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c", "d", "e"]); // the input is left as it was
  });

  it("lists every invitation with its fit, urgency and title; the order switch and a pick call back", () => {
    const onOrder = vi.fn();
    const onPick = vi.fn();
    const entries = rankRows(rows, "fit").map((r) => ({
      id: r.id,
      title: `Job ${r.id}`,
      fit: r.fit,
      provisional: r.id === "c",
      urgency: r.urgency,
    }));
    const el = panelElement({
      title: null,
      fit: null,
      urgency: null,
      missing: [],
      error: false,
      now: NOW,
      collapsed: false,
      onToggle: () => undefined,
      actions: null,
      state: {},
      onNote: () => undefined,
      ranking: { order: "fit", entries, onOrder, onPick },
    });
    expect(el.querySelector(".toggle")!.textContent).toContain("5 invitations ranked");
    const picks = [...el.querySelectorAll<HTMLButtonElement>(".pick")];
    const shown = picks.map((b) => [...b.children].map((c) => c.textContent));
    expect(shown.map(([fit, , title]) => `${fit} ${title}`)).toEqual([
      "~90 Job c",
      "Fit 70 Job e",
      "Fit 70 Job d",
      "Fit 40 Job a",
      "open to score Job b",
    ]);
    expect(shown.map(([, when]) => when!.split(" · ")[0])).toEqual([
      "No rush",
      "Reply now",
      "Reply today",
      "Reply soon",
      "Reply today",
    ]);
    const pressed = [...el.querySelectorAll("[aria-pressed]")].map((b) => [
      b.textContent,
      b.getAttribute("aria-pressed"),
    ]);
    expect(pressed).toEqual([
      ["By urgency", "false"],
      ["By fit", "true"],
    ]);
    (el.querySelector("[aria-pressed=false]") as HTMLButtonElement).click();
    expect(onOrder).toHaveBeenCalledWith("urgency");
    picks[1]!.click();
    expect(onPick).toHaveBeenCalledWith("e");
  });
});
