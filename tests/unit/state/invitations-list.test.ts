/**
 * The invitations list with its page state, through the command line's `score` (records.md §4), as
 * the background reads it: each row's exact receipt time, the client's message and the job's uid
 * come from the state; every row gets a fit, provisional where only the row is known, and a message
 * asking to move off Upwork is flagged without opening the invitation.
 */
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runScore } from "../../../src/cli/score";

const PAGE = join(import.meta.dirname, "../../fixtures/invitations/with-state-2026.html");
const NOW = new Date("2026-03-09T12:00:00.000Z");

type Row = { id: string; receivedAt: string; message: string | null; jobUid: string | null };
type Entry = {
  id: string;
  level: string;
  replyBy: string;
  fit: { score: number | null; provisional?: true; flags: Array<{ id: string }> } | null;
};

describe("an invitations list with its page state", () => {
  it("reads every row's exact time, message and job uid, and scores each row before any is opened", async () => {
    const [line] = await runScore([PAGE], { url: "https://www.upwork.com/nx/proposals/", now: NOW });
    const record = line!.record as { invitations: Row[]; count: number };
    const urgency = line!.urgency as Entry[];
    expect(line!.fit).toBeNull();
    expect(record.count).toBe(6);
    expect(record.invitations.map((r) => r.receivedAt)).toEqual([
      "2026-03-09T10:20:00.000Z",
      "2026-03-09T09:05:00.000Z",
      "2026-03-08T15:45:00.000Z",
      "2026-03-07T12:00:00.000Z",
    ]);
    expect(record.invitations.map((r) => r.jobUid)).toEqual([
      "2094099000000000101",
      "2094099000000000102",
      "2094099000000000103",
      "2094099000000000104",
    ]);
    expect(record.invitations[0]!.message).toBe(
      "Hi! I saw your Expo work and would love your help.\nWe need offline sync for about 40 technicians; details are in the post.",
    );
    // Reply-by is exact: 24 hours from the state's receipt time, not from the start of the shown day.
    expect(urgency.map((u) => u.replyBy)).toEqual([
      "2026-03-10T10:20:00.000Z",
      "2026-03-10T09:05:00.000Z",
      "2026-03-09T15:45:00.000Z",
      "2026-03-08T12:00:00.000Z",
    ]);
    // Provisional fits from the rows; the WhatsApp ask caps the second.
    expect(urgency.map((u) => u.fit?.provisional)).toEqual([true, true, true, true]);
    expect(urgency[1]!.fit!.flags.map((f) => f.id)).toContain("message-off-platform");
    expect(urgency[1]!.fit!.score).toBeLessThan(urgency[0]!.fit!.score!);
    // The row without a client cell has nothing to score, but its message is known.
    expect(urgency[3]!.fit!.score).toBeNull();
    expect(line!.sources).toMatchObject({
      "invitations[0].receivedAt": "both",
      "invitations[0].message": "state",
      "invitations[0].jobUid": "state",
    });
  });

  it("a row whose job page is read in the same run gets that page's full fit (joined by the job's uid)", async () => {
    // The sample job page, as the posting of row 1 (its ciphertext is ~02 + row 1's job uid).
    const job = (await readFile(join(import.meta.dirname, "../../../sample-pages/job.html"), "utf8")).replaceAll(
      "~022093300417788990012",
      "~022094099000000000101",
    );
    const dir = await mkdtemp(join(tmpdir(), "iw-list-"));
    const jobFile = join(dir, "job.html");
    await writeFile(jobFile, job);
    try {
      const [list] = await runScore([PAGE, jobFile], { now: NOW });
      const urgency = list!.urgency as Array<Entry & { fit: { factors: Array<{ id: string; weight: number }> } }>;
      expect(urgency.map((u) => u.fit?.provisional ?? false)).toEqual([false, true, true, true]);
      expect(urgency[0]!.fit.factors.filter((f) => f.weight > 0).length).toBeGreaterThan(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
