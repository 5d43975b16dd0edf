/**
 * The CLI's `score` line keeps records.md §4's English `reasons` and prints the same reasons as codes
 * beside them (`reasonCodes`: times as ISO, counts as numbers): the English for people, the codes for tools.
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runScore } from "../../src/cli/score";
import { inZone } from "./zone";

const ROOT = resolve(import.meta.dirname, "../..");
const NOW = new Date("2026-03-09T12:00:00Z");

describe("score: reasons in English beside their codes", () => {
  it("prints both, one code per sentence, the sentences free of ISO times", async () => {
    const lines = await inZone("UTC", () =>
      runScore([join(ROOT, "sample-pages/invitations.html"), join(ROOT, "sample-pages/invitation.html")], { now: NOW }),
    );
    const list = lines[0]!.urgency as Array<{
      reasons: string[];
      reasonCodes: Array<{ code: string; params: object }>;
    }>;
    const page = lines[1]!.urgency as { reasons: string[]; reasonCodes: Array<{ code: string; params: object }> };
    for (const u of [...list, page]) {
      expect(u.reasonCodes).toHaveLength(u.reasons.length);
      for (const text of u.reasons) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    }
    // The first row arrived "3 hours ago": its receipt as a code with ISO times, and as English words.
    expect(list[0]!.reasonCodes[0]).toEqual({
      code: "window-received",
      params: { hours: 24, receivedAt: "2026-03-09T09:00:00.000Z", replyBy: "2026-03-10T09:00:00.000Z" },
    });
    expect(list[0]!.reasons[0]).toBe(
      "Received today 09:00 AM · reply by tomorrow 09:00 AM (in 21 h). Upwork counts 24 h from the invitation (Ignore does not count as a reply).",
    );
  });

  it("prints each flag's and each factor value's code beside records.md's English text and value", async () => {
    const [line] = await inZone("UTC", () => runScore([join(ROOT, "sample-pages/invitation.html")], { now: NOW }));
    const fit = line!.fit as {
      factors: Array<{
        id: string;
        label: string;
        value: unknown;
        valueCode?: { code: string; params: object } | null;
      }>;
      flags: Array<{ id: string; severity: string; text: string; textCode?: { code: string; params: object } }>;
    };
    expect(fit.flags.length).toBeGreaterThan(0);
    for (const f of fit.flags) {
      expect(typeof f.text).toBe("string");
      expect(f.textCode?.code, f.id).toMatch(/^[a-z-]+$/);
      expect(f.text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    }
    const shown = fit.factors.filter((f) => f.value !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const f of shown) expect(f.valueCode?.code, f.id).toMatch(/^[a-z-]+$/);
    // Amounts are numbers in the codes, money in the English.
    const spent = fit.factors.find((f) => f.id === "totalSpent")!;
    expect(spent.valueCode).toEqual({ code: "spent", params: { spent: 2400 } });
    expect(spent.value).toBe("$2,400");
  });
});
