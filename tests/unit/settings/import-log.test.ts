/**
 * The invitation log in the settings file: exported as `invitationLog` when it holds anything,
 * validated on import like the rest (a bad entry refuses the file, naming the field), restored
 * when the file carries it and left alone when it does not.
 */
import { describe, expect, it } from "vitest";
import { LOG_KEY, type LogEntry } from "../../../src/shared/invitation-log";
import { applyImport, exportSettings, previewImport } from "../../../src/shared/settings-import";
import { fakeStorage } from "./fake-storage";

const FILE = {
  version: 1,
  rates: { hourly: 45, minimumHourly: 30, minimumFixed: 250, preferredPayment: "milestone" },
  profile: { name: "Dana K.", skills: ["React Native"] },
};

const entry = (id: string, over: Partial<LogEntry> = {}): LogEntry => ({
  id,
  title: `Job ${id}`,
  receivedAt: "2026-03-01",
  firstSeenAt: "2026-03-01T10:00:00.000Z",
  openedAt: null,
  fit: { score: 61, confidence: 0.8, provisional: false, factors: { hireRate: 0.75 }, at: "2026-03-01T10:00:00.000Z" },
  reply: { kind: "accepted", at: "2026-03-01T12:00:00.000Z", source: "mark" },
  outcome: null,
  ...over,
});

const storedLog = async (storage: ReturnType<typeof fakeStorage>) =>
  ((await storage.local.get(LOG_KEY))[LOG_KEY] as { entries: LogEntry[] } | undefined)?.entries;

describe("the invitation log in the settings file", () => {
  it("is exported when it holds entries, and not when empty", async () => {
    const storage = fakeStorage();
    expect(await exportSettings(storage)).not.toHaveProperty("invitationLog");
    await storage.local.set({ [LOG_KEY]: { entries: [entry("1"), entry("2")] } });
    const file = await exportSettings(storage);
    expect(file.invitationLog).toEqual([entry("1"), entry("2")]);
  });

  it("an export imported elsewhere restores the log", async () => {
    const from = fakeStorage();
    await from.local.set({ [LOG_KEY]: { entries: [entry("1"), entry("2")] } });
    const file = JSON.stringify(await exportSettings(from));
    const to = fakeStorage();
    await to.local.set({ [LOG_KEY]: { entries: [entry("9")] } });
    const preview = await previewImport(file, to);
    expect(preview).toMatchObject({ ok: true });
    if (!preview.ok) return;
    expect(preview.changes).toContainEqual({
      path: "invitationLog",
      from: "1 invitations logged",
      to: "2 invitations logged",
    });
    // The preview changes nothing.
    expect((await storedLog(to))!.map((e) => e.id)).toEqual(["9"]);
    expect(await applyImport(file, to)).toMatchObject({ ok: true });
    expect(await storedLog(to)).toEqual([entry("1"), entry("2")]);
  });

  it("a file without the log leaves the current log alone", async () => {
    const storage = fakeStorage();
    await storage.local.set({ [LOG_KEY]: { entries: [entry("9")] } });
    const preview = await previewImport(FILE, storage);
    expect(preview).toMatchObject({ ok: true, invitationLog: null });
    expect(await applyImport(FILE, storage)).toMatchObject({ ok: true });
    expect((await storedLog(storage))!.map((e) => e.id)).toEqual(["9"]);
  });

  it("a bad entry refuses the whole file, naming the field, and changes nothing", async () => {
    const storage = fakeStorage();
    await storage.local.set({ [LOG_KEY]: { entries: [entry("9")] } });
    const bad = {
      ...FILE,
      invitationLog: [entry("1"), { ...entry("2"), reply: { kind: "maybe", at: "x", source: "mark" } }],
    };
    const result = await applyImport(bad, storage);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^invitationLog\.1\.reply\.kind\b/) });
    expect((await storedLog(storage))!.map((e) => e.id)).toEqual(["9"]);
    expect(await previewImport({ ...FILE, invitationLog: "all of it" }, storage)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invitationLog\b/),
    });
    const tooMany = { ...FILE, invitationLog: Array.from({ length: 5001 }, (_, i) => entry(String(i + 1))) };
    expect(await previewImport(tooMany, storage)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invitationLog/),
    });
  });
});
