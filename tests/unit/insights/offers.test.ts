/** The offers the Proposals page lists, read beside its invitations for the invitation log. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { offerTitles } from "../../../src/content/parse/offers";
import { loadHtml, ROOT } from "../parse/helpers";

describe("offerTitles", () => {
  it("reads the job titles of the sample page's offers, never its invitations or proposals", async () => {
    const { doc, close } = loadHtml(readFileSync(join(ROOT, "sample-pages/invitations.html"), "utf8"));
    expect(offerTitles(doc)).toEqual(["Landing page refresh in Astro"]);
    await close();
  });

  it("reads none where the page has no offers card, and at most 50 distinct titles", async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `<tr><td><a href="/nx/offers/${i}">Offer: Job ${i % 55}</a></td></tr>`,
    ).join("");
    const many = loadHtml(`<div data-qa="card-offers"><table>${rows}</table></div>`);
    expect(offerTitles(many.doc)).toEqual(Array.from({ length: 50 }, (_, i) => `Job ${i}`));
    await many.close();
    const none = loadHtml(`<a href="/nx/offers/1">Offer: elsewhere</a>`);
    expect(offerTitles(none.doc)).toEqual([]);
    await none.close();
  });
});
