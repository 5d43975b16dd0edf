/** Meta-test: every selector of every anchor table matches in at least one fixture (no dead anchors). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as apply from "../../../src/content/anchors/apply";
import * as home from "../../../src/content/anchors/home";
import * as invitations from "../../../src/content/anchors/invitations";
import * as job from "../../../src/content/anchors/job";
import * as proposal from "../../../src/content/anchors/proposal";
import * as sniff from "../../../src/content/anchors/sniff";
import { join } from "node:path";
import { FIXTURES, fixtures, loadHtml } from "./helpers";

/** Selector anchors: the strings in anchor lists, and `sel` of the `{ sel, up }` ones. */
function selectors(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => (typeof v === "string" ? out.add(v) : selectors(v, out)));
  else if (value && typeof value === "object" && !(value instanceof RegExp)) {
    const o = value as Record<string, unknown>;
    if (typeof o.sel === "string") out.add(o.sel);
    else Object.values(o).forEach((v) => selectors(v, out));
  }
  return out;
}

describe("anchor tables", () => {
  // The parsers' fixtures, and the apply forms that *Insert* fills (its anchors live in the same tables).
  const drafting = ["apply-form.html", "apply-dialog.html"].map((f) => join(FIXTURES, "drafting", f));
  const docs = [
    ...(["invitations", "invitation", "apply", "proposal", "job", "home"] as const).flatMap((k) =>
      fixtures(k).map((f) => f.htmlPath),
    ),
    ...drafting,
  ].map((path) => loadHtml(readFileSync(path, "utf8")).doc);
  const all = new Set<string>();
  for (const mod of [apply, home, invitations, job, proposal]) selectors(mod, all);
  for (const [, marker] of sniff.SNIFF) if (typeof marker === "string") all.add(marker);
  Object.values(apply.FEATURE_ICONS).forEach((s) => all.add(s));

  it("has anchors to check", () => expect(all.size).toBeGreaterThan(60));
  for (const sel of all) {
    it(`"${sel}" matches in some fixture`, () => {
      expect(docs.some((d) => d.querySelector(sel) != null)).toBe(true);
    });
  }
});
