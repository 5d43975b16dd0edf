/**
 * Generated invitations lists for the benchmark: the sample invitations page's own row markup,
 * cloned with new ids, titles and item numbers, so the parsers and the overlay see exactly what they
 * see on the sample page, only longer.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, SAMPLE_PAGES } from "../extension-browser";

export interface InvitationsTemplate {
  /** The whole sample page. */
  html: string;
  /** The invitations card (`[data-qa='card-invitations']` … its closing `</div>`). */
  card: string;
  /** The invitation rows of the card, each one `<tr …>…</tr>`. */
  rows: string[];
}

const CARD = /<div data-qa="card-invitations"[\s\S]*?<\/tbody><\/table><\/div>\n/;
const ROW = /<tr class="details-row"[^>]*data-ev-sublocation="interviews"[\s\S]*?<\/tr>/g;

export async function invitationsTemplate(): Promise<InvitationsTemplate> {
  const html = await readFile(join(SAMPLE_PAGES, "invitations.html"), "utf8");
  const card = CARD.exec(html)?.[0];
  if (!card) throw new Error("sample-pages/invitations.html: no invitations card found (its markup changed?)");
  const rows = card.match(ROW) ?? [];
  if (rows.length === 0) throw new Error("sample-pages/invitations.html: no invitation rows found");
  return { html, card, rows };
}

/** Row `i` of a generated list: the template row `i % rows`, with its own id, title and item number. */
function row(template: string, i: number): string {
  const id = String(3_000_000_000_000_000_000n + BigInt(i));
  return template
    .replace(/\/interview\/uid\/\d+/g, `/interview/uid/${id}`)
    .replace(/data-qa="item\d+"/, `data-qa="item${i}"`)
    .replace(/(aria-label=")([^"]*)(")/, (_m, a: string, title: string, b: string) => `${a}${title} (#${i + 1})${b}`)
    .replace(
      /(class="up-n-link"[^>]*>)([^<]*)(<\/a>)/,
      (_m, a: string, title: string, b: string) => `${a}${title} (#${i + 1})${b}`,
    );
}

/** The invitations card with `n` rows and the count "(n)". */
export function invitationsCard(t: InvitationsTemplate, n: number): string {
  const rows = Array.from({ length: n }, (_, i) => row(t.rows[i % t.rows.length]!, i)).join("\n");
  const [head] = t.card.split(t.rows[0]!);
  const tail = t.card.slice(t.card.lastIndexOf(t.rows[t.rows.length - 1]!) + t.rows[t.rows.length - 1]!.length);
  return `${head!.replace(/<span data-qa="count">\(\d+\)<\/span>/, `<span data-qa="count">(${n})</span>`)}${rows}${tail}`;
}

/** The sample page with an `n`-row invitations list. */
export function invitationsPage(t: InvitationsTemplate, n: number): string {
  return t.html.replace(t.card, invitationsCard(t, n));
}

/** The sample page without its invitations card: the list arrives later, as Upwork's app renders it. */
export function invitationsShell(t: InvitationsTemplate): string {
  return t.html.replace(t.card, "");
}

/** The real capture the page-cost goal is measured on (other people's file: read in place, never copied). */
export const CAPTURE_FILE = join(ROOT, "../shared/upwork/captures/job-detail-card.html");
const CAPTURE_CIPHER = "~021999055296412911573";

export interface CapturePage {
  name: string;
  kind: string;
  url: string;
  html: string;
}

/**
 * The capture `job-detail-card.html` (a Dec-2025 job-details slider) served two ways at its real
 * addresses: as a job page, and as the slider inside a Find Work app shell. Null when
 * ../shared/upwork/captures is not beside the checkout (a fresh clone): the measure is then skipped.
 */
export async function capturePages(): Promise<CapturePage[] | null> {
  const fragment = await readFile(CAPTURE_FILE, "utf8").catch(() => null);
  if (fragment === null) return null;
  const page = (title: string, body: string) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="https://www.upwork.com/static/invitewise-samples/air3-standin.css"></head><body class="air3">${body}</body></html>`;
  const shell = (inner: string) =>
    `<div id="main" class="layout-page-content"><nav class="nav-d-header" aria-label="Main navigation"><a href="/nx/find-work/" class="nav-item">Find work</a></nav>` +
    `<section data-test="job-tiles"><h2>Jobs you might like</h2>${'<article class="job-tile"><h3>Another job</h3><p>A short description of another job.</p></article>'.repeat(10)}</section>` +
    `<div class="air3-fullscreen-element air3-slider" role="dialog" aria-label="Job details">${inner}</div></div>`;
  return [
    {
      name: "capture as job page",
      kind: "job",
      url: `https://www.upwork.com/jobs/${CAPTURE_CIPHER}`,
      html: page("Job - Upwork", `<div id="main">${fragment}</div>`),
    },
    {
      name: "capture as slider",
      kind: "job",
      url: `https://www.upwork.com/nx/find-work/most-recent/details/${CAPTURE_CIPHER}`,
      html: page("Find Work - Upwork", shell(fragment)),
    },
  ];
}
