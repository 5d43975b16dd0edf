/** The observer's filter: our own writes never wake it; Upwork's content and theme changes do. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Window } from "happy-dom";
import { pageAddress, relevant, watchPage } from "../../../src/content/watch";

function setup() {
  const window = new Window({ url: "https://www.upwork.com/nx/proposals/" });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = "<table><tr><td id='cell'><a href='/nx/proposals/interview/uid/1'>Job</a></td></tr></table>";
  return { doc, cell: doc.getElementById("cell")! };
}

const childList = (target: Node, added: Node[] = [], removed: Node[] = []) =>
  ({ type: "childList", target, addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;

describe("relevant", () => {
  it("ignores inserting and removing our own hosts", () => {
    const { doc, cell } = setup();
    const badge = doc.createElement("iw-badge");
    const panel = doc.createElement("iw-panel");
    expect(relevant([childList(cell, [badge]), childList(doc.body, [], [panel])])).toBe(false);
  });

  it("ignores changes inside our hosts and whitespace-only text churn", () => {
    const { doc, cell } = setup();
    const badge = doc.createElement("iw-badge");
    cell.append(badge);
    const inner = doc.createElement("span");
    badge.append(inner);
    expect(relevant([childList(inner, [doc.createTextNode("x")])])).toBe(false);
    expect(relevant([childList(cell, [doc.createTextNode("  \n ")])])).toBe(false);
  });

  it("wakes on Upwork's content, and on theme attributes of html/body only", () => {
    const { doc, cell } = setup();
    expect(relevant([childList(cell, [doc.createElement("a")])])).toBe(true);
    expect(
      relevant([{ type: "characterData", target: cell.firstChild!.firstChild! } as unknown as MutationRecord]),
    ).toBe(true);
    expect(relevant([{ type: "attributes", target: cell, attributeName: "class" } as unknown as MutationRecord])).toBe(
      false,
    );
    expect(
      relevant([{ type: "attributes", target: doc.body, attributeName: "class" } as unknown as MutationRecord]),
    ).toBe(true);
  });

  it("treats a hash change as the same page", () => {
    expect(pageAddress("https://www.upwork.com/nx/proposals/#x")).toBe("https://www.upwork.com/nx/proposals/");
    expect(pageAddress("https://www.upwork.com/nx/proposals/?a=1")).toBe("https://www.upwork.com/nx/proposals/?a=1");
  });
});

describe("watchPage", () => {
  afterEach(() => void (vi.unstubAllGlobals(), vi.restoreAllMocks()));

  /** A page whose frames and tasks run only when the test says so. */
  function frames() {
    const { doc } = setup();
    const win = doc.defaultView!;
    vi.stubGlobal("MutationObserver", (win as unknown as typeof globalThis).MutationObserver);
    const callbacks: FrameRequestCallback[] = [];
    vi.spyOn(win, "requestAnimationFrame").mockImplementation((cb) => callbacks.push(cb));
    vi.spyOn(win, "cancelAnimationFrame").mockImplementation(() => undefined);
    const runs: boolean[] = [];
    const watcher = watchPage(doc, (dirty) => runs.push(dirty));
    const frame = async () => {
      for (const cb of callbacks.splice(0)) cb(0);
      await new Promise((r) => setTimeout(r, 0));
    };
    return { doc, watcher, runs, frame, pending: () => callbacks.length };
  }

  /** Lets the page's MutationObserver deliver what it saw. */
  async function settle() {
    await new Promise((r) => setTimeout(r, 0));
  }

  it("now(): an answer is shown in its own task when the page is as last read, without waiting for a frame", async () => {
    vi.useRealTimers();
    const { watcher, runs, frame, pending } = frames();
    await frame();
    expect(runs).toEqual([true]); // the first read
    watcher.now();
    expect(runs).toEqual([true, false]); // at once, reusing the read
    expect(pending()).toBe(0);
    watcher.destroy();
  });

  it("now(): when Upwork's page changed since the last read, the next frame re-reads it instead", async () => {
    vi.useRealTimers();
    const { doc, watcher, runs, frame } = frames();
    await frame();
    doc.body.append(doc.createElement("section"));
    await settle();
    watcher.now();
    expect(runs).toEqual([true]); // not now: the page must be read again first
    await frame();
    expect(runs).toEqual([true, true]);
    watcher.destroy();
    watcher.now();
    expect(runs).toEqual([true, true]); // a destroyed watcher does nothing
  });
});
