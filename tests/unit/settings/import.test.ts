import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../../src/shared/settings";
import { applyImport, diffSettings, exportSettings, previewImport } from "../../../src/shared/settings-import";
import { loadSettings, saveSettings } from "../../../src/shared/settings-store";
import { fakeStorage } from "./fake-storage";

/** The example file of records.md §5, as other tools write it. */
const SPEC_FILE = {
  version: 1,
  rates: { hourly: 45, minimumHourly: 30, minimumFixed: 250, preferredPayment: "milestone" },
  profile: {
    name: "Dana K.",
    headline: "React Native & TypeScript engineer",
    overview: "Eight years building mobile apps…",
    skills: ["React Native", "TypeScript", "Expo.io"],
    specializedProfiles: [{ name: "Mobile apps", skills: ["React Native", "Expo.io"], hourlyRate: 50 }],
    portfolio: [
      {
        title: "Fitness tracker app",
        url: "https://example.com/fit",
        skills: ["React Native"],
        outcome: "4.8★ on both stores",
      },
    ],
  },
};

describe("import preview", () => {
  it("accepts the records.md §5 file and lists what will change, changing nothing yet", async () => {
    const storage = fakeStorage();
    const before = storage.sync.snapshot() + storage.local.snapshot();
    const preview = await previewImport(JSON.stringify(SPEC_FILE), storage);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes).toContainEqual({ path: "rates.hourly", from: null, to: 45 });
    expect(preview.changes).toContainEqual({ path: "profile.name", from: "", to: "Dana K." });
    expect(preview.changes).toContainEqual({
      path: "profile.skills",
      from: [],
      to: ["React Native", "TypeScript", "Expo.io"],
    });
    // A new list item is one change holding the whole item.
    expect(preview.changes).toContainEqual({
      path: "profile.portfolio.0",
      from: undefined,
      to: SPEC_FILE.profile.portfolio[0],
    });
    // preferredPayment is already "milestone" by default: not a change.
    expect(preview.changes.map((c) => c.path)).not.toContain("rates.preferredPayment");
    // Sections absent from the file take their defaults: nothing to change on a fresh install.
    expect(preview.changes.some((c) => c.path.startsWith("scoring"))).toBe(false);
    expect(storage.sync.snapshot() + storage.local.snapshot()).toBe(before);
  });

  it("applyImport saves exactly what was previewed", async () => {
    const storage = fakeStorage();
    const result = await applyImport(SPEC_FILE, storage);
    expect(result.ok).toBe(true);
    const { settings } = await loadSettings(storage);
    expect(settings.rates).toEqual(SPEC_FILE.rates);
    expect(settings.profile).toEqual(SPEC_FILE.profile);
    expect(settings.scoring).toEqual(defaultSettings().scoring);
  });

  it("an export imports back with no changes", async () => {
    const storage = fakeStorage();
    await applyImport(SPEC_FILE, storage);
    const file = await exportSettings(storage);
    const preview = await previewImport(JSON.stringify(file, null, 2), storage);
    expect(preview).toMatchObject({ ok: true, changes: [] });
  });

  it("an export carrying `recovered` still imports (recovered is for the user, not applied)", async () => {
    const storage = fakeStorage();
    const preview = await previewImport(
      { ...SPEC_FILE, recovered: { rates: [{ raw: "x", error: "e", at: "2025-01-01T00:00:00.000Z" }] } },
      storage,
    );
    expect(preview.ok).toBe(true);
  });

  it("a file holding only the §5 keys resets the project's sections to their defaults, and says so", async () => {
    const storage = fakeStorage();
    const s = defaultSettings();
    s.scoring.weights.skills = 30;
    await saveSettings(s, storage);
    const preview = await previewImport(SPEC_FILE, storage);
    expect(preview.ok && preview.changes).toContainEqual({ path: "scoring.weights.skills", from: 30, to: 14 });
  });
});

describe("invalid import: refused with the field named, nothing changes", () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ["not JSON", "{ version: 1,", /not valid JSON/],
    ["not an object", "[1,2]", /\(root\): expected a settings object/],
    [
      "bad enum",
      { ...SPEC_FILE, rates: { ...SPEC_FILE.rates, preferredPayment: "weekly" } },
      /^rates\.preferredPayment: must be one of "hourly", "fixed", "milestone"/,
    ],
    [
      "negative rate",
      { ...SPEC_FILE, rates: { ...SPEC_FILE.rates, hourly: -5 } },
      /^rates\.hourly: must be at least 0/,
    ],
    [
      "rate as text",
      { ...SPEC_FILE, rates: { ...SPEC_FILE.rates, minimumFixed: "250" } },
      /^rates\.minimumFixed: expected number, got "250"/,
    ],
    [
      "empty portfolio title",
      { ...SPEC_FILE, profile: { ...SPEC_FILE.profile, portfolio: [{ title: "", skills: [] }] } },
      /^profile\.portfolio\.0\.title: must not be empty/,
    ],
    ["missing skills", { ...SPEC_FILE, profile: { name: "x" } }, /^profile\.skills: is missing/],
    [
      "weight over 100",
      {
        ...SPEC_FILE,
        scoring: { ...defaultSettings().scoring, weights: { ...defaultSettings().scoring.weights, budget: 150 } },
      },
      /^scoring\.weights\.budget: must be at most 100/,
    ],
    ["future version", { ...SPEC_FILE, version: 7 }, /^version: 7 is newer/],
  ];
  for (const [name, input, error] of cases) {
    it(name, async () => {
      const storage = fakeStorage();
      await saveSettings(defaultSettings(), storage);
      const before = storage.sync.snapshot() + storage.local.snapshot();
      const text = typeof input === "string" ? input : JSON.stringify(input);
      const preview = await previewImport(text, storage);
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.error).toMatch(error);
      const applied = await applyImport(text, storage);
      expect(applied.ok).toBe(false);
      expect(storage.sync.snapshot() + storage.local.snapshot()).toBe(before);
    });
  }
});

describe("diffSettings", () => {
  it("compares list items by index and reports added and removed ones", () => {
    const a = { list: [{ t: "a" }, { t: "b" }] };
    const b = { list: [{ t: "a" }] };
    expect(diffSettings(a, b)).toEqual([{ path: "list.1", from: { t: "b" }, to: undefined }]);
    expect(diffSettings(b, a)).toEqual([{ path: "list.1", from: undefined, to: { t: "b" } }]);
  });
});

describe("settings bounds", () => {
  /** Dotted paths of every number in the settings. */
  function numberPaths(value: unknown, path = ""): string[] {
    if (typeof value === "number") return [path];
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([k, v]) => numberPaths(v, path ? `${path}.${k}` : k));
    return [];
  }

  it("refuses an import with any number out of its range, naming the field", async () => {
    const base = {
      ...defaultSettings(),
      rates: { ...defaultSettings().rates, hourly: 45, minimumHourly: 30, minimumFixed: 250 },
    };
    const paths = numberPaths(base).filter((p) => p !== "version");
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const file = structuredClone(base) as Record<string, unknown>;
      const keys = path.split(".");
      let at = file;
      for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[keys.at(-1)!] = 1e10;
      const preview = await previewImport(JSON.stringify(file), fakeStorage());
      expect(preview.ok, path).toBe(false);
      if (!preview.ok) expect(preview.error, path).toContain(keys.at(-1)!);
    }
  });
});
