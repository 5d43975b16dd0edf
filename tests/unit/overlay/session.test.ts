// @vitest-environment happy-dom
/**
 * The list's badges keep "reply in N h" true while the page stays open: a frame at each minute
 * boundary re-renders the badges whose text would change — without reading the page again or asking
 * the background again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePage } from "../../../src/content/parse/index";
import type { Backend, PageScore } from "../../../src/content/overlay/backend";
import { startPage, type PageSession } from "../../../src/content/overlay/session";
import { keepShadowRoots } from "./closed-roots";

const URL_LIST = "https://www.upwork.com/nx/proposals/";
const ID = "2093311804456129011";
const T0 = new Date("2026-03-09T12:00:30.000Z");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("badges on a list left open", () => {
  it("tick at each minute boundary: the hours left count down, with no new read and no new request", async () => {
    // The sample list without its stand-in stylesheet (happy-dom loads no CSS).
    const html = readFileSync(join(import.meta.dirname, "../../../sample-pages/invitations.html"), "utf8").replace(
      /<link rel="stylesheet"[^>]*>/,
      "",
    );
    document.body.replaceChildren(...Array.from(new DOMParser().parseFromString(html, "text/html").body.childNodes));
    const replyBy = new Date(T0.getTime() + 21 * 3_600_000 + 15_000).toISOString(); // 21 h 0 min 15 s left
    const answer: PageScore = {
      fit: null,
      urgency: null,
      missing: [],
      declineBelow: 40,
      invitations: [
        {
          id: ID,
          fit: null,
          urgency: { id: ID, level: "soon", replyBy, reasons: [], reasonCodes: [] },
          detail: null,
          message: null,
        },
      ],
    };
    const backend: Backend = {
      pageParsed: vi.fn(async () => answer),
      openDrafts: vi.fn(),
      declineNote: vi.fn(),
      pageReport: vi.fn(),
    };
    const parse = vi.fn(parsePage);
    let session: PageSession | null = null;
    const shadowOf = keepShadowRoots();
    session = startPage({
      doc: document,
      url: URL_LIST,
      kind: "invitations",
      parse,
      backend,
      fault: false,
      schedule: () => session?.update(false),
      answered: () => session?.update(false),
    });
    session.update(true);
    await vi.waitFor(() => expect(document.querySelector(`[data-iw-invitation="${ID}"]`)).not.toBeNull());
    const text = () => shadowOf(document.querySelector(`[data-iw-invitation="${ID}"]`)).textContent;
    expect(text()).toContain("reply in 21 h");

    // One minute boundary later 20 h 59 min 45 s are left: still "21 h" (minutes round, hours floor).
    vi.advanceTimersByTime(60_000);
    expect(text()).toContain("reply in 21 h");
    // The next one: 20 h 58 min 45 s.
    vi.advanceTimersByTime(60_000);
    expect(text()).toContain("reply in 20 h");
    expect(parse).toHaveBeenCalledTimes(1);
    expect(backend.pageParsed).toHaveBeenCalledTimes(1);

    session.destroy();
    vi.advanceTimersByTime(10 * 60_000); // no timer outlives the page
    expect(vi.getTimerCount()).toBe(0);
  });
});
