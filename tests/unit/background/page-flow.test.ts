/**
 * The worker replies before it records a page: its assessment from the cache plus the page itself
 * (withThisPage) must be what recording first and then looking up gives, page after page.
 */
import { describe, expect, it } from "vitest";
import { assessBeforeRecording, lookupFor, recordPage } from "../../../src/background/page-flow";
import { RecordCache } from "../../../src/background/record-cache";
import { memoryStorage } from "../../../src/background/tab-pages";
import { assessPage } from "../../../src/scoring/assess";
import type { ParsedPage } from "../../../src/shared/records";
import {
  client,
  invitationPage,
  invitationRecord,
  invitationsPage,
  item,
  job,
  jobPage,
  userSettings,
} from "../../fixtures/scoring/builders";

const NOW = new Date("2026-01-10T12:00:00.000Z");
const at = (min: number) => new Date(NOW.getTime() - min * 60_000).toISOString();
const settings = userSettings();

describe("assessBeforeRecording", () => {
  it("gives what recording first would, for a list, its invitation, the invitation's job and the list again", async () => {
    const uid = "1936874668311707737";
    const pages: Array<[ParsedPage, string]> = [
      [
        invitationsPage([
          { ...item("1", at(90)), jobUid: uid },
          { ...item("2", null), client: { paymentVerified: true, totalSpent: 900, hires: 2 } },
        ]),
        at(30),
      ],
      [
        invitationPage(
          invitationRecord("2", { client: client({ paymentVerified: true }), job: job({ ciphertext: `~02${uid}` }) }),
        ),
        at(20),
      ],
      [invitationPage(invitationRecord("3", { activity: null })), at(15)],
      [jobPage(`~02${uid}`, { client: { hireRate: 70, jobsPosted: 9 } }), at(10)],
      [invitationsPage([{ ...item("1", at(90)), jobUid: uid }, item("2", null), item("3", at(5))]), at(5)],
    ];
    const early = new RecordCache(memoryStorage());
    const late = new RecordCache(memoryStorage());
    for (const [parsed, readAt] of pages) {
      const page = { url: "https://www.upwork.com/nx/proposals/", readAt, parsed };
      const replied = await assessBeforeRecording(early, page, settings, NOW);
      await recordPage(early, page);
      await recordPage(late, page);
      const recordedFirst = assessPage(parsed, settings, NOW, await lookupFor(late, parsed));
      expect(replied).toEqual(recordedFirst);
    }
  });
});
