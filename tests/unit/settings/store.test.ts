import { describe, expect, it } from "vitest";
import { defaultSettings, type Settings } from "../../../src/shared/settings";
import { exportSettings } from "../../../src/shared/settings-import";
import { corruptKey, LEGACY_KEY, sectionKey, VERSION_KEY } from "../../../src/shared/settings-layout";
import { planPlacement, SYNC_ITEM_LIMIT, SYNC_TOTAL_LIMIT } from "../../../src/shared/settings-placement";
import { InvalidSettingsError, loadSettings, saveSettings } from "../../../src/shared/settings-store";
import { fakeStorage } from "./fake-storage";

function filled(): Settings {
  const s = defaultSettings();
  s.rates = { hourly: 45, minimumHourly: 30, minimumFixed: 250, preferredPayment: "hourly" };
  s.profile.name = "Dana K.";
  s.profile.skills = ["React Native", "TypeScript"];
  s.templates.decline = "Thanks, {clientName}, but not this time.";
  s.scoring.weights.skills = 20;
  return s;
}

function portfolio(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    title: `Project ${i + 1}: a mobile app for a fitness brand`,
    url: `https://example.com/work/${i + 1}`,
    skills: ["React Native", "TypeScript", "Expo.io"],
    outcome: `Shipped to both stores; ${i + 10}k installs in the first quarter and a 4.8 rating.`,
  }));
}

describe("settings store: first run and round trip", () => {
  it("first run: defaults, no notices, firstRun flag, nothing written", async () => {
    const storage = fakeStorage();
    const loaded = await loadSettings(storage);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.notices).toEqual([]);
    expect(loaded.firstRun).toBe(true);
    expect(storage.sync.data.size + storage.local.data.size).toBe(0);
  });

  it("save then load gives back the same settings, one sync item per section", async () => {
    const storage = fakeStorage();
    const s = filled();
    const saved = await saveSettings(s, storage);
    expect(saved.notices).toEqual([]);
    expect(saved.placement).toEqual({ rates: "sync", profile: "sync", templates: "sync", scoring: "sync" });
    for (const section of ["rates", "profile", "templates", "scoring"])
      expect(storage.sync.raw(sectionKey(section))).toMatchObject({ value: (s as never)[section] });
    expect(storage.sync.raw(VERSION_KEY)).toBe(1);
    const loaded = await loadSettings(storage);
    expect(loaded.settings).toEqual(s);
    expect(loaded.notices).toEqual([]);
    expect(loaded.firstRun).toBe(false);
  });

  it("refuses invalid settings before writing anything, naming the field", async () => {
    const storage = fakeStorage();
    const s = filled();
    s.profile.portfolio = [{ title: "", skills: [] }];
    await expect(saveSettings(s, storage)).rejects.toThrow(InvalidSettingsError);
    await expect(saveSettings(s, storage)).rejects.toThrow(/profile\.portfolio\.0\.title: must not be empty/);
    expect(storage.sync.data.size + storage.local.data.size).toBe(0);
  });

  it("skips writing sections that did not change (sync allows few writes a minute)", async () => {
    const storage = fakeStorage();
    const s = filled();
    await saveSettings(s, storage);
    const writes = storage.sync.writes;
    s.rates.hourly = 50;
    await saveSettings(s, storage);
    // One section item plus the version item.
    expect(storage.sync.writes - writes).toBe(2);
    expect((await loadSettings(storage)).settings.rates.hourly).toBe(50);
  });
});

