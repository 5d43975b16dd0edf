/**
 * The page report's skeleton, over every sample page, parser fixture and (when present) real capture:
 * the command line reads it like a saved page — same page kind, same fields found — and it holds none
 * of the record's words. Both sides are read by the text parser: the skeleton carries no page state
 * (the state is client data), so the state's fields are compared by the field health it lists instead.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Window } from "happy-dom";
import { afterAll, describe, expect, it } from "vitest";
import { loadPage } from "../../../src/cli/load-page";
import { parseFile } from "../../../src/cli/parse";
import { parsePage } from "../../../src/content/parse/index";
import { sniffKind } from "../../../src/content/parse/sniff";
import { fieldHealth } from "../../../src/report/health";
import { MAX_REPORT_CHARS, MAX_SKELETON_CHARS } from "../../../src/report/limits";
import { pageSkeleton, TRUNCATED_MARKER } from "../../../src/report/skeleton";
import type { PageKind, ParsedPage } from "../../../src/shared/records";
import { CAPTURES, captureExpectations, fixtures, loadHtml, NOW, readFixture, savedUrl } from "../parse/helpers";

const KINDS: PageKind[] = ["invitations", "invitation", "job", "apply", "proposal", "home"];

/** Fields whose values are codes of a fixed set (records.md §3), not page text: "hourly", "expert", "declined". */
const CODES = new Set(["type", "experienceLevel", "duration", "hoursPerWeek", "status", "kind", "paymentKind"]);
/** Upwork's own option texts, kept on purpose as label words (the anchor table reads them by name). */
const UPWORK_OPTIONS = new Set(["Worldwide", "U.S. only"]);

/** Every text value of a record (≥ 4 characters: shorter ones occur anywhere) with its path. */
function textValues(value: unknown, path = "", out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === "string") {
    const key = path
      .replace(/\[\d+\]$/, "")
      .split(".")
      .at(-1)!;
    if (value.length >= 4 && !CODES.has(key) && !UPWORK_OPTIONS.has(value)) out.push([path, value]);
  } else if (Array.isArray(value)) value.forEach((v, i) => textValues(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) textValues(v, path ? `${path}.${k}` : k, out);
  return out;
}

/**
 * Fields the skeleton may read where the page could not, each for a reason of principle:
 * - form.coverLetterMaxChars: a saved page keeps no typed letter, so the parser refuses an odd "N
 *   characters left" beside an empty field; a shaped count is round (1 then 0s), which it accepts.
 */
const MAY_APPEAR = new Set(["form.coverLetterMaxChars"]);

