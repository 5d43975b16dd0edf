import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../../src/shared/settings";
import { migrate, MIGRATIONS, type Migration } from "../../../src/shared/settings-migrations";
import { previewImport } from "../../../src/shared/settings-import";
import { sectionKey, VERSION_KEY } from "../../../src/shared/settings-layout";
import { loadSettings } from "../../../src/shared/settings-store";
import { fakeStorage } from "./fake-storage";

// A made-up history for the tests: version -1 kept the hourly rate as `rate` and had no version 0 step
// to `templates`; we pretend the current version (1) was reached through 0.
const TEST_MIGRATIONS: Migration[] = [
  {
    from: -1,
    describe: "rates.rate renamed to rates.hourly",
    up: (v) => {
      const { rate, ...rates } = (v["rates"] ?? {}) as Record<string, unknown>;
      return { ...v, rates: { ...rates, hourly: rate ?? null } };
    },
  },
  {
    from: 0,
    describe: "preferredPayment added",
    up: (v) => ({ ...v, rates: { preferredPayment: "milestone", ...(v["rates"] as object) } }),
  },
];

describe("migrate", () => {
  it("the current version needs no migration", () => {
    expect(migrate({ version: 1, rates: {} })).toEqual({ ok: true, value: { version: 1, rates: {} }, applied: [] });
    expect(MIGRATIONS.every((m) => m.from < 1)).toBe(true);
  });

  it("runs each step in order, without touching the input", () => {
    const input = { version: 0, rates: { hourly: 10, minimumHourly: null, minimumFixed: null } };
    const out = migrate(input, TEST_MIGRATIONS);
    expect(out).toEqual({
      ok: true,
      value: {
        version: 1,
        rates: { preferredPayment: "milestone", hourly: 10, minimumHourly: null, minimumFixed: null },
      },
      applied: ["0 → 1: preferredPayment added"],
    });
    expect(input.version).toBe(0);
  });

  it("refuses newer versions, gaps and nonsense", () => {
    expect(migrate({ version: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
    expect(migrate({ version: 0 }, [])).toMatchObject({ ok: false, error: "version: no migration from version 0" });
    expect(migrate({ version: "one" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^version: not a version number/),
    });
  });
});

describe("migrations in the store", () => {
  it("an old stored version is migrated, validated, written back and announced", async () => {
    const storage = fakeStorage();
    storage.sync.put(VERSION_KEY, 0);
    storage.sync.put(sectionKey("rates"), { savedAt: 1, value: { hourly: 40, minimumHourly: 20, minimumFixed: 100 } });
    const loaded = await loadSettings({ storage, migrations: TEST_MIGRATIONS });
    expect(loaded.settings.rates).toEqual({
      hourly: 40,
      minimumHourly: 20,
      minimumFixed: 100,
      preferredPayment: "milestone",
    });
    expect(loaded.notices).toEqual([expect.stringMatching(/updated to the current format \(version 0 → 1\)/)]);
    expect(storage.sync.raw(VERSION_KEY)).toBe(1);
    expect(storage.sync.raw(sectionKey("rates"))).toMatchObject({ value: loaded.settings.rates });
    // Second load: already current, nothing to announce.
    expect((await loadSettings({ storage, migrations: TEST_MIGRATIONS })).notices).toEqual([]);
  });

  it("settings from a newer Invitewise are read as far as possible and never written back", async () => {
    const storage = fakeStorage();
    storage.sync.put(VERSION_KEY, 5);
    storage.sync.put(sectionKey("rates"), {
      savedAt: 1,
      value: { hourly: 40, minimumHourly: 20, minimumFixed: 100, preferredPayment: "fixed", newThing: true },
    });
    const before = storage.sync.snapshot();
    const loaded = await loadSettings(storage);
    expect(loaded.settings.rates.hourly).toBe(40);
    expect(loaded.notices.join()).toMatch(/newer version of Invitewise/);
    expect(storage.sync.snapshot()).toBe(before);
  });

  it("an imported old file is migrated before validation", async () => {
    const storage = fakeStorage();
    const preview = await previewImport(
      { version: -1, rates: { rate: 55, minimumHourly: null, minimumFixed: null } },
      { storage, migrations: TEST_MIGRATIONS },
    );
    expect(preview).toMatchObject({
      ok: true,
      migrated: ["-1 → 0: rates.rate renamed to rates.hourly", "0 → 1: preferredPayment added"],
    });
    expect(preview.ok && preview.settings.rates).toEqual({ ...defaultSettings().rates, hourly: 55 });
  });
});
