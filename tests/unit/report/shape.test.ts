/** The page report's shapes: label words kept, everything the page says reduced, figures still figures. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseAbsoluteDate, parseHireRate, parseReviews, parseTotalSpent } from "../../../src/content/parse/values";
import { pageKind } from "../../../src/content/routes";
import { Shaper } from "../../../src/report/shape";
import { LABEL_WORDS, patternWords } from "../../../src/report/vocabulary";
import { ROOT } from "../parse/helpers";

describe("Shaper.text", () => {
  const cases: Array<[string, string]> = [
    ["$12K total spent", "$10K total spent"],
    ["4.27 of 19 reviews", "1.10 of 10 reviews"],
    ["Member since Jul 7, 2014", "Member since Jul 1, 2000"],
    ["88% hire rate, 3 open jobs", "10% hire rate, 1 open jobs"],
    ["100% hire rate", "100% hire rate"],
    ["Client's recent history", "Client's recent history"],
    ["Client’s recent history", "Client’s recent history"],
    ["More than 30 hrs/week", "More than 30 hrs/week"],
    ["3 to 6 months", "3 to 6 months"],
    ["Rating is 4.8 out of 5", "Rating is 1.1 out of 5"],
    ["Posted 2 days ago", "Posted 1 days ago"],
    ["Proposals: 15 to 20", "Proposals: 10 to 10"],
    ["2:42 AM", "1:10 AM"],
    ["Marta K. from Portland, OR — José's team", "Xxxxx X. from Xxxxxxxx, XX — Xxxx's xxxx"],
    ["Thanks a lot, I loved it", "Xxxxxx a xxx, I xxxxx xx"],
  ];
  for (const [text, shaped] of cases) it(`${text} → ${shaped}`, () => expect(new Shaper().text(text)).toBe(shaped));

  it("keeps the figures the value grammar reads, within the ranges it accepts", () => {
    const s = new Shaper();
    expect(parseReviews(s.text("4.93 of 41 reviews"))).toEqual({ rating: 1.1, reviews: 10 });
    expect(parseAbsoluteDate(s.text("Sep 14, 2016"))).toBe("2000-09-10");
    expect(parseHireRate(s.text("100% hire rate, 3 open jobs"))).toEqual({ hireRate: 100, openJobs: 1 });
    expect(parseTotalSpent(s.text("$248K total spent"))).toBe(100_000);
  });

  it("gives one id one pseudonym of its form and length, a job's ciphertext and uid the same digits", () => {
    const s = new Shaper();
    const a = s.text("~022093300417788990012");
    expect(a).toMatch(/^~02\d{19}$/);
    expect(a).not.toBe("~022093300417788990012");
    expect(s.text("uid 2093300417788990012")).toBe(`xxx ${a.slice(3)}`);
    expect(s.text("~022093300417788990012")).toBe(a);
    expect(s.text("2093311804456129011")).not.toBe(a.slice(3));
    expect(s.text("~01c18509838082155d")).toMatch(/^~01\d{16}$/);
  });
});

describe("Shaper.url", () => {
  it("keeps route words and Upwork's host, so the address still names its page kind", () => {
    const s = new Shaper();
    const urls = [
      "https://www.upwork.com/jobs/React-Native-developer-for-pet-care-booking-app_~022093300417788990012/",
      "https://www.upwork.com/nx/proposals/interview/uid/2093311804456129011",
      "https://www.upwork.com/nx/proposals/interview/uid/2093311804456129011/accept",
      "https://www.upwork.com/nx/proposals/job/~022093312200334455667/apply/",
      "https://www.upwork.com/nx/proposals/2093239911002233445",
      "https://www.upwork.com/nx/find-work/best-matches",
      "https://www.upwork.com/nx/find-work/most-recent/details/~021999055296412911573?pageTitle=Job%20Details",
      "https://www.upwork.com/freelance-jobs/apply/Some-title_~021999055296412911573/",
    ];
    for (const url of urls) expect(pageKind(s.url(url)), url).toBe(pageKind(url));
    expect(s.url(urls[0]!)).toMatch(
      /^https:\/\/www\.upwork\.com\/jobs\/Xxxxx-Xxxxxx-xxxxxxxxx-xxx-xxx-xxxx-xxxxxxx-xxx_~02\d{19}\/$/,
    );
  });

  it("shapes other hosts and query values, drops fragments and script addresses", () => {
    const s = new Shaper();
    expect(s.url("https://example.com/Portland/a?q=react%20native&ontology_skill_uid=1031626748887302144#top")).toMatch(
      /^https:\/\/xxxxxxx\.xxx\/Xxxxxxxx\/x\?q=xxxxx%20xxxxxx&ontology_skill_uid=1\d{18}$/,
    );
    expect(s.url("javascript:alert(document.cookie)")).toBe("javascript:");
    expect(s.url("mailto:dana@example.com")).toBe("mailto:xxxx%40xxxxxxx.xxx");
  });
});

describe("Shaper.token", () => {
  it("keeps identifiers, pseudonymises the ids in them, shapes a value that reads as text", () => {
    const s = new Shaper();
    expect(s.token("about-client-container")).toBe("about-client-container");
    expect(s.token("air3-truncation-12")).toBe("air3-truncation-12");
    expect(s.token("2093300417788990012")).toMatch(/^1\d{18}$/);
    expect(s.token("__transition-295-/jobs/Social-media-advertising_~01c18509838082155d")).toMatch(
      /^__xxxxxxxxxx-100-\/jobs\/Xxxxxx-xxxxx-xxxxxxxxxxx_~01\d{16}$/,
    );
    expect(s.token("No feedback yet")).toBe("No feedback xxx");
  });
});

/** The literal words of every pattern in the anchor tables and parsers: regex literals and String.raw templates. */
function parserPatternWords(): Map<string, string> {
  const words = new Map<string, string>();
  for (const dir of ["src/content/anchors", "src/content/parse"]) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts"))) {
      const path = join(dir, file);
      const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        let pattern: string | null = null;
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral)
          pattern = node.getText(source).replace(/^\/|\/[a-z]*$/g, "");
        else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === "String.raw")
          pattern = node.template.getText(source).slice(1, -1);
        // A `${…}` is another pattern's name, not a word of this one.
        if (pattern)
          for (const w of patternWords(pattern.replace(/\$\{[^}]*\}/g, " "))) if (w.length > 1) words.set(w, path);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return words;
}

describe("the label vocabulary", () => {
  it("holds every word of every pattern the parsers match, so a report keeps what they look for", () => {
    const words = parserPatternWords();
    expect(words.size).toBeGreaterThan(100);
    const absent = [...words].filter(([w]) => !LABEL_WORDS.has(w.toLowerCase())).map(([w, path]) => `${w} (${path})`);
    expect(absent).toEqual([]);
  });

  it("reads a pattern's words, not its syntax", () => {
    expect(patternWords(String.raw`^Client'?s recent history\b`)).toEqual(["Client", "s", "recent", "history"]);
    expect(patternWords(String.raw`(\d[\d,]*\s+jobs? posted)`)).toEqual(["jobs", "job", "posted"]);
    expect(patternWords(String.raw`\b([A-Z][a-z]{2,8})\.? (?:Less|More) than`)).toEqual(["Less", "More", "than"]);
  });
});
