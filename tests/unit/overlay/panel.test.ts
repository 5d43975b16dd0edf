// @vitest-environment happy-dom
/**
 * The panel, built with the DOM API: what it shows, and what a render keeps. A render builds the
 * tree anew, so focus, the actions' note and status and the body's scroll must be put back or kept
 * outside the tree. (Real Chromium, with the built extension: tests/browser/overlay.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Fit, Urgency } from "../../../src/shared/score";
import type { Backend, PageScore } from "../../../src/content/overlay/backend";
import { createHost, type Host } from "../../../src/content/overlay/define-host";
import { renderPanel, type PanelProps, type PanelState } from "../../../src/content/overlay/panel";
import { parsePage } from "../../../src/content/parse/index";
import { startPage } from "../../../src/content/overlay/session";
import { keepShadowRoots } from "./closed-roots";
import { userClick } from "./user-click";
import { urgencyFor } from "../../../src/scoring/urgency";
import { userSettings } from "../../fixtures/scoring/builders";
import { inZone } from "../zone";

const FIT: Fit = {
  score: 62,
  confidence: 0.8,
  factors: [
    { id: "hireRate", label: "Hire rate", value: "68% of 28 posts", weight: 20, points: 12.34 },
    { id: "spent", label: "Money spent", value: 1234, weight: 15, points: 15 },
    { id: "verified", label: "Payment verified", value: true, weight: 10, points: 10 },
    { id: "rate", label: "Average rate", value: null, weight: 0, points: 0 },
  ],
  flags: [
    { id: "free", severity: "red", text: "Asks for <b>free</b> work" },
    { id: "vague", severity: "amber", text: "Vague scope" },
  ],
};
const NOW = new Date("2026-03-10T07:00:00.000Z");
const URGENCY: Urgency = {
  level: "today",
  replyBy: "2026-03-10T12:00:00.000Z",
  reasons: ["5 h left to reply."],
  reasonCodes: [{ code: "time-left", params: { replyBy: "2026-03-10T12:00:00.000Z" } }],
};
const NOTE = "Thank you for the invitation. I am not the right fit for this one, and I wish you luck.";
const REPORT =
  "<!-- saved from url=(0027)https://www.upwork.com/jobs -->\n<html><body><h5>About the client</h5></body></html>";

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A panel in its host, rendered as the session does: the toggle and a new note render it again. */
function mount(over: Partial<PanelProps> = {}) {
  const host = createHost(document, "iw-panel");
  document.body.append(host.el);
  const state: PanelState = {};
  const actions = {
    openDrafts: vi.fn(async () => {}),
    declineNote: vi.fn(async () => NOTE),
    pageReport: vi.fn(async () => REPORT),
  };
  let collapsed = false;
  let now = NOW;
  const render = (): boolean =>
    renderPanel(host, {
      title: "Build a <img src=x onerror=alert(1)> sync app",
      fit: FIT,
      urgency: URGENCY,
      missing: ["client.totalSpent", "job.budget"],
      error: false,
      now,
      collapsed,
      onToggle: () => ((collapsed = !collapsed), render()),
      actions,
      state,
      onNote: () => render(),
      ...over,
    });
  render();
  const $ = <E extends Element = HTMLElement>(selector: string) => host.root.querySelector<E>(selector);
  const button = (text: string) => [...host.root.querySelectorAll("button")].find((b) => b.textContent === text)!;
  return {
    host,
    state,
    actions,
    render,
    $,
    button,
    later: (ms: number) => ((now = new Date(NOW.getTime() + ms)), render()),
  };
}

const settle = () => new Promise((done) => setTimeout(done, 0));
const active = (host: Host) => host.root.activeElement;

