/** The content script keeps the real extension API, whatever a page names "browser" (Chrome's named access to elements). */
import { afterEach, describe, expect, it, vi } from "vitest";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.browser;
  delete g.chrome;
  vi.resetModules();
});

describe("runtime backend", () => {
  it("sends through chrome.runtime when `browser` is a page's form with a field named runtime", async () => {
    const sent: unknown[] = [];
    // What `browser` names in Chrome's content scripts when the page has <form id="browser"><input name="runtime">.
    g.browser = { runtime: { tagName: "INPUT", sendMessage: "not a function" } };
    g.chrome = {
      runtime: { sendMessage: async (m: unknown) => (sent.push(m), { ok: true, data: { note: "Thanks" } }) },
    };
    const { runtimeBackend } = await import("../../../src/content/overlay/runtime-backend");
    // The page renames things after the script started: the reference taken at start still holds.
    g.chrome = undefined;
    expect(await runtimeBackend.declineNote()).toBe("Thanks");
    expect(sent).toEqual([{ type: "get-decline-note" }]);
  });
});