describe("settings store: sync/local split", () => {
  it("a 30-item portfolio goes to local with a pointer in sync, a notice, and loads back whole", async () => {
    const storage = fakeStorage();
    const s = filled();
    s.profile.portfolio = portfolio(30);
    const saved = await saveSettings(s, storage);
    expect(saved.placement.profile).toBe("local");
    expect(saved.placement.rates).toBe("sync");
    expect(saved.notices.join("\n")).toMatch(/profile settings are \d+ KB.*saved in this browser only/);
    expect(storage.sync.raw(sectionKey("profile"))).toMatchObject({ storedIn: "local" });
    expect(storage.local.raw(sectionKey("profile"))).toMatchObject({ value: { portfolio: portfolio(30) } });
    const loaded = await loadSettings(storage);
    expect(loaded.settings.profile.portfolio).toHaveLength(30);
    expect(loaded.settings).toEqual(s);
    expect(loaded.sources?.profile).toBe("local");
  });

  it("a 20 KB template is kept in local, never silently dropped", async () => {
    const storage = fakeStorage();
    const s = filled();
    s.templates.coverLetter = "Hello {clientName}! ".repeat(1_000); // ~20 KB
    const saved = await saveSettings(s, storage);
    expect(saved.placement.templates).toBe("local");
    expect(saved.notices.some((n) => n.includes("templates"))).toBe(true);
    expect((await loadSettings(storage)).settings.templates.coverLetter).toBe(s.templates.coverLetter);
  });

  it("a section that outgrows sync moves to local, and moves back when it shrinks", async () => {
    const storage = fakeStorage();
    const s = filled();
    s.profile.portfolio = portfolio(30);
    await saveSettings(s, storage);
    s.profile.portfolio = portfolio(2);
    const saved = await saveSettings(s, storage);
    expect(saved.placement.profile).toBe("sync");
    expect(storage.sync.raw(sectionKey("profile"))).toMatchObject({ value: { portfolio: portfolio(2) } });
    expect((await loadSettings(storage)).settings.profile.portfolio).toEqual(portfolio(2));
  });

  it("keeps sync under the total budget: when every section fits alone but not all together, the largest go local", () => {
    const values = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`s${i}`, "x".repeat(6_000 + i * 10)]));
    const { placement, bytes } = planPlacement(values);
    const inSync = Object.keys(values).filter((k) => placement[k] === "sync");
    expect(inSync.length).toBeGreaterThan(0);
    expect(inSync.length).toBeLessThan(16);
    expect(inSync.reduce((n, k) => n + bytes[k]!, 0)).toBeLessThanOrEqual(SYNC_TOTAL_LIMIT);
    // The smallest went to sync, the largest stayed local.
    expect(placement["s0"]).toBe("sync");
    expect(placement["s15"]).toBe("local");
    for (const k of Object.keys(values)) expect(bytes[k]!).toBeLessThanOrEqual(SYNC_ITEM_LIMIT);
  });

  it("when sync rejects a write (quota, rate limit) the section is saved locally and the user is told", async () => {
    const storage = fakeStorage();
    await saveSettings(filled(), storage);
    storage.sync.failWith = "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded";
    const s = filled();
    s.rates.hourly = 99;
    const saved = await saveSettings(s, storage);
    expect(saved.placement.rates).toBe("local");
    expect(saved.notices.join("\n")).toMatch(
      /rates settings could not be saved to browser sync \(MAX_WRITE_OPERATIONS_PER_MINUTE/,
    );
    // The stale sync copy must not win over the newer local one.
    storage.sync.failWith = null;
    expect((await loadSettings(storage)).settings.rates.hourly).toBe(99);
  });

  it("when sync cannot be read, this browser's copies are used and the user is told", async () => {
    const storage = fakeStorage();
    const s = filled();
    await saveSettings(s, storage);
    storage.sync.failWith = "sync unavailable";
    const loaded = await loadSettings(storage);
    expect(loaded.settings).toEqual(s);
    expect(loaded.notices.join("\n")).toMatch(/sync storage could not be read \(sync unavailable\)/);
  });

  it("a newer save from another browser (in sync) wins over this browser's older local copy", async () => {
    const storage = fakeStorage();
    const s = filled();
    s.profile.portfolio = portfolio(30);
    await saveSettings(s, storage); // profile local here, pointer in sync
    // Another browser then saves a small profile straight to sync.
    storage.sync.put(sectionKey("profile"), {
      savedAt: Date.now() + 60_000,
      value: { ...s.profile, name: "Other browser", portfolio: [] },
    });
    expect((await loadSettings(storage)).settings.profile.name).toBe("Other browser");
  });

  it("a pointer to another browser's local copy falls back with a notice", async () => {
    const storage = fakeStorage();
    storage.sync.put(VERSION_KEY, 1);
    storage.sync.put(sectionKey("profile"), { savedAt: Date.now(), storedIn: "local" });
    const loaded = await loadSettings(storage);
    expect(loaded.settings.profile).toEqual(defaultSettings().profile);
    expect(loaded.notices.join("\n")).toMatch(
      /profile settings were last saved in another browser.*Defaults are in use/,
    );
  });
});