describe("the panel", () => {
  it("keeps its shadow root closed: the page's scripts see none, the content script keeps its own", () => {
    const { host } = mount();
    expect(host.el.shadowRoot).toBeNull();
    expect(host.root.mode).toBe("closed");
    expect(host.root.textContent).toContain("Invitewise");
  });

  it("shows the score, urgency, factors, flags and unread fields, page text as text", () => {
    const { $, host } = mount();
    expect($(".panel")!.getAttribute("aria-label")).toBe("Invitewise: client fit and urgency");
    const toggle = $(".toggle")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect($(".toggle .t")!.className).toBe("t fair");
    expect($(".toggle .t")!.textContent).toBe("fit 62");
    expect($(".chev")!.getAttribute("aria-hidden")).toBe("true");
    expect($("h2")!.textContent).toBe("Build a <img src=x onerror=alert(1)> sync app");
    expect(host.root.querySelectorAll("img")).toHaveLength(0);
    expect($("h3 .today")!.textContent).toBe("Reply today · reply in 5 h");
    const factors = [...host.root.querySelectorAll(".factors li")].map((li) => li.textContent);
    expect(factors).toEqual([
      "Hire rate12.3 of 2068% of 28 posts",
      "Money spent15 of 151234",
      "Payment verified10 of 10yes",
      "Average ratenot scored",
    ]);
    expect([...host.root.querySelectorAll(".flags li")].map((li) => [li.className, li.textContent])).toEqual([
      ["flag poor", "Red flag: Asks for <b>free</b> work"],
      ["flag fair", "Caution: Vague scope"],
    ]);
    expect(host.root.textContent).toContain("couldn't read: total spent, budget");
    expect($(".acts .primary")!.textContent).toBe("Draft reply");
    expect($("[role=status]")!.className).toBe("quiet");
    expect($("textarea")).toBeNull();
  });

  it("draws one bar per scored factor: the track its weight against the heaviest, the fill its points", () => {
    const { host } = mount();
    const bars = [...host.root.querySelectorAll<HTMLElement>(".factors li")].map((li) => {
      const bar = li.querySelector<HTMLElement>(".bar");
      return bar && [bar.getAttribute("aria-hidden"), bar.style.width, bar.querySelector("i")!.style.width];
    });
    expect(bars).toEqual([
      ["true", "100%", "62%"], // 12.34 of 20
      ["true", "75%", "100%"], // 15 of 15
      ["true", "50%", "100%"], // 10 of 10
      null, // not scored: no bar
    ]);
  });

  it("colours the score by the user's decline threshold", () => {
    // 62 is fair at the default 40 (good from 70), poor for a user who declines under 65.
    expect(mount().$(".toggle .t")!.className).toBe("t fair");
    document.body.replaceChildren();
    expect(mount({ declineBelow: 65 }).$(".toggle .t")!.className).toBe("t poor");
    document.body.replaceChildren();
    expect(mount({ declineBelow: 20 }).$(".toggle .t")!.className).toBe("t good");
  });

  it("words the reasons from their codes against its own clock: no ISO string, the times in the reader's zone", () => {
    const received = "2026-03-10T00:30:00.000Z";
    const urgency = urgencyFor(
      {
        invitation: true,
        receivedAt: received,
        firstSeenAt: null,
        status: "pending",
        activity: null,
        state: null,
        fit: 20,
      },
      userSettings(),
      NOW,
    );
    const shown = (m: ReturnType<typeof mount>) =>
      [...m.host.root.querySelectorAll("section")[0]!.querySelectorAll("li")].map((li) => li.textContent);
    const m = inZone("UTC", () => mount({ urgency }));
    expect(shown(m)).toEqual([
      "Received today 12:30 AM · reply by tomorrow 12:30 AM (in 17 h). Upwork counts 24 h from the invitation (Ignore does not count as a reply).",
      "17 h left to reply.",
      "Low fit (20): decline politely; a decline counts as a reply.",
    ]);
    // Two hours on, the same codes read two hours closer.
    inZone("UTC", () => m.later(2 * 3_600_000));
    expect(shown(m)[1]).toBe("15 h left to reply.");
    // In Auckland (UTC+13) the same moments are 13:30 on Mar 10 and Mar 11.
    inZone("Pacific/Auckland", () => m.later(0));
    expect(shown(m)[0]).toMatch(/^Received today 01:30 PM · reply by tomorrow 01:30 PM \(in 17 h\)/);
    for (const line of shown(m)) expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
  });

  it("the error state: 'unavailable', no actions", () => {
    const { $, host } = mount({ fit: null, urgency: null, error: true, actions: null, title: null });
    expect($(".toggle .t")!.className).toBe("t none");
    expect($(".toggle .t")!.textContent).toBe("fit unavailable");
    expect(host.root.textContent).toContain("Invitewise could not score this page.");
    expect(host.root.querySelectorAll("button")).toHaveLength(1);
  });

  it("collapses and expands with focus kept on the toggle", () => {
    const { $, host } = mount();
    $(".toggle")!.focus();
    $(".toggle")!.click();
    expect($(".body")).toBeNull();
    expect($(".panel")!.className).toBe("panel collapsed");
    expect($(".toggle")!.getAttribute("aria-expanded")).toBe("false");
    expect(active(host)).toBe($(".toggle"));
    $(".toggle")!.click();
    expect($(".body")).not.toBeNull();
    expect(active(host)).toBe($(".toggle"));
  });

  it("takes no focus when focus was outside it", () => {
    const { $, host, later } = mount();
    const outside = document.createElement("button");
    document.body.append(outside);
    outside.focus();
    later(3 * 3_600_000);
    expect($("h3 .today")!.textContent).toBe("Reply today · reply in 2 h");
    expect(active(host)).toBeNull();
    expect(document.activeElement).toBe(outside);
  });

  it("shows the decline note with focus on it, and keeps it, its status and focus across renders", async () => {
    const { $, host, button, state, later } = mount();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    button("Decline politely").focus();
    button("Decline politely").click();
    await settle();
    expect(button("Decline politely").getAttribute("aria-expanded")).toBe("true");
    const note = $<HTMLTextAreaElement>("textarea")!;
    expect(note.value).toBe(NOTE);
    expect(note.readOnly).toBe(true);
    expect(note.closest("label")!.className).toBe("note");
    expect(active(host)).toBe(note);

    // A status is written in place, into the line that is shown (screen readers announce the change).
    const line = $("[role=status]");
    button("Copy note").focus();
    userClick(button("Copy note"));
    await settle();
    expect(writeText).toHaveBeenCalledWith(NOTE);
    expect($("[role=status]")).toBe(line);
    expect(line!.textContent).toBe("Decline note copied.");
    expect(state.status).toBe("Decline note copied.");

    // The urgency line changes: a new tree, the same note, status and focused control.
    later(60 * 60_000);
    expect($("h3 .today")!.textContent).toBe("Reply today · reply in 4 h");
    expect($("[role=status]")).not.toBe(line);
    expect($("[role=status]")!.textContent).toBe("Decline note copied.");
    expect($<HTMLTextAreaElement>("textarea")!.value).toBe(NOTE);
    expect(active(host)).toBe(button("Copy note"));

    // Focus in the note stays in the note, its selection too.
    $<HTMLTextAreaElement>("textarea")!.focus();
    $<HTMLTextAreaElement>("textarea")!.setSelectionRange(6, 11);
    later(2 * 60 * 60_000);
    const again = $<HTMLTextAreaElement>("textarea")!;
    expect(active(host)).toBe(again);
    expect([again.selectionStart, again.selectionEnd]).toEqual([6, 11]);

    // Collapsed and expanded, the note is still there.
    $(".toggle")!.click();
    $(".toggle")!.click();
    expect($<HTMLTextAreaElement>("textarea")!.value).toBe(NOTE);
  });

  it("'Report this page' copies the page report and says so", async () => {
    const { $, actions, button, host } = mount();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    userClick(button("Report this page"));
    await settle();
    expect(actions.pageReport).toHaveBeenCalledOnce();
    expect(writeText).toHaveBeenCalledWith(REPORT);
    expect($("[role=status]")!.textContent).toBe("Report copied — paste it into your bug report.");
    expect(host.root.querySelector("textarea")).toBeNull();
  });

  it("shows the report to copy by hand, with focus on it, when the clipboard refuses; a later copy takes it away", async () => {
    const { $, button, host, state, later } = mount();
    const writeText = vi.fn(async (_text: string): Promise<void> => {
      throw new DOMException("Document is not focused.", "NotAllowedError");
    });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    button("Decline politely").click();
    await settle();
    userClick(button("Report this page"));
    await settle();
    const shown = $<HTMLTextAreaElement>(".report textarea")!;
    expect(shown.value).toBe(REPORT);
    expect(shown.readOnly).toBe(true);
    expect(shown.closest("label")!.textContent).toContain("Page report");
    expect(active(host)).toBe(shown);
    expect($<HTMLTextAreaElement>(".note textarea")!.value).toBe(NOTE);
    expect($("[role=status]")!.textContent).toBe("Copying was blocked: select the report below and copy it.");
    later(60 * 60_000);
    expect($<HTMLTextAreaElement>(".report textarea")!.value).toBe(REPORT);

    writeText.mockImplementation(async () => {});
    userClick(button("Report this page"));
    await settle();
    expect($(".report")).toBeNull();
    expect(state.report).toBeUndefined();
    expect($("[role=status]")!.textContent).toBe("Report copied — paste it into your bug report.");
  });

  it("says quietly when an action fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { $, actions, button } = mount();
    actions.declineNote.mockRejectedValueOnce(new Error("no page"));
    button("Decline politely").click();
    await settle();
    expect($("[role=status]")!.textContent).toBe("Could not write the decline note.");
    expect($("textarea")).toBeNull();
    expect(button("Decline politely").getAttribute("aria-expanded")).toBe("false");
    // The next action clears the status.
    userClick(button("Draft reply"));
    expect($("[role=status]")!.textContent).toBe("");
    expect(actions.openDrafts).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalled();
    // No report (the tab could not be read): said, nothing copied.
    actions.pageReport.mockRejectedValueOnce(new Error("Could not read this page. Reload it and try again."));
    userClick(button("Report this page"));
    await settle();
    expect($("[role=status]")!.textContent).toBe("Could not make the page report.");
  });

  it("ignores a page script's clicks on what opens a tab or writes the clipboard; the rest still works", async () => {
    const { $, actions, button, state } = mount();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    // "Decline politely" only fills our own panel: a page's click may do that.
    button("Decline politely").click();
    await settle();
    expect($<HTMLTextAreaElement>("textarea")!.value).toBe(NOTE);
    userClick(button("Copy note"));
    await settle();
    writeText.mockClear();
    for (const text of ["Draft reply", "Report this page", "Copy note"]) {
      button(text).click();
      button(text).dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
    }
    await settle();
    expect(actions.openDrafts).not.toHaveBeenCalled();
    expect(actions.pageReport).not.toHaveBeenCalled();
    expect(writeText).not.toHaveBeenCalled();
    // Every action clears the status first: none of them started.
    expect(state.status).toBe("Decline note copied.");
    // Collapsing our own panel needs no trust either.
    $(".toggle")!.click();
    expect($(".body")).toBeNull();
  });

  it("keeps the body's scroll across a render; a collapse and expand start it from the top", () => {
    const { $, later } = mount();
    const body = $(".body")!;
    body.scrollTop = 40;
    body.dispatchEvent(new Event("scroll"));
    later(60 * 60_000);
    expect($(".body")).not.toBe(body);
    expect($(".body")!.scrollTop).toBe(40);
    $(".toggle")!.click();
    $(".toggle")!.click();
    expect($(".body")!.scrollTop).toBe(0);
  });
});