const temp = mkdtempSync(join(tmpdir(), "iw-skeleton-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Builds the skeleton of a page read into `doc`, writes it to a file and reads it with the command
 * line's `parse`, as a developer would read a user's report.
 */
async function throughTheCommandLine(name: string, doc: Document, url: string, parsed: ParsedPage | null) {
  const health = parsed ? fieldHealth({ url, parsed }) : null;
  const { html, truncated } = pageSkeleton(doc, url, health);
  const file = join(temp, name.replace(/[^\w.-]+/g, "_") + ".html");
  writeFileSync(file, html);
  const line = await parseFile(file, { now: NOW, files: [file] });
  return { html, truncated, line: line as { kind?: string; missing?: string[]; error?: string } };
}

function expectSameRead(original: ParsedPage | null, line: { kind?: string; missing?: string[]; error?: string }) {
  expect(line.error).toBeUndefined();
  expect(line.kind).toBe(original?.kind ?? "other");
  const missing = original?.missing ?? [];
  expect((line.missing ?? []).filter((f) => !missing.includes(f))).toEqual([]);
  expect(missing.filter((f) => !line.missing!.includes(f) && !MAY_APPEAR.has(f))).toEqual([]);
}

function expectNoRecordText(original: ParsedPage | null, html: string) {
  const leaked = textValues(original?.record).filter(([, v]) => html.includes(v));
  expect(leaked).toEqual([]);
}

describe("the skeleton of every sample page and parser fixture", () => {
  for (const kind of KINDS) {
    for (const fx of fixtures(kind)) {
      it(`${fx.name}: the command line reads the same kind and fields, and no text of the record`, async () => {
        const html = readFixture(fx.name);
        const url = savedUrl(html);
        const { doc, close } = loadHtml(html);
        try {
          const original = parsePage(doc, url, NOW, url ? undefined : sniffKind(doc));
          expect(original?.kind).toBe(kind);
          const report = await throughTheCommandLine(fx.name, doc, url, original);
          expect(report.html.startsWith("<!-- saved from url=(")).toBe(true);
          expect(report.truncated).toBe(false);
          expectSameRead(original, report.line);
          expectNoRecordText(original, report.html);
          // The field health names what was read and missed, never a value.
          expect(report.html).toContain(`Field health of the last read (${kind} page`);
          for (const field of original!.missing) expect(report.html).toContain(`  ${field}\n`);
        } finally {
          await close();
        }
      });
    }
  }
});

describe.skipIf(!existsSync(CAPTURES))("the skeleton of the real captures (../shared/upwork/captures)", () => {
  for (const { name, exp } of existsSync(CAPTURES) ? captureExpectations() : []) {
    it(`${name}: the same kind and fields, no text of the record`, async () => {
      const page = await loadPage(join(CAPTURES, exp.capture), exp.url);
      try {
        const original = parsePage(page.document, exp.url, new Date(exp.now));
        const report = await throughTheCommandLine(name, page.document, exp.url, original);
        // parseFile reads at its own `now`: relative times differ, which fields are found does not.
        expectSameRead(original, report.line);
        expectNoRecordText(original, report.html);
        // Leaner than the page: scripts, styles and drawings go.
        expect(report.html.length).toBeLessThan((await readFile(join(CAPTURES, exp.capture), "utf8")).length);
      } finally {
        await page.close();
      }
    });
  }
});
if (!existsSync(CAPTURES))
  it.skip(`real captures: ${CAPTURES} is absent (a fresh clone has none); the sample pages and fixtures above still run`, () => {});

/** A blank happy-dom document to build pages in with the DOM API. */
function blank(url = "https://www.upwork.com/nx/proposals/") {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return { doc: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

describe("what the skeleton leaves out", () => {
  it("scripts and the page state, styles, drawings, form values, and every attribute but the parsers' anchors", async () => {
    const { doc, close } = loadHtml(`<!DOCTYPE html><html><head><title>Secret title</title><style>.secret{}</style>
      <script id="__NUXT_DATA__" type="application/json">["Secret client Portland"]</script><script>window.__NUXT__={secret:1}</script></head>
      <body><div data-test="about-client-container" class="air3-card" id="c1" role="region" style="color:red" title="Secret" onclick="steal()">
      <h5 data-testid="head-title"> About the client </h5><img src="https://x/Secret.png" alt="Secret face">
      <svg data-cy="fixed-price" viewBox="0 0 9 9"><text>Secret</text><path d="M0 0"/></svg>
      <input name="milestoneMode" type="radio" value="Secret" checked placeholder="Secret"><textarea aria-labelledby="cover_letter_label">Secret letter</textarea>
      <button aria-label="Save job Secret title">Save</button><a href="/jobs/Secret-title_~022093300417788990012/?q=Secret#Secret">Secret</a>
      <!-- Secret comment --><iw-panel data-iw-panel>Our panel</iw-panel></div></body></html>`);
    try {
      const { html } = pageSkeleton(doc, "https://www.upwork.com/jobs/Secret-title_~022093300417788990012/");
      expect(html).not.toMatch(/secret|portland|steal|nuxt|color:red|our panel/i);
      expect(html).toContain(`<div data-test="about-client-container" class="air3-card" id="c1" role="region">`);
      expect(html).toContain('<h5 data-testid="head-title"> About the client </h5>');
      expect(html).toContain(`<svg data-cy="fixed-price"></svg>`);
      expect(html).toContain(`<input name="milestoneMode" type="radio" checked>`);
      expect(html).toContain(`<textarea aria-labelledby="cover_letter_label"></textarea>`);
      expect(html).toContain(`<button aria-label="Xxxx job Xxxxxx xxxxx">Xxxx</button>`);
      expect(html).toMatch(/<a href="\/jobs\/Xxxxxx-xxxxx_~02\d{19}\/\?q=Xxxxxx">Xxxxxx<\/a>/);
      expect(html).toContain("<img>");
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<style");
    } finally {
      await close();
    }
  });

  it("a stale parse (the tab has since moved to another page) is not reported as this page's", () => {
    const { doc } = blank();
    const parsed = { kind: "job", record: {}, missing: ["client.city"], warnings: [] } as unknown as ParsedPage;
    const health = fieldHealth({ url: "https://www.upwork.com/jobs/~021", parsed });
    const { html } = pageSkeleton(doc, "https://www.upwork.com/nx/proposals/", health);
    expect(html).toContain("Invitewise has not read this page in this tab");
    expect(html).not.toContain("client.city");
  });

  it("field health: names, sources and anchors only; anything else is dropped, and nothing closes the comment early", () => {
    const { doc } = blank("https://www.upwork.com/jobs/~021");
    const parsed = {
      kind: "job",
      record: {},
      missing: ["client.city", "Portland, OR", "<!-- x -->"],
      warnings: ["client: section not found"],
      sources: { "job.title": "both", "a title with words": "text" },
      anchors: {
        "job.title": ".job-details-card h4 --> span",
        "client.totalSpent": "label /(\\$\\s?[\\d,.]+\\s?[KMB]?\\+?\\s*total spent)/",
      },
      fallbacks: ["client.totalSpent"],
      disagreements: ["job.title"],
    } as unknown as ParsedPage;
    const { html } = pageSkeleton(
      doc,
      "https://www.upwork.com/jobs/~021",
      fieldHealth({ url: "https://www.upwork.com/jobs/~021", parsed }),
    );
    const comment = html.slice(html.indexOf("<!--\n"), html.indexOf("\n-->") + 4);
    expect(comment.slice(4, -3)).not.toContain("-->");
    expect(comment).toContain("  job.title: both, .job-details-card h4 -> span\n");
    expect(comment).toContain("  client.totalSpent: text, label /(\\$\\s?[\\d,.]+\\s?[KMB]?\\+?\\s*total spent)/\n");
    expect(comment).toContain("Missing (1):\n  client.city\n");
    expect(comment).toContain("Read through a fallback (1):\n  client.totalSpent\n");
    expect(comment).toContain("Page and page state disagree (1):\n  job.title\n");
    expect(comment).not.toMatch(/Portland|a title with words|section not found|<!-- x/);
  });
});

describe("the skeleton's bounds", () => {
  it("walks a page nested 5,000 deep without recursion", async () => {
    const { doc, close } = blank();
    let at: Element = doc.body;
    for (let i = 0; i < 5000; i++) at = at.appendChild(doc.createElement("div"));
    at.textContent = "Deep secret";
    const { html, truncated } = pageSkeleton(doc, "https://www.upwork.com/nx/proposals/");
    expect(truncated).toBe(false);
    expect(html.match(/<div>/g)).toHaveLength(5000);
    expect(html.match(/<\/div>/g)).toHaveLength(5000);
    expect(html).toContain("Xxxx xxxxxx");
    // Taken down leaf first: happy-dom's own teardown recurses and can overflow on 5,000 levels.
    for (let leaf: Element | null = at; leaf && leaf !== doc.body;) {
      const parent: Element | null = leaf.parentElement;
      leaf.remove();
      leaf = parent;
    }
    await close();
  });

  it("stops at its bound on a huge page, with a marker", { timeout: 30_000 }, async () => {
    const { doc, close } = blank();
    const row = doc.createElement("p");
    row.className = "row";
    row.textContent = "A client's long words, repeated until the page is far too big. ";
    const list = doc.body.appendChild(doc.createElement("div"));
    for (let i = 0; i < 40_000; i++) list.appendChild(row.cloneNode(true));
    const { html, truncated } = pageSkeleton(doc, "https://www.upwork.com/nx/proposals/");
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(MAX_SKELETON_CHARS + TRUNCATED_MARKER.length + 2);
    expect(html.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(html.length).toBeGreaterThan(MAX_SKELETON_CHARS - 200);
    expect(html.trimEnd().endsWith(TRUNCATED_MARKER)).toBe(true);
    expect(html.includes("repeated")).toBe(false);
    await close();
  });

  it("cuts one text larger than the bound rather than leave it out", async () => {
    const { doc, close } = blank();
    doc.body.appendChild(doc.createElement("pre")).textContent = "Words ".repeat(500_000);
    const { html, truncated } = pageSkeleton(doc, "https://www.upwork.com/nx/proposals/", null, 50_000);
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(50_000 + TRUNCATED_MARKER.length + 2);
    // Megabytes of text: checked as booleans, so a failure does not print them.
    expect(html.includes("<pre>Xxxxx Xxxxx ")).toBe(true);
    expect(html.includes("Words")).toBe(false);
    await close();
  });
});
