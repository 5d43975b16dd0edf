/**
 * What a stranger's post can do: hidden format characters, text built to make patterns backtrack,
 * emoji cut in two, a page nested thousands deep. None of it may reach a letter, stall the worker
 * or stop a page from being read.
 */
import { describe, expect, it } from "vitest";
import { draftInputFor } from "../../src/drafting/input";
import { draftReply } from "../../src/drafting/index";
import { clip, jobPhrase, postAsks } from "../../src/drafting/phrases";
import { assessPage } from "../../src/scoring/assess";
import { postTextFlags } from "../../src/scoring/red-flags";
import type { JobRecord } from "../../src/shared/records";
import { defaultSettings } from "../../src/shared/settings";
import { sliceWhole } from "../../src/shared/text";
import { parsePage } from "../../src/content/parse/index";
import { decodeState } from "../../src/state/decode";
import { stateFacts } from "../../src/state/facts";
import { jobDetails, nuxt3Json } from "./state/synthetic";
import { loadHtml, NOW, parseHtml, readFixture } from "./parse/helpers";

const HIDDEN = "\u202E\u200B\u2066\u200F\uFEFF\u00AD\u2060";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("hostile post text", () => {
  it("drops bidi overrides and zero-width marks from every text kept, and so from the cover letter", () => {
    const sample = readFixture("sample-pages/job.html");
    const title = "React Native developer for a pet-care booking app";
    const hostile = sample.replaceAll(title, `React${HIDDEN} Native developer for a pet-care ${HIDDEN}booking app`);
    expect(hostile).not.toBe(sample);
    const page = parseHtml(hostile, "https://www.upwork.com/jobs/~022093300417788990012")!;
    const rec = page.record as JobRecord;
    expect(rec.job.title).toBe(title);
    expect(JSON.stringify(page.record)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/);
    const input = draftInputFor(page, "https://www.upwork.com/jobs/~022093300417788990012");
    if (typeof input === "string") throw new Error(input);
    const draft = draftReply(input, defaultSettings());
    expect(draft.coverLetter).toContain(title);
    expect(draft.coverLetter).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/);
  });

  it("drops them from the page state's text too (a title or description the state fills)", () => {
    const decoded = decodeState({
      form: "nuxt3",
      text: nuxt3Json(
        jobDetails({ job: { title: `Booking${HIDDEN} widget`, description: `Line one${HIDDEN}\n\nLine two` } }),
      ),
    });
    if (!decoded.ok) throw new Error(decoded.reason);
    const facts = stateFacts(decoded.root).job!.job;
    expect(facts.title).toBe("Booking widget");
    expect(facts.description).toBe("Line one\n\nLine two");
  });

  it("never cuts an emoji in two when it clips a quote or a preview", () => {
    const text = `${"x".repeat(99)}😀 and more words after the emoji`;
    expect(clip(text, 100)).not.toMatch(LONE_SURROGATE);
    expect(sliceWhole("ab😀", 3)).toBe("ab");
    for (let max = 1; max < 40; max++) expect(clip("😀 ".repeat(30), max)).not.toMatch(LONE_SURROGATE);
  });

  it("reads 200,000 characters of pattern bait in well under a second (the checks see a bounded part)", () => {
    const bait = `${"a.".repeat(100_000)}@`;
    const job = { title: "Bait", description: bait, questions: [] };
    const started = performance.now();
    postTextFlags(job, 200);
    jobPhrase({ ...(parseHtml(readFixture("sample-pages/job.html"))!.record as JobRecord).job, description: bait });
    postAsks({
      ...(parseHtml(readFixture("sample-pages/job.html"))!.record as JobRecord).job,
      description: `${"please include ".repeat(10_000)}x`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("still finds a real e-mail address after the bounding", () => {
    expect(
      postTextFlags(
        { title: "t", description: "Write to jane.doe@example.co.uk for details", questions: [] },
        10,
      ).flags.map((f) => f.id),
    ).toContain("post-off-platform");
  });

  // happy-dom's own querySelector and textContent recurse and give out near 5,000 levels (the CLI
  // drops those fields with warnings); Chromium's are native. Our walk keeps no stack of its own.
  it("reads a page nested 2,000 elements deep (no recursion over the DOM's depth in our walk)", () => {
    const depth = 2000;
    // Inside the description, the text the parser walks with line breaks kept.
    const html = readFixture("sample-pages/job.html").replace(
      '<p class="text-body-sm multiline-text"> Pawfect Stays',
      `<p class="text-body-sm multiline-text">${"<span>".repeat(depth)}deep words${"</span>".repeat(depth)} Pawfect Stays`,
    );
    expect(html).toContain("deep words");
    // Not closed: happy-dom's own teardown recurses over the depth (Chromium's DOM does not).
    const page = parsePage(loadHtml(html).doc, "https://www.upwork.com/jobs/~022093300417788990012", NOW);
    expect(page?.kind).toBe("job");
    expect((page!.record as JobRecord).job.description).toMatch(/^deep words Pawfect Stays/);
    expect((page!.record as JobRecord).job.title).toBe("React Native developer for a pet-care booking app");
    expect(() => assessPage(page!, defaultSettings(), NOW)).not.toThrow();
  });
});