describe("the panel in a page session", () => {
  /** The sample invitation page in a session whose background answers with this urgency: its panel once scored. */
  async function sessionPanel(urgency: Urgency) {
    const html = readFileSync(join(import.meta.dirname, "../../../sample-pages/invitation.html"), "utf8").replace(
      /<link rel="stylesheet"[^>]*>/,
      "",
    );
    document.body.replaceChildren(...Array.from(new DOMParser().parseFromString(html, "text/html").body.childNodes));
    const answer: PageScore = { fit: FIT, urgency, missing: [], invitations: null, declineBelow: 40 };
    const backend: Backend = {
      pageParsed: vi.fn(async () => answer),
      openDrafts: vi.fn(async () => {}),
      declineNote: vi.fn(async () => NOTE),
      pageReport: vi.fn(async () => REPORT),
    };
    let session: ReturnType<typeof startPage> | null = null;
    const shadowOf = keepShadowRoots();
    const url = "https://www.upwork.com/nx/proposals/interview/uid/2093311804456129011";
    session = startPage({
      doc: document,
      url,
      kind: "invitation",
      parse: parsePage,
      backend,
      fault: false,
      schedule: () => session?.update(false),
      answered: () => session?.update(false),
    });
    session.update(true);
    await vi.waitFor(() => expect(document.querySelector("[data-iw-panel]")?.getAttribute("data-iw-fit")).toBe("62"));
    const root = shadowOf(document.querySelector("[data-iw-panel]"));
    const button = (text: string) => [...root.querySelectorAll("button")].find((b) => b.textContent === text)!;
    return { root, button, session };
  }

  it("keeps the decline note and its focus when the minute's tick renders the panel again", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const t0 = new Date("2026-03-09T12:00:30.000Z");
      vi.setSystemTime(t0);
      // 30 min 15 s left: the urgency line reads differently at each minute boundary.
      const { root, button, session } = await sessionPanel({
        level: "now",
        replyBy: new Date(t0.getTime() + 30 * 60_000 + 15_000).toISOString(),
        reasons: [],
        reasonCodes: [],
      });
      button("Decline politely").click();
      await vi.waitFor(() => expect(root.querySelector("textarea")).not.toBeNull());
      expect(root.activeElement).toBe(root.querySelector("textarea"));
      expect(root.querySelector("h3 .now")!.textContent).toBe("Reply now · reply in 30 min");

      vi.advanceTimersByTime(60_000);
      expect(root.querySelector("h3 .now")!.textContent).toBe("Reply now · reply in 29 min");
      expect(root.querySelector("textarea")!.value).toBe(NOTE);
      expect(root.activeElement).toBe(root.querySelector("textarea"));
      session.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows a report the clipboard refused, and takes it away once a report is copied", async () => {
    const writeText = vi.fn(async (_text: string): Promise<void> => {
      throw new DOMException("Document is not focused.", "NotAllowedError");
    });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { root, button, session } = await sessionPanel(URGENCY);
    userClick(button("Report this page"));
    await vi.waitFor(() => expect(root.querySelector<HTMLTextAreaElement>(".report textarea")?.value).toBe(REPORT));
    expect(root.activeElement).toBe(root.querySelector(".report textarea"));
    writeText.mockImplementation(async () => {});
    userClick(button("Report this page"));
    await vi.waitFor(() => expect(root.querySelector(".report")).toBeNull());
    expect(root.querySelector("[role=status]")!.textContent).toBe("Report copied — paste it into your bug report.");
    session.destroy();
  });
});
