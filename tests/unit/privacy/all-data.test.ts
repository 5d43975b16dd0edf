/** Export and erase of everything stored (src/shared/all-data.ts), over in-memory storage areas. */
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AllData, countAllData, eraseAllData, readAllData, type WholeArea } from "../../../src/shared/all-data";
import { inline, markdownBlocks } from "../../../src/options/privacy-policy";
import { YOUR_DATA } from "../../../src/shared/words/options";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** A storage area in memory; `onClear` runs after each clear (a write racing the erase). */
function area(items: Record<string, unknown>, onClear?: (items: Record<string, unknown>) => void): WholeArea {
  return {
    async get() {
      return structuredClone(items);
    },
    async clear() {
      for (const key of Object.keys(items)) delete items[key];
      onClear?.(items);
    },
  };
}

describe("readAllData", () => {
  it("returns every item of every area there is, as stored, in a file its own schema accepts", async () => {
    const local = { "settings.rates": { savedAt: "x", value: { hourly: 50 } }, "iw:cache:index": {}, "drafts.~01": {} };
    const sync = { "settings.version": { savedAt: "x", value: 3 } };
    const data = await readAllData({ local: area(local), sync: area(sync) }, "0.1.0", new Date("2026-12-02T00:00:00Z"));
    expect(data).toEqual({
      format: "invitewise-all-data",
      exportedAt: "2026-12-02T00:00:00.000Z",
      extensionVersion: "0.1.0",
      areas: { local, sync },
    });
    expect(AllData.safeParse(data).success).toBe(true);
  });
});

describe("eraseAllData", () => {
  it("empties local, sync and session whatever their keys, and says which it emptied", async () => {
    const local: Record<string, unknown> = { "settings.profile": 1, "iw:cache:e:inv:1": 2, "someone-else's-log": 3 };
    const sync: Record<string, unknown> = { "settings.version": 1 };
    const session: Record<string, unknown> = { "iw:tab-page:3": 1 };
    const areas = { local: area(local), sync: area(sync), session: area(session) };
    expect(await countAllData(areas)).toEqual({ local: 3, sync: 1, session: 1 });
    const result = await eraseAllData(areas);
    expect(result).toEqual({ erased: ["local", "sync", "session"], left: {} });
    expect([local, sync, session]).toEqual([{}, {}, {}]);
  });

  it("clears again when a write lands between the clear and the check", async () => {
    let raced = false;
    const local: Record<string, unknown> = { a: 1 };
    const result = await eraseAllData({
      local: area(local, (items) => {
        if (!raced) items["iw:cache:index"] = {};
        raced = true;
      }),
    });
    expect(result.left).toEqual({});
    expect(local).toEqual({});
  });

  it("reports what survives a second pass instead of claiming success", async () => {
    const result = await eraseAllData({ local: area({ a: 1 }, (items) => void (items["stubborn"] = 1)) });
    expect(result.left).toEqual({ local: ["stubborn"] });
  });

  it("skips an area the browser lacks (no storage.session)", async () => {
    expect((await eraseAllData({ local: area({ a: 1 }) })).erased).toEqual(["local"]);
  });
});

describe("PRIVACY.md as the options page shows it", () => {
  it("names every storage area the erase empties, the erase action by its button's words, and nothing leaving", async () => {
    const policy = await readFile(join(ROOT, "PRIVACY.md"), "utf8");
    const panel = await readFile(join(ROOT, "src/options/sections/your-data.tsx"), "utf8");
    for (const words of ["storage.local", "storage.sync", "storage.session", "Erase all data", "Export all data"])
      expect(policy).toContain(words);
    // The buttons say the catalogue's words (src/shared/words/options.ts), which the policy names.
    expect(panel).toMatch(/>\s*\{YOUR_DATA\.eraseAll\}/);
    expect(panel).toMatch(/>\s*\{YOUR_DATA\.exportAll\}/);
    expect(policy).toContain(YOUR_DATA.eraseAll.replace(/…$/, ""));
    expect(policy).toContain(YOUR_DATA.exportAll);
    expect(policy).toMatch(/Nothing leaves your browser/);
    expect(policy).toMatch(/invitation log/i);
  });

  it("reads headings, paragraphs and lists whose items continue on indented lines", () => {
    const blocks = markdownBlocks("# Title\n\n## Part\n\nOne\nline.\n\n- first\n  continued\n- second\n");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Title" },
      { kind: "heading", level: 2, text: "Part" },
      { kind: "paragraph", text: "One line." },
      { kind: "list", items: ["first continued", "second"] },
    ]);
  });

  it("keeps markup as elements and everything else as text, underscores inside words included", () => {
    const parts = inline("in `storage.local`, **bold**, _Export_ and iw_cache_key <b>x</b>");
    expect(parts.filter((p) => typeof p === "string").join("|")).toBe("in |, |, | and iw_cache_key <b>x</b>");
    expect(parts.filter((p) => typeof p !== "string").map((p) => (p as { type: string }).type)).toEqual([
      "code",
      "strong",
      "em",
    ]);
  });
});