describe("settings store: corrupt values", () => {
  it("a corrupt section falls back to its default, names the section, keeps the raw value, and the rest still loads", async () => {
    const storage = fakeStorage();
    const s = filled();
    await saveSettings(s, storage);
    const bad = {
      savedAt: Date.now() + 1,
      value: { hourly: "forty", minimumHourly: 30, minimumFixed: 250, preferredPayment: "hourly" },
    };
    storage.sync.put(sectionKey("rates"), bad);
    const loaded = await loadSettings(storage);
    expect(loaded.settings.rates).toEqual(defaultSettings().rates);
    expect(loaded.settings.profile).toEqual(s.profile);
    expect(loaded.sources?.rates).toBe("default");
    expect(loaded.notices).toHaveLength(1);
    expect(loaded.notices[0]).toMatch(
      /stored rates settings could not be read \(rates\.hourly: expected number, got "forty"\)/,
    );
    const kept = storage.local.raw(corruptKey("rates")) as Array<{ raw: unknown; error: string }>;
    expect(kept).toHaveLength(1);
    expect(kept[0]!.raw).toEqual(bad.value);
    expect(kept[0]!.error).toMatch(/rates\.hourly/);
  });

  it("a bare value written by hand (no envelope) is read and validated too", async () => {
    const storage = fakeStorage();
    storage.sync.put(sectionKey("scoring"), "garbage");
    const loaded = await loadSettings(storage);
    expect(loaded.settings.scoring).toEqual(defaultSettings().scoring);
    expect(loaded.notices[0]).toMatch(/scoring settings could not be read/);
    expect(storage.local.raw(corruptKey("scoring"))).toMatchObject([{ raw: "garbage" }]);
  });

  it("loading twice keeps the raw value once, and the export carries it under `recovered`", async () => {
    const storage = fakeStorage();
    storage.sync.put(sectionKey("templates"), { savedAt: 5, value: { coverLetter: 42 } });
    await loadSettings(storage);
    await loadSettings(storage);
    expect(storage.local.raw(corruptKey("templates"))).toHaveLength(1);
    const file = await exportSettings(storage);
    expect(file.recovered?.templates).toEqual([
      expect.objectContaining({ raw: { coverLetter: 42 }, error: expect.stringMatching(/templates\.coverLetter/) }),
    ]);
    expect(file.templates).toEqual(defaultSettings().templates);
  });

  it("after the user saves over a corrupt section, the damaged copy stays kept and is still announced", async () => {
    const storage = fakeStorage();
    storage.sync.put(sectionKey("rates"), { savedAt: 5, value: null });
    await loadSettings(storage);
    await saveSettings(filled(), storage);
    const loaded = await loadSettings(storage);
    expect(loaded.settings.rates.hourly).toBe(45);
    expect(loaded.recovered).toEqual([expect.objectContaining({ section: "rates", raw: null })]);
    expect(loaded.notices).toEqual([expect.stringMatching(/damaged copy of your rates settings .* kept for recovery/)]);
  });
});

describe("settings store: export", () => {
  it("exports the records.md §5 file first (version, rates, profile) then the project's sections", async () => {
    const storage = fakeStorage();
    await saveSettings(filled(), storage);
    const file = await exportSettings(storage);
    expect(Object.keys(file).slice(0, 3)).toEqual(["version", "rates", "profile"]);
    expect(file).toMatchObject({
      version: 1,
      rates: { hourly: 45, minimumHourly: 30, minimumFixed: 250, preferredPayment: "hourly" },
      profile: { name: "Dana K." },
    });
    expect(file).toHaveProperty("templates");
    expect(file).toHaveProperty("scoring");
    expect(file).not.toHaveProperty("recovered");
  });
});

describe("settings store: legacy single-item layout", () => {
  it("moves the first version's single `settings` item to per-section items", async () => {
    const storage = fakeStorage();
    const s = filled();
    storage.sync.put(LEGACY_KEY, s);
    const loaded = await loadSettings(storage);
    expect(loaded.settings).toEqual(s);
    expect(storage.sync.raw(LEGACY_KEY)).toBeUndefined();
    expect(storage.sync.raw(sectionKey("profile"))).toMatchObject({ value: s.profile });
    expect((await loadSettings(storage)).settings).toEqual(s);
  });

  it("a legacy item that is not an object is kept for recovery", async () => {
    const storage = fakeStorage();
    storage.sync.put(LEGACY_KEY, "{broken");
    const loaded = await loadSettings(storage);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.notices[0]).toMatch(/could not be read/);
    expect(storage.local.raw(corruptKey("settings"))).toMatchObject([{ raw: "{broken" }]);
  });
});
